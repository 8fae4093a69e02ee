// Every call carries the organization key typed at sign-in; the API decides what it may see.
const KEY = 'herald.apiKey';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  signIn(key) { sessionStorage.setItem(KEY, key); },
  signOut() { sessionStorage.removeItem(KEY); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.errors = problem?.errors || {};
  }
}

export async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${session.key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('herald:unauthorized'));
    throw new ApiError(response.status, data);
  }
  return data;
}

// The deployment's console settings (a trace UI to link to), read once per page load.
let settingsRead;
export function settings() {
  settingsRead ??= fetch('settings.json').then(r => (r.ok ? r.json() : {})).catch(() => ({}));
  return settingsRead;
}
