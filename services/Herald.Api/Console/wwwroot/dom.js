// A small element builder: text is always set as text, never parsed as HTML.
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const CATEGORIES = { audit_log_creation: 'Audit Log Creation', webhook_disabled: 'Webhook Disabled' };

export function formatDate(value) {
  const d = new Date(value);
  return d.toLocaleString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function outcomeMark(outcome) {
  if (outcome === 'succeeded') return h('span', { class: 'mark ok', title: 'delivered', 'aria-label': 'delivered' }, '✓');
  if (outcome === 'failed') return h('span', { class: 'mark bad', title: 'failed', 'aria-label': 'failed' }, '✗');
  return h('span', { class: `mark ${outcome}` }, outcome);
}

export function table(headers, rows, empty = 'No Data') {
  const body = rows.length
    ? rows
    : [h('tr', {}, h('td', { class: 'empty', colSpan: headers.length }, empty))];
  return h('div', { class: 'table-scroll' },
    h('table', {}, h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))), h('tbody', {}, body)));
}

export function headerList(headers) {
  return h('dl', { class: 'headers' }, headers.flatMap(x => [h('dt', {}, `${x.key}:`), h('dd', {}, x.value)]));
}

export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('show'), 2500);
}
