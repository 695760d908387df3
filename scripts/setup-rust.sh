#!/usr/bin/env bash
# Makes the Rust toolchain that rust-toolchain.toml pins complete: the toolchain itself, and every
# component and target the file names. rustup adds a toolchain file's targets and components only
# when it installs that toolchain, so a machine that already has the toolchain (without wasm32, say)
# must be completed by hand. Each piece is checked for itself, so a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "setup-rust: $*" >&2; exit 1; }
command -v rustup >/dev/null || fail "rustup is not on PATH; install it from your distribution or rustup.rs, then run make again"

file=rust-toolchain.toml
channel=$(sed -n 's/^channel *= *"\(.*\)"$/\1/p' "$file")
[ -n "$channel" ] || fail "$file names no channel"
# The lists are one line each: `components = ["rustfmt", "clippy"]`.
list() { sed -n "s/^$1 *= *\[\(.*\)\]$/\1/p" "$file" | tr -d '" ' | tr ',' ' '; }
components=$(list components)
targets=$(list targets)

if ! rustup toolchain list | grep -q "^$channel-"; then
  echo "installing the Rust $channel toolchain"
  rustup toolchain install "$channel" --profile minimal || fail "could not install Rust $channel"
fi
installed_components=$(rustup component list --installed --toolchain "$channel")
for component in $components; do
  if ! grep -q "^$component-" <<<"$installed_components" && ! grep -qx "$component" <<<"$installed_components"; then
    echo "adding the $component component to Rust $channel"
    rustup component add "$component" --toolchain "$channel" || fail "could not add $component to Rust $channel"
  fi
done
installed_targets=$(rustup target list --installed --toolchain "$channel")
for target in $targets; do
  if ! grep -qx "$target" <<<"$installed_targets"; then
    echo "adding the $target target to Rust $channel"
    rustup target add "$target" --toolchain "$channel" || fail "could not add the $target target to Rust $channel"
  fi
done
