//! What the text of a field may hold, whatever the file: characters that cannot be seen, the
//! addresses a report may link to, the paths a data folder may name.
//!
//! These rules protect whoever shows or follows the text (a terminal, a page, the file system);
//! this module knows no column and no file format.

use crate::error::PathRule;

/// Whether `c` takes no visible place in text: control characters, the byte-order mark,
/// zero-width and joining characters, the soft hyphen, and the direction marks, embeddings,
/// overrides and isolates that reorder text around them.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff9}'..='\u{fffb}'
        )
}

/// Which rule, if any, a path named by a data folder breaks before the file system is asked:
/// it must be relative, made of plain parts separated by `/`, with no `..`, `.` or empty part,
/// and no control character, backslash or colon (no drive letter, no URL). Whoever reads the
/// file must still check where links lead and what kind of file it is.
///
/// ```
/// use ict_compare::{PathRule, relative_path_problem};
/// assert_eq!(relative_path_problem("sources/tv-2016.txt"), None);
/// assert_eq!(relative_path_problem("/etc/passwd"), Some(PathRule::Relative));
/// assert_eq!(relative_path_problem("sources/../../x"), Some(PathRule::NoParent));
/// ```
#[must_use]
pub fn relative_path_problem(path: &str) -> Option<PathRule> {
    if path.starts_with(['/', '\\']) {
        return Some(PathRule::Relative);
    }
    if path
        .chars()
        .any(|c| c == '\\' || c == ':' || is_invisible(c))
    {
        return Some(PathRule::PlainCharacters);
    }
    if path.split('/').any(|part| matches!(part, "" | "." | "..")) {
        return Some(PathRule::NoParent);
    }
    None
}

/// Whether `text` is an `http:` or `https:` address: the only links a report may carry, since
/// a `javascript:` or `data:` address runs script where it is followed.
///
/// ```
/// use ict_compare::is_web_address;
/// assert!(is_web_address("https://baotravinh.vn/a.html"));
/// assert!(!is_web_address("javascript:alert(1)"));
/// ```
#[must_use]
pub fn is_web_address(text: &str) -> bool {
    let rest = ["https://", "http://"].iter().find_map(|scheme| {
        text.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &text[scheme.len()..])
    });
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !rest.chars().any(|c| {
                c.is_whitespace() || is_invisible(c) || matches!(c, '"' | '<' | '>' | '\\')
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_the_ones_that_take_no_place() {
        for c in [
            '\u{feff}', '\u{200b}', '\u{200d}', '\u{202e}', '\u{2067}', '\u{1b}', '\u{9b}',
            '\u{ad}',
        ] {
            assert!(is_invisible(c), "{:04x}", u32::from(c));
        }
        for c in ['a', 'ă', 'Đ', ' ', '\u{a0}', '%', '–'] {
            assert!(!is_invisible(c), "{:04x}", u32::from(c));
        }
    }
}
