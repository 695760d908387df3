// The map under the pointer and the keyboard: the outline and tooltip of the province under
// focus, and opening a province.

export function interact(frame, tip, view, model, geography) {
  const byId = new Map(geography.provinces.map((p) => [p.id, p]));
  const target = (event) => (event.target instanceof Element ? event.target.closest('path.province') : null);
  const show = (shape, x, y) => {
    const province = byId.get(shape.getAttribute('data-id'));
    view.svg.querySelector('.ict-map-highlight')?.setAttribute('d', shape.getAttribute('d'));
    tip.replaceChildren();
    const name = document.createElement('strong');
    name.textContent = province.name;
    const value = document.createElement('span');
    value.textContent = province.value ? province.value.display : model.noDataLabel;
    tip.append(name, value);
    tip.hidden = false;
    // Keep the tip inside the frame: left of the point on the right half, above it near the bottom.
    const box = frame.getBoundingClientRect();
    const left = x > box.width / 2 ? x - tip.offsetWidth - 12 : x + 12;
    const top = y > box.height - tip.offsetHeight - 24 ? y - tip.offsetHeight - 12 : y + 12;
    tip.style.transform = `translate(${Math.max(0, Math.round(left))}px, ${Math.max(0, Math.round(top))}px)`;
  };
  const hide = () => {
    tip.hidden = true;
    view.svg.querySelector('.ict-map-highlight')?.setAttribute('d', '');
  };
  const scale = () => {
    const box = view.svg.getBoundingClientRect();
    return box.width ? box.width / view.width : 1;
  };
  frame.addEventListener('pointermove', (event) => {
    const shape = target(event);
    if (!shape) return hide();
    const box = frame.getBoundingClientRect();
    show(shape, event.clientX - box.left, event.clientY - box.top);
  });
  frame.addEventListener('pointerleave', hide);
  frame.addEventListener('focusin', (event) => {
    const shape = target(event);
    if (!shape) return;
    const province = byId.get(shape.getAttribute('data-id'));
    const [x, y] = view.projection(province.centre);
    show(shape, x * scale(), y * scale());
  });
  frame.addEventListener('focusout', hide);
  if (!model.onSelect) return;
  frame.addEventListener('click', (event) => {
    const shape = target(event);
    if (shape) model.onSelect(shape.getAttribute('data-id'));
  });
  frame.addEventListener('keydown', (event) => {
    const shape = target(event);
    if (!shape || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    model.onSelect(shape.getAttribute('data-id'));
  });
}
