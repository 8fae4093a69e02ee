import { api } from './api.js';
import { h, table, toast } from './dom.js';
import { openWebhookModal } from './modal.js';

export async function showWebhooks(view) {
  const webhooks = await api('GET', '/v1/webhooks');
  const refresh = () => showWebhooks(view);
  const rows = webhooks.map(w => h('tr', {},
    h('td', {}, h('a', { href: `#/webhooks/${encodeURIComponent(w.id)}` }, w.name),
      w.enabled ? null : h('span', { class: 'badge' }, 'disabled')),
    h('td', { class: 'url' }, w.url),
    h('td', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Copy ${w.name}`, onclick: async () => {
        await api('POST', `/v1/webhooks/${encodeURIComponent(w.id)}/copy`);
        toast(`Copied ${w.name}`);
        await refresh();
      } }, 'Copy'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${w.name}`, onclick: () => openWebhookModal(w, refresh) }, 'Edit'),
      h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${w.name}`, onclick: async () => {
        if (!confirm(`Delete the webhook "${w.name}"?`)) return;
        await api('DELETE', `/v1/webhooks/${encodeURIComponent(w.id)}`);
        toast(`Deleted ${w.name}`);
        await refresh();
      } }, 'Delete'))));

  view.replaceChildren(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Webhooks'),
      h('button', { type: 'button', id: 'add-webhook', onclick: () => openWebhookModal(null, refresh) }, 'Add New Webhook')),
    h('p', { class: 'banner' }, 'You can use webhooks to notify your apps or web applications when certain events occur in Herald.'),
    table(['Name', 'URL', 'Actions'], rows));
}
