// Everything known about one province, by pillar, with the period and quote of every figure.
import { indicatorName, messages } from '../i18n.js';
import { PAGE_ROWS, pager } from '../pager.js';
import { unitHeading } from '../format.js';
import { valueButton } from './table.js';

/**
 * Figures drawn per indicator: the last ones (the latest, targets after them), a dozen so that an
 * annual index (PAPI since 2018, DTI since 2020) shows its whole run; a reader's longer series says
 * how many earlier figures the Sources view lists.
 */
const FIGURES_PER_ENTRY = 12;

/**
 * @param {HTMLElement} container
 * @param {{profile: import('../../pkg/ict_compare.js').Profile, catalog: any, lang: 'vi'|'en',
 *          choices: {id: string, name: string}[], onProvince: (id: string) => void,
 *          onValue: (anchor: HTMLElement, figure: any) => void, offset?: number,
 *          onPage?: (offset: number, button: string) => void}} model
 */
export function render(container, { profile, catalog, lang, choices, onProvince, onValue, offset = 0, onPage = () => {} }) {
  const t = messages(lang);
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const provinces = new Map(catalog.provinces.map((p) => [p.id, p]));
  const header = document.createElement('div');
  header.className = 'profile-header';
  const label = document.createElement('label');
  label.textContent = `${t.profileOf} `;
  const select = document.createElement('select');
  for (const choice of choices) {
    const option = document.createElement('option');
    option.value = choice.id;
    option.textContent = choice.name;
    option.selected = choice.id === profile.province;
    select.append(option);
  }
  select.addEventListener('change', () => onProvince(select.value));
  label.append(select);
  const count = document.createElement('p');
  count.className = 'summary';
  count.textContent = t.figures(profile.figures);
  header.append(label, count);
  if (profile.members.length > 1 || profile.members[0] !== profile.province) {
    const members = document.createElement('p');
    members.className = 'members';
    members.textContent = t.profileMembers(profile.members.map((m) => provinces.get(m)?.name ?? m).join(', '));
    header.append(members);
  }
  /** @type {HTMLElement[]} */
  const nodes = [header];
  if (!profile.pillars.length) {
    const empty = document.createElement('p');
    empty.className = 'empty-state';
    empty.textContent = t.profileEmpty;
    nodes.push(empty);
  }
  // The entries are drawn a page at a time: a reader's file can give one province thousands.
  const entries = profile.pillars.flatMap((pillar) => pillar.entries.map((entry) => ({ pillar, entry })));
  const start = offset < entries.length ? offset : 0;
  const shown = entries.slice(start, start + PAGE_ROWS);
  const pillars = [...new Set(shown.map((e) => e.pillar))];
  for (const pillar of pillars) {
    const section = document.createElement('section');
    section.className = 'pillar';
    const heading = document.createElement('h3');
    heading.textContent = t.pillars[pillar.pillar] ?? pillar.pillar;
    const list = document.createElement('dl');
    for (const { entry } of shown.filter((e) => e.pillar === pillar)) {
      const indicator = indicators.get(entry.indicator);
      const term = document.createElement('dt');
      term.textContent = indicatorName(indicator, lang);
      const unit = unitHeading(indicator.unit, lang);
      const extras = [];
      if (unit) extras.push(unit);
      if (entry.scope !== 'province') extras.push(entry.scope);
      if (profile.members.length > 1) extras.push(provinces.get(entry.province)?.name ?? entry.province);
      if (extras.length) {
        const small = document.createElement('small');
        small.textContent = ` (${extras.join(' · ')})`;
        term.append(small);
      }
      const detail = document.createElement('dd');
      const figures = entry.figures.slice(-FIGURES_PER_ENTRY);
      for (const figure of figures) detail.append(valueButton({ ...figure, best: false }, indicator.unit, indicator, lang, onValue));
      if (entry.figures.length > figures.length) {
        const more = document.createElement('small');
        more.className = 'more';
        more.textContent = t.earlierFigures(entry.figures.length - figures.length);
        detail.append(more);
      }
      list.append(term, detail);
    }
    section.append(heading, list);
    nodes.push(section);
  }
  const nav = pager({ total: entries.length, offset: start, limit: PAGE_ROWS, lang, label: t.profilePages, onPage });
  if (nav) nodes.push(nav);
  container.replaceChildren(...nodes);
}
