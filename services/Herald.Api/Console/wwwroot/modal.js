import { api } from './api.js';
import { h, CATEGORIES } from './dom.js';

// Add or edit a webhook. Errors come from the API keyed by field (`url`, `headers[1].key`)
// and are shown beside that field; nothing is saved until the API accepts the whole form.
export function openWebhookModal(webhook, onSaved) {
  const opener = document.activeElement;
  const errorFor = {};
  const errorSlot = key => (errorFor[key] = h('p', { class: 'error field-error', id: `error-${key.replace(/[^a-z0-9]/gi, '-')}`, role: 'alert' }));

  const name = h('input', { id: 'wh-name', name: 'name', required: true, value: webhook?.name ?? '' });
  const url = h('input', { id: 'wh-url', name: 'url', type: 'url', placeholder: 'https://example.com/hooks', value: webhook?.url ?? '' });
  url.type = 'text'; // the API checks the URL and says what is wrong; the browser's own check would hide that
  const headerRows = h('div', { class: 'header-rows' });
  const categories = Object.entries(CATEGORIES).map(([value, label]) => {
    const box = h('input', { type: 'checkbox', id: `cat-${value}`, value });
    box.checked = webhook ? webhook.event_categories.includes(value) : value === 'audit_log_creation';
    return h('label', { class: 'check', for: `cat-${value}` }, box, label);
  });
  const secure = h('input', { type: 'checkbox', id: 'wh-secure', role: 'switch', 'aria-label': 'Mode' });
  secure.checked = webhook?.secure ?? true;
  const modeLabel = h('span', { class: 'switch-label' });
  const showMode = () => { modeLabel.textContent = secure.checked ? 'Secure' : 'Not secure (http allowed, no signature check required)'; };
  secure.addEventListener('change', showMode);
  showMode();

  function addHeader(key = '', value = '') {
    const row = h('div', { class: 'header-row' },
      h('label', {}, 'Key', h('input', { class: 'header-key', value: key })),
      h('label', {}, 'Value', h('input', { class: 'header-value', value })),
      h('button', { type: 'button', class: 'secondary icon', 'aria-label': 'Remove header', onclick: () => { row.remove(); renumber(); } }, '−'));
    headerRows.append(row);
    renumber();
    return row;
  }
  function renumber() {
    [...headerRows.children].forEach((row, i) => {
      row.querySelector('.header-key').setAttribute('aria-label', `Header ${i + 1} key`);
      row.querySelector('.header-value').setAttribute('aria-label', `Header ${i + 1} value`);
      row.querySelectorAll('.field-error').forEach(e => e.remove());
    });
  }
  (webhook?.headers ?? []).forEach(x => addHeader(x.key, x.value));
  if (!headerRows.children.length) addHeader();

  // Edit only: rotate the signing secret. The new one is shown this once; the old one keeps
  // signing beside it for the grace period, so receivers can switch over.
  const secretSlot = h('div', { class: 'secret-slot' });
  const rotate = webhook && h('fieldset', {}, h('legend', {}, 'Signing secret'),
    h('p', { class: 'hint' }, 'Secrets are shown once. Rotating issues a new one; the old one keeps signing during the grace period.'),
    h('button', { type: 'button', class: 'secondary', id: 'rotate-secret', onclick: () => rotateSecret() }, 'Rotate secret'),
    secretSlot);
  async function rotateSecret() {
    if (!confirm('Rotate the signing secret of this webhook?')) return;
    try {
      const rotated = await api('POST', `/v1/webhooks/${encodeURIComponent(webhook.id)}/secret/rotate`);
      const until = new Date(rotated.previous_secret_expires_at).toLocaleString();
      secretSlot.replaceChildren(
        h('label', { for: 'wh-new-secret' }, 'New signing secret'),
        h('input', { id: 'wh-new-secret', readOnly: true, value: rotated.secret }),
        h('p', { class: 'hint' }, `The previous secret keeps signing until ${until}.`));
      secretSlot.querySelector('input').focus();
    } catch (error) {
      secretSlot.replaceChildren(h('p', { class: 'error', role: 'alert' }, error.message));
    }
  }

  const general = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, webhook ? 'Save' : 'Create');
  const form = h('form', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'modal-title', novalidate: true },
    h('h2', { id: 'modal-title' }, webhook ? 'Edit Webhook' : 'Add New Webhook'),
    h('label', { for: 'wh-name' }, 'Name'), name, errorSlot('name'),
    h('label', { for: 'wh-url' }, 'URL'), url, errorSlot('url'),
    h('fieldset', {}, h('legend', {}, 'HTTP Headers'), headerRows,
      h('button', { type: 'button', class: 'secondary icon', id: 'add-header', 'aria-label': 'Add header', onclick: () => addHeader().querySelector('input').focus() }, '+'),
      errorSlot('headers')),
    h('fieldset', {}, h('legend', {}, 'Events'), categories, errorSlot('event_categories')),
    h('fieldset', {}, h('legend', {}, 'Mode'), h('label', { class: 'switch', for: 'wh-secure' }, secure, h('span', { class: 'slider', 'aria-hidden': 'true' }), modeLabel)),
    ...(rotate ? [rotate] : []),
    general,
    h('div', { class: 'modal-actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => close() }, 'Cancel'), submit));
  const backdrop = h('div', { class: 'backdrop' }, form);

  function close() {
    backdrop.remove();
    document.removeEventListener('keydown', onKey);
    opener?.focus?.();
  }
  function onKey(event) {
    if (event.key === 'Escape') close();
    if (event.key !== 'Tab') return;
    // Keep keyboard focus inside the dialog while it is open.
    const focusable = [...form.querySelectorAll('input, button, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(e => !e.disabled);
    if (!focusable.length) return;
    const [first, last] = [focusable[0], focusable[focusable.length - 1]];
    if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
    else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
  }

  function showErrors(errors) {
    form.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
    const rows = [...headerRows.children];
    let first = null;
    for (const [key, messages] of Object.entries(errors)) {
      const text = messages.join(' ');
      const header = /^headers\[(\d+)\]\.(key|value)$/.exec(key);
      let input = null;
      if (header && rows[+header[1]]) {
        input = rows[+header[1]].querySelector(`.header-${header[2]}`);
        const slot = h('p', { class: 'error field-error', role: 'alert' }, text);
        input.closest('label').after(slot);
      } else if (errorFor[key]) {
        errorFor[key].textContent = text;
        input = { name, url }[key] ?? null;
      } else {
        general.textContent += `${key}: ${text} `;
      }
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first ??= input;
      }
    }
    first?.focus();
  }

  let finished = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (finished) {
      close();
      return;
    }
    general.textContent = '';
    const body = {
      name: name.value,
      url: url.value,
      headers: [...headerRows.children]
        .map(row => ({ key: row.querySelector('.header-key').value, value: row.querySelector('.header-value').value }))
        .filter(x => x.key !== '' || x.value !== ''),
      event_categories: categories.map(l => l.querySelector('input')).filter(b => b.checked).map(b => b.value),
      secure: secure.checked,
      enabled: webhook?.enabled ?? true,
    };
    // Rows left blank are dropped, so the API's header indexes follow the kept rows.
    [...headerRows.children].forEach(row => {
      if (!row.querySelector('.header-key').value && !row.querySelector('.header-value').value) row.remove();
    });
    submit.disabled = true;
    try {
      const saved = webhook
        ? await api('PUT', `/v1/webhooks/${encodeURIComponent(webhook.id)}`, body)
        : await api('POST', '/v1/webhooks', body);
      await onSaved?.();
      if (saved.secret) showSecret(saved);
      else close();
    } catch (error) {
      if (Object.keys(error.errors ?? {}).length) showErrors(error.errors);
      else general.textContent = error.message;
      if (!headerRows.children.length) addHeader();
    } finally {
      submit.disabled = false;
    }
  });

  function showSecret(saved) {
    const done = h('button', { type: 'button', onclick: () => close() }, 'Done');
    form.replaceChildren(
      h('h2', { id: 'modal-title' }, 'Webhook created'),
      h('p', {}, `"${saved.name}" is saved. Its signing secret is shown this once; keep it to verify the webhook-signature header.`),
      h('label', { for: 'wh-secret' }, 'Signing secret'),
      h('input', { id: 'wh-secret', readOnly: true, value: saved.secret }),
      h('div', { class: 'modal-actions' }, done));
    finished = true;
    done.focus();
  }

  document.addEventListener('keydown', onKey);
  document.body.append(backdrop);
  name.focus();
}
