import { api, session } from './api.js';
import { showWebhooks } from './webhooks.js';
import { showWebhook } from './webhook-detail.js';
import { showEvent } from './event-detail.js';
import { showInbox } from './inbox.js';

const view = document.getElementById('view');
const signIn = document.getElementById('sign-in');

function signedIn(yes) {
  signIn.hidden = yes;
  view.hidden = !yes;
  document.getElementById('nav').hidden = !yes;
  document.getElementById('sign-out').hidden = !yes;
  if (!yes) {
    view.replaceChildren();
    document.getElementById('api-key').focus();
  }
}

async function route() {
  if (!session.key) {
    signedIn(false);
    return;
  }
  signedIn(true);
  const parts = (location.hash.replace(/^#\/?/, '') || 'webhooks').split('/').map(decodeURIComponent);
  try {
    if (parts[0] === 'inbox') await showInbox(view, parts[1], parts[2]);
    else if (parts[0] === 'webhooks' && parts[2] === 'events' && parts[3]) await showEvent(view, parts[1], parts[3]);
    else if (parts[0] === 'webhooks' && parts[1]) await showWebhook(view, parts[1]);
    else await showWebhooks(view);
  } catch (error) {
    if (error.status !== 401) view.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: error.message }));
  }
}

document.getElementById('sign-in-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('api-key');
  const error = document.getElementById('sign-in-error');
  session.signIn(input.value.trim());
  try {
    await api('GET', '/v1/webhooks');
    input.value = '';
    error.textContent = '';
    if (!location.hash) location.hash = '#/webhooks';
    await route();
  } catch (e) {
    session.signOut();
    error.textContent = e.status === 401 ? 'That key was not accepted.' : e.message;
  }
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '';
  signedIn(false);
});

window.addEventListener('herald:unauthorized', () => {
  session.signOut();
  signedIn(false);
  document.getElementById('sign-in-error').textContent = 'The key was refused; sign in again.';
});
window.addEventListener('hashchange', route);
route();
