import { api } from './api.js';
import { h, table, formatDate, outcomeMark, toast, CATEGORIES } from './dom.js';

const PAGE_SIZE = 20;
const OUTCOMES = ['succeeded', 'failed', 'pending', 'retrying', 'parked'];

// The filter lives in the page's own state: outcome, a date range and the page number.
export async function showWebhook(view, id, filter = { page: 1, outcome: '', from: '', to: '' }) {
  const webhook = await api('GET', `/v1/webhooks/${encodeURIComponent(id)}`);
  const query = new URLSearchParams({ page: filter.page, page_size: PAGE_SIZE });
  if (filter.outcome) query.set('outcome', filter.outcome);
  if (filter.from) query.set('from', new Date(filter.from).toISOString());
  if (filter.to) query.set('to', new Date(filter.to).toISOString());
  const events = await api('GET', `/v1/webhooks/${encodeURIComponent(id)}/events?${query}`);
  const again = changes => showWebhook(view, id, { ...filter, ...changes });

  const rows = events.items.map(e => h('tr', {},
    h('td', {}, h('a', { class: 'event-link', href: `#/webhooks/${encodeURIComponent(id)}/events/${encodeURIComponent(e.event_id)}` }, `+ ${e.event_id}`)),
    h('td', {}, CATEGORIES[e.event_category] ?? e.event_category),
    h('td', {}, formatDate(e.date)),
    h('td', { class: 'outcome' }, outcomeMark(e.outcome), e.last_status_code ? h('span', { class: 'muted' }, ` ${e.last_status_code}`) : null)));

  const outcome = h('select', { id: 'filter-outcome' },
    h('option', { value: '' }, 'All outcomes'), OUTCOMES.map(o => h('option', { value: o }, o)));
  outcome.value = filter.outcome;
  const from = h('input', { id: 'filter-from', type: 'datetime-local', value: filter.from });
  const to = h('input', { id: 'filter-to', type: 'datetime-local', value: filter.to });
  const filters = h('form', { class: 'filters', onsubmit: e => { e.preventDefault(); again({ page: 1, outcome: outcome.value, from: from.value, to: to.value }); } },
    h('label', { for: 'filter-outcome' }, 'Outcome', outcome),
    h('label', { for: 'filter-from' }, 'From', from),
    h('label', { for: 'filter-to' }, 'To', to),
    h('button', { type: 'submit', class: 'secondary' }, 'Filter'),
    h('button', { type: 'button', class: 'secondary', onclick: () => again({ page: 1 }) }, 'Refresh'));

  const pages = Math.max(1, Math.ceil(events.total / PAGE_SIZE));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'secondary', disabled: filter.page <= 1, onclick: () => again({ page: filter.page - 1 }) }, 'Previous'),
    pageNumbers(filter.page, pages).map(n => n === '…'
      ? h('span', {}, '…')
      : h('button', { type: 'button', class: n === filter.page ? 'current' : 'secondary', 'aria-current': n === filter.page ? 'page' : null, onclick: () => again({ page: n }) }, String(n))),
    h('button', { type: 'button', class: 'secondary', disabled: filter.page >= pages, onclick: () => again({ page: filter.page + 1 }) }, 'Next'));

  // Enabling replays the deliveries parked while the webhook was disabled.
  const toggle = h('button', { type: 'button', id: 'toggle-enabled', class: webhook.enabled ? 'secondary' : null, onclick: async () => {
    try {
      await api('PUT', `/v1/webhooks/${encodeURIComponent(id)}`, {
        name: webhook.name, url: webhook.url, headers: webhook.headers, event_categories: webhook.event_categories,
        secure: webhook.secure, enabled: !webhook.enabled,
      });
      toast(webhook.enabled ? 'Webhook disabled.' : 'Webhook enabled; parked deliveries are sent again.');
      await again({});
    } catch (e) {
      toast(e.message);
    }
  } }, webhook.enabled ? 'Disable' : 'Enable');

  // Recovers failed and parked deliveries of events since the chosen time (default: a week ago).
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const since = h('input', { id: 'recover-since', type: 'datetime-local', value: localInputValue(weekAgo) });
  const recover = h('form', { class: 'filters recover', onsubmit: async e => {
    e.preventDefault();
    try {
      const result = await api('POST', `/v1/webhooks/${encodeURIComponent(id)}/recover`, { since: new Date(since.value).toISOString() });
      toast(`${result.requeued} ${result.requeued === 1 ? 'delivery' : 'deliveries'} queued again.`);
      await again({});
    } catch (err) {
      toast(err.message);
    }
  } },
    h('label', { for: 'recover-since' }, 'Recover failed and parked since', since),
    h('button', { type: 'submit', class: 'secondary' }, 'Recover'));

  view.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '#/webhooks' }, 'Webhooks'), ' / ', webhook.name),
    h('div', { class: 'page-head' },
      h('div', { class: 'summary' },
        h('h1', {}, webhook.name),
        h('p', { class: 'url' }, webhook.url),
        webhook.enabled ? null : h('p', { class: 'error', id: 'disabled-reason' }, `Disabled: ${webhook.disabled_reason ?? 'by a user'}`),
        webhook.enabled && webhook.failing_since
          ? h('p', { class: 'warning', id: 'failing-since' }, `Failing since ${formatDate(webhook.failing_since)}: no attempt has succeeded since then. Herald disables a webhook that keeps failing.`)
          : null),
      toggle),
    filters,
    table(['Event ID', 'Event Category', 'Date', 'Outcome'], rows),
    pager,
    recover);
}

// The value a datetime-local input shows for a moment, in the browser's time zone.
function localInputValue(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

function pageNumbers(current, pages) {
  const shown = new Set([1, pages, current - 1, current, current + 1].filter(n => n >= 1 && n <= pages));
  const list = [...shown].sort((a, b) => a - b);
  return list.flatMap((n, i) => (i > 0 && n - list[i - 1] > 1 ? ['…', n] : [n]));
}
