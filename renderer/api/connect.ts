import type { Wire } from '../../engine/api';
import { createClient, type ApiClient } from './client';
import { createWsWire } from './ws-wire';

declare global {
  interface Window { junction?: Wire }
}

/** Electron's preload exposes `window.junction`; in a browser, `junction serve` put the token in the URL hash. */
export function connectToEngine(): ApiClient {
  if (window.junction) return createClient(window.junction);
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('junction.token') ?? '';
  sessionStorage.setItem('junction.token', token);
  // A restarted `junction serve` prints a URL with a new token; pasted into this tab it only
  // changes the hash, which loads nothing. Reload, so the connection uses the new token.
  window.addEventListener('hashchange', () => {
    const next = new URLSearchParams(location.hash.slice(1)).get('token');
    if (next && next !== token) location.reload();
  });
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient(createWsWire(`${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`));
}
