import { api, settings } from './api.js';
import { h, formatDate, outcomeMark, headerList, toast, CATEGORIES } from './dom.js';

export async function showEvent(view, webhookId, eventId) {
  const path = `/v1/webhooks/${encodeURIComponent(webhookId)}/events/${encodeURIComponent(eventId)}`;
  const [webhook, event, { trace_url: traceUrl }] = await Promise.all([
    api('GET', `/v1/webhooks/${encodeURIComponent(webhookId)}`), api('GET', path), settings()]);
  const attempts = event.attempts;
  const last = attempts.at(-1);
  let selected = last;

  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel' });
  const attemptList = h('ol', { class: 'attempts' });

  function render(attempt, tab) {
    selected = attempt;
    const requestTab = h('button', { type: 'button', role: 'tab', 'aria-selected': String(tab === 'request'), onclick: () => render(attempt, 'request') }, 'Request');
    const responseLabel = attempt?.response ? `Response ${attempt.response.status_code}` : 'Response';
    const responseTab = h('button', { type: 'button', role: 'tab', 'aria-selected': String(tab === 'response'), onclick: () => render(attempt, 'response') }, responseLabel);
    tabs.replaceChildren(requestTab, responseTab,
      attempt ? h('span', { class: 'completed' }, `Completed in ${(attempt.duration_ms / 1000).toFixed(2)} seconds`) : null,
      attempt?.trace_id ? trace(attempt.trace_id) : null);
    panel.replaceChildren(...(tab === 'request' ? requestPanel(attempt) : responsePanel(attempt)));
    [...attemptList.children].forEach((li, i) => li.classList.toggle('selected', attempts[i] === attempt));
  }

  // The attempt's trace: a link when the deployment names a trace UI, the id to copy otherwise.
  function trace(traceId) {
    const label = `Trace ${traceId}`;
    return traceUrl
      ? h('a', { id: 'trace-link', class: 'trace', href: traceUrl.replace('{trace_id}', encodeURIComponent(traceId)), target: '_blank', rel: 'noopener noreferrer' }, label)
      : h('span', { id: 'trace-link', class: 'trace muted' }, label);
  }

  function requestPanel(attempt) {
    const sent = attempt
      ? [headerList([{ key: 'Request URL', value: attempt.request.url }, { key: 'Request Method', value: attempt.request.method }, ...attempt.request.headers])]
      : [h('p', { class: 'muted' }, 'Not sent yet.')];
    return [h('h3', {}, 'Headers'), ...sent, h('h3', {}, 'Payload'), h('pre', { class: 'code', id: 'payload' }, JSON.stringify(event.payload, null, 2))];
  }

  function responsePanel(attempt) {
    if (!attempt?.response) {
      return [h('p', { class: 'error' }, attempt?.error ?? 'No response yet.')];
    }
    const r = attempt.response;
    return [h('h3', {}, 'Headers'), headerList(r.headers), h('h3', {}, 'Body'),
      h('pre', { class: 'code wrap', id: 'response-body' }, r.body || '(empty)'),
      r.body_truncated ? h('p', { class: 'muted' }, 'The body was cut at the configured limit.') : null].filter(Boolean);
  }

  attempts.forEach(a => attemptList.append(h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => render(a, 'request') },
      `Attempt ${a.number} · ${formatDate(a.started_at)} · `, outcomeMark(a.succeeded ? 'succeeded' : 'failed'),
      a.response ? ` ${a.response.status_code}` : '', a.error ? ` ${a.error}` : ''))));

  const redeliver = h('button', { type: 'button', id: 'redeliver', onclick: async () => {
    try {
      await api('POST', `${path}/redeliver`);
      toast('Redelivery queued; refresh in a moment.');
    } catch (e) {
      toast(e.message);
    }
  } }, 'Redeliver');

  view.replaceChildren(
    h('p', { class: 'crumbs' }, h('a', { href: '#/webhooks' }, 'Webhooks'), ' / ',
      h('a', { href: `#/webhooks/${encodeURIComponent(webhookId)}` }, webhook.name), ' / ', event.event_id),
    h('div', { class: 'page-head' }, h('h1', {}, 'Event'), h('div', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => showEvent(view, webhookId, eventId) }, 'Refresh'), ' ', redeliver)),
    h('dl', { class: 'summary-grid' },
      h('dt', {}, 'Event ID'), h('dd', {}, event.event_id),
      h('dt', {}, 'Event Category'), h('dd', {}, CATEGORIES[event.event_category] ?? event.event_category),
      h('dt', {}, 'Date'), h('dd', {}, formatDate(event.occurred_at)),
      h('dt', {}, 'Outcome'), h('dd', { id: 'event-outcome' }, outcomeMark(event.outcome), ` ${event.outcome}`),
      h('dt', {}, 'Attempts'), h('dd', {}, String(event.attempt_count)),
      event.next_attempt_at ? [h('dt', {}, 'Next attempt'), h('dd', {}, formatDate(event.next_attempt_at))] : null,
      event.last_error ? [h('dt', {}, 'Last error'), h('dd', {}, event.last_error)] : null),
    tabs, panel,
    h('h3', {}, 'Attempts'), attempts.length ? attemptList : h('p', { class: 'muted' }, 'No attempt yet.'));
  render(selected, 'request');
}
