import { useSyncExternalStore } from 'react';

/** Screens addressed by the URL hash, so a reload keeps the person where they were. */
export type Route =
  | { screen: 'flows' }
  | { screen: 'editor'; flowId: string }
  | { screen: 'runs' }
  | { screen: 'run'; runId: string }
  | { screen: 'connections' }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const [, a, b] = hash.replace(/^#/, '').split('/');
  if (a === 'flow' && b) return { screen: 'editor', flowId: decodeURIComponent(b) };
  if (a === 'run' && b) return { screen: 'run', runId: decodeURIComponent(b) };
  if (a === 'runs') return { screen: 'runs' };
  if (a === 'settings') return { screen: 'settings' };
  if (a === 'connections') return { screen: 'connections' };
  return { screen: 'flows' };
}

export function routeHash(r: Route): string {
  switch (r.screen) {
    case 'editor': return `#/flow/${encodeURIComponent(r.flowId)}`;
    case 'run': return `#/run/${encodeURIComponent(r.runId)}`;
    default: return `#/${r.screen}`;
  }
}

export function navigate(r: Route) {
  location.hash = routeHash(r);
}

const subscribe = (l: () => void) => {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
};
let lastHash = '';
let lastRoute: Route = { screen: 'flows' };
const snapshot = () => {
  if (location.hash !== lastHash) { lastHash = location.hash; lastRoute = parseRoute(lastHash); }
  return lastRoute;
};

export const useRoute = () => useSyncExternalStore(subscribe, snapshot);

/** The token arrives in the hash (#token=…); connect.ts has kept it, so the hash becomes a route. */
export function normalizeInitialHash() {
  if (!location.hash.startsWith('#/')) history.replaceState(null, '', `${location.pathname}${location.search}#/flows`);
}
