// Everything known about one province, by pillar, with the period and quote of every figure.
import { indicatorName, messages } from '../i18n.js';
import { unitLabel, valueButton } from './table.js';

/**
 * @param {HTMLElement} container
 * @param {{profile: import('../../pkg/ict_compare.js').Profile, catalog: any, lang: 'vi'|'en',
 *          choices: {id: string, name: string}[], onProvince: (id: string) => void,
 *          onValue: (anchor: HTMLElement, figure: any) => void}} model
 */
export function render(container, { profile, catalog, lang, choices, onProvince, onValue }) {
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
  const nodes = [header];
  if (!profile.pillars.length) {
    const empty = document.createElement('p');
    empty.className = 'empty-state';
    empty.textContent = t.profileEmpty;
    nodes.push(empty);
  }
  for (const pillar of profile.pillars) {
    const section = document.createElement('section');
    section.className = 'pillar';
    const heading = document.createElement('h3');
    heading.textContent = t.pillars[pillar.pillar] ?? pillar.pillar;
    const list = document.createElement('dl');
    for (const entry of pillar.entries) {
      const indicator = indicators.get(entry.indicator);
      const term = document.createElement('dt');
      term.textContent = indicatorName(indicator, lang);
      const unit = unitLabel(indicator.unit, indicator, lang);
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
      for (const figure of entry.figures) detail.append(valueButton({ ...figure, best: false }, indicator.unit, indicator, lang, onValue));
      list.append(term, detail);
    }
    section.append(heading, list);
    nodes.push(section);
  }
  container.replaceChildren(...nodes);
}
