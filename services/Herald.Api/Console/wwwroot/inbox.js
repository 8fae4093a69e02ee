import { api } from './api.js';
import { h, formatDate, headerList, table, toast } from './dom.js';

// The organization's inboxes come from the API, newest first, so they outlive the tab; the API
// lists an inbox and its requests to its organization's key only.
const label = i => `${i.name ?? `Inbox ${i.id.slice(4, 12)}`} · ${i.request_count} request${i.request_count === 1 ? '' : 's'}`;

export async function showInbox(view, inboxId, requestId) {
  const inboxes = await api('GET', '/v1/inboxes');
  const current = inboxes.find(i => i.id === inboxId) ?? inboxes[0];
  const create = h('button', { type: 'button', id: 'create-inbox-webhook', onclick: async () => {
    const inbox = await api('POST', '/v1/inboxes');
    await api('POST', '/v1/webhooks', {
      name: `Inbox ${inbox.id.slice(4, 12)}`, url: inbox.url, headers: [], event_categories: ['audit_log_creation'], secure: false,
    });
    toast('Created an inbox and a webhook that posts to it.');
    location.hash = `#/inbox/${encodeURIComponent(inbox.id)}`;
  } }, 'Create webhook to a new inbox');

  const head = h('div', { class: 'page-head' }, h('h1', {}, 'Test inbox'), create);
  if (!current) {
    view.replaceChildren(head, h('p', { class: 'banner' }, 'An inbox records every request sent to its URL, like webhook.site. Create one to see what Herald sends.'),
      table(['Method', 'Request', 'Time'], []));
    return;
  }

  const requests = await api('GET', `/v1/inboxes/${encodeURIComponent(current.id)}/requests`);
  const chosen = requests.find(r => r.id === requestId) ?? requests[0];
  const picker = h('select', { id: 'inbox-picker', onchange: e => { location.hash = `#/inbox/${encodeURIComponent(e.target.value)}`; } },
    inboxes.map(i => h('option', { value: i.id }, label(i))));
  picker.value = current.id;

  const list = h('ul', { class: 'inbox-list', 'aria-label': 'Requests' }, requests.length
    ? requests.map(r => h('li', { class: r === chosen ? 'selected' : '' },
      h('button', { type: 'button', class: 'link', onclick: () => showInbox(view, current.id, r.id) },
        h('span', { class: `method ${r.method.toLowerCase()}` }, r.method), ` #${r.id.slice(4, 12)} `, h('span', { class: 'muted' }, formatDate(r.received_at)))))
    : h('li', { class: 'empty' }, 'No Data'));

  view.replaceChildren(head,
    h('div', { class: 'inbox-bar' }, h('label', { for: 'inbox-picker' }, 'Inbox', picker),
      h('p', {}, 'URL: ', h('code', { id: 'inbox-url' }, current.url)),
      h('button', { type: 'button', class: 'secondary', onclick: () => showInbox(view, current.id, chosen?.id) }, 'Refresh')),
    h('div', { class: 'inbox' }, h('aside', {}, h('h2', {}, 'Inbox'), list), h('section', { class: 'inbox-detail' }, chosen ? detail(chosen) : h('p', { class: 'muted' }, 'No request yet.'))));
}

function detail(r) {
  const body = h('pre', { class: 'code wrap', id: 'inbox-body' });
  const format = h('input', { type: 'checkbox', id: 'format-json' });
  const wrap = h('input', { type: 'checkbox', id: 'word-wrap' });
  format.checked = wrap.checked = true;
  const show = () => {
    let text = r.body;
    if (format.checked) {
      try { text = JSON.stringify(JSON.parse(r.body), null, 2); } catch { /* not JSON: shown as received */ }
    }
    body.textContent = text || '(empty)';
    body.classList.toggle('wrap', wrap.checked);
  };
  format.addEventListener('change', show);
  wrap.addEventListener('change', show);
  show();
  const query = [...new URLSearchParams(r.query)].map(([key, value]) => ({ key, value }));
  return [
    h('h2', {}, 'Request Details & Headers'),
    h('dl', { class: 'headers' },
      h('dt', {}, 'Method:'), h('dd', {}, r.method), h('dt', {}, 'Path:'), h('dd', {}, r.path),
      h('dt', {}, 'From:'), h('dd', {}, r.remote_address ?? ''), h('dt', {}, 'Date:'), h('dd', {}, formatDate(r.received_at)),
      h('dt', {}, 'Size:'), h('dd', {}, `${r.size} bytes`), h('dt', {}, 'ID:'), h('dd', {}, r.id)),
    h('h3', {}, 'Headers'), headerList(r.headers),
    h('h3', {}, 'Query strings'), query.length ? headerList(query) : h('p', { class: 'muted' }, '(empty)'),
    h('h3', {}, 'Request Content'),
    h('div', { class: 'checks' }, h('label', { class: 'check', for: 'format-json' }, format, 'Format JSON'), h('label', { class: 'check', for: 'word-wrap' }, wrap, 'Word-Wrap')),
    body,
  ];
}
