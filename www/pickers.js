// Choosing what to compare: a province combobox that finds "tra vinh", "Trà Vinh" and
// "TRA VINH" alike, sorted in Vietnamese order and grouped by region (or listing what each 2025
// province holds), and an indicator picker by pillar with each definition one tap away.
import { compareText, searchKey } from './format.js';
import { indicatorName, messages } from './i18n.js';

let nextId = 0;
const uid = (prefix) => `${prefix}-${++nextId}`;

export class ProvincePicker {
  /**
   * @param {{catalog: any, onAdd: (id: string) => void, onRemove: (id: string) => void}} options
   */
  constructor({ catalog, onAdd, onRemove }) {
    this.catalog = catalog;
    this.onAdd = onAdd;
    this.onRemove = onRemove;
    this.element = document.createElement('div');
    this.element.className = 'picker provinces-picker';
    this.label = document.createElement('label');
    this.input = document.createElement('input');
    this.input.type = 'text';
    this.input.id = uid('province-search');
    this.input.autocomplete = 'off';
    this.input.spellcheck = false;
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-expanded', 'false');
    this.label.htmlFor = this.input.id;
    this.list = document.createElement('ul');
    this.list.id = uid('province-options');
    this.list.setAttribute('role', 'listbox');
    this.list.hidden = true;
    this.input.setAttribute('aria-controls', this.list.id);
    this.chips = document.createElement('ul');
    this.chips.className = 'chips';
    const field = document.createElement('div');
    field.className = 'combo';
    field.append(this.input, this.list);
    this.element.append(this.label, this.chips, field);
    this.active = -1;
    this.input.addEventListener('input', () => this.open());
    this.input.addEventListener('focus', () => this.open());
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /**
   * Updates the chips and the options for the current view; `availability` is the engine's
   * count of each province's indicators in the list shown.
   * @param {{selected: string[], scheme: string, lang: 'vi'|'en', availability: import('./types/engine').Availability}} view
   */
  update({ selected, scheme, lang, availability }) {
    this.selected = selected;
    this.scheme = scheme;
    this.lang = lang;
    this.counts = new Map(availability.provinces.map((p) => [p.province, p.indicators]));
    const t = messages(lang);
    this.label.textContent = t.provinces;
    this.input.placeholder = t.addProvince;
    this.input.setAttribute('aria-label', t.searchProvince);
    const byId = new Map(this.catalog.provinces.map((p) => [p.id, p]));
    this.chips.replaceChildren(
      ...selected.map((id) => {
        const item = document.createElement('li');
        const name = byId.get(id)?.name ?? id;
        const text = document.createElement('span');
        text.textContent = name;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'chip-remove';
        remove.textContent = '×';
        remove.setAttribute('aria-label', t.removeProvince(name));
        remove.addEventListener('click', () => this.onRemove(id));
        item.append(text, remove);
        return item;
      }),
    );
    if (!this.list.hidden) this.open();
  }

  options() {
    const key = searchKey(this.input.value.trim());
    const byId = new Map(this.catalog.provinces.map((p) => [p.id, p]));
    const regions = new Map(this.catalog.regions.map((r) => [r.code, this.lang === 'en' ? r.nameEn : r.nameVi]));
    const t = messages(this.lang);
    return this.catalog.provinces
      .filter((p) => p.id.startsWith(this.scheme) && !this.selected.includes(p.id))
      .map((p) => {
        const members = p.mergedFrom.length > 1 ? p.mergedFrom.map((m) => byId.get(m)?.name ?? m) : [];
        const words = [p.name, p.nameFull, ...members].map(searchKey).join(' ');
        return {
          province: p,
          group: p.region ? regions.get(p.region) ?? p.region : t.newProvinces,
          detail: members.length ? t.includes(members.join(', ')) : '',
          words,
        };
      })
      .filter((o) => !key || o.words.includes(key))
      .sort((a, b) => compareText(a.group, b.group, this.lang) || compareText(a.province.name, b.province.name, this.lang));
  }

  open() {
    const options = this.options();
    this.current = options;
    const t = messages(this.lang);
    const items = [];
    let group = null;
    options.forEach((option, index) => {
      if (option.group !== group) {
        group = option.group;
        const heading = document.createElement('li');
        heading.className = 'group';
        heading.setAttribute('role', 'presentation');
        heading.textContent = group;
        items.push(heading);
      }
      const item = document.createElement('li');
      item.id = `${this.list.id}-${index}`;
      item.setAttribute('role', 'option');
      item.dataset.id = option.province.id;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = option.province.name;
      // How many indicators the engine has for it: "Trà Vinh — 42 chỉ tiêu".
      const count = document.createElement('small');
      count.className = 'count';
      count.textContent = ` — ${t.pickerIndicators(this.counts.get(option.province.id) ?? 0)}`;
      item.append(name, count);
      if (option.detail) {
        const detail = document.createElement('small');
        detail.textContent = ` ${option.detail}`;
        item.append(detail);
      }
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.choose(option.province.id);
      });
      items.push(item);
    });
    if (!options.length) {
      const none = document.createElement('li');
      none.className = 'none';
      none.textContent = t.noMatch;
      items.push(none);
    }
    this.list.replaceChildren(...items);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.highlight(options.length ? 0 : -1);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  highlight(index) {
    this.active = index;
    for (const item of this.list.querySelectorAll('[role=option]')) item.setAttribute('aria-selected', 'false');
    const item = index >= 0 ? this.list.querySelector(`#${CSS.escape(`${this.list.id}-${index}`)}`) : null;
    if (item) {
      item.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  key(event) {
    const count = this.current?.length ?? 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (this.list.hidden) this.open();
      else this.highlight(Math.min(count - 1, this.active + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.highlight(Math.max(0, this.active - 1));
    } else if (event.key === 'Enter') {
      if (this.active >= 0 && this.current?.[this.active]) {
        event.preventDefault();
        this.choose(this.current[this.active].province.id);
      }
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  choose(id) {
    this.input.value = '';
    this.onAdd(id);
    this.close();
    this.input.focus();
  }
}

export class IndicatorPicker {
  /**
   * @param {{catalog: any, onChange: (ids: string[]) => void, onDefinition: (anchor: HTMLElement, indicator: any) => void}} options
   */
  constructor({ catalog, onChange, onDefinition }) {
    this.catalog = catalog;
    this.onChange = onChange;
    this.onDefinition = onDefinition;
    this.element = document.createElement('details');
    this.element.className = 'picker indicators-picker';
    this.summary = document.createElement('summary');
    this.search = document.createElement('input');
    this.search.type = 'search';
    this.search.addEventListener('input', () => this.filter());
    this.body = document.createElement('div');
    this.body.className = 'pillars';
    this.element.append(this.summary, this.search, this.body);
  }

  /**
   * @param {{selected: string[], lang: 'vi'|'en', availability: import('./types/engine').Availability}} view
   * `availability`: the engine's count of provinces and years of each indicator in the list shown.
   */
  update({ selected, lang, availability }) {
    this.selected = new Set(selected);
    this.lang = lang;
    const counts = new Map(availability.indicators.map((a) => [a.indicator, a]));
    const t = messages(lang);
    this.summary.textContent = `${t.chooseIndicators} (${selected.length})`;
    this.search.placeholder = t.searchIndicator;
    this.search.setAttribute('aria-label', t.searchIndicator);
    const pillars = Object.keys(t.pillars);
    this.body.replaceChildren(
      ...pillars
        .map((pillar) => {
          // Only the indicators with a figure in some province of the list shown.
          const indicators = this.catalog.indicators.filter((i) => i.pillar === pillar && (counts.get(i.id)?.provinces ?? 0) > 0);
          if (!indicators.length) return null;
          const fieldset = document.createElement('fieldset');
          const legend = document.createElement('legend');
          legend.textContent = t.pillars[pillar];
          fieldset.append(legend);
          for (const indicator of indicators.sort((a, b) => compareText(indicatorName(a, lang), indicatorName(b, lang), lang))) {
            const row = document.createElement('div');
            row.className = 'option';
            row.dataset.key = searchKey(`${indicator.nameVi} ${indicator.nameEn} ${indicator.id}`);
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.id = uid('indicator');
            box.value = indicator.id;
            box.checked = this.selected.has(indicator.id);
            box.addEventListener('change', () => {
              if (box.checked) this.selected.add(indicator.id);
              else this.selected.delete(indicator.id);
              this.onChange([...this.selected]);
            });
            const label = document.createElement('label');
            label.htmlFor = box.id;
            label.textContent = indicatorName(indicator, lang);
            const count = document.createElement('span');
            count.className = 'count';
            const available = counts.get(indicator.id);
            count.textContent = ` (${t.pickerCoverage(available?.provinces ?? 0, available?.years ?? [])})`;
            label.append(count);
            const info = document.createElement('button');
            info.type = 'button';
            info.className = 'info';
            info.textContent = 'i';
            info.setAttribute('aria-label', `${t.definition}: ${indicatorName(indicator, lang)}`);
            info.addEventListener('click', () => this.onDefinition(info, indicator));
            row.append(box, label, info);
            fieldset.append(row);
          }
          return fieldset;
        })
        .filter(Boolean),
    );
    this.filter();
  }

  filter() {
    const key = searchKey(this.search.value.trim());
    for (const row of /** @type {NodeListOf<HTMLElement>} */ (this.body.querySelectorAll('.option'))) row.hidden = key !== '' && !row.dataset.key.includes(key);
    // A pillar with no matching indicator goes too, so that what is left is what matched.
    for (const fieldset of this.body.querySelectorAll('fieldset')) fieldset.hidden = !fieldset.querySelector('.option:not([hidden])');
  }
}
