/** Webhook paths: `orders/:id` matches `/hook/orders/42` with `{ id: '42' }`. */
export interface Route<T> { segments: string[]; method: string; target: T }

export function compileRoute<T>(path: string, method: string, target: T): Route<T> {
  return { segments: path.split('/').filter(Boolean), method, target };
}

/** The routes of a path, specific ones (fewer parameters) first. */
export function matchRoute<T>(routes: readonly Route<T>[], path: string): { route: Route<T>; params: Record<string, string> }[] {
  const parts = path.split('/').filter(Boolean);
  const found: { route: Route<T>; params: Record<string, string>; score: number }[] = [];
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = route.segments[i];
      if (seg.startsWith(':')) { params[seg.slice(1)] = decodeURIComponent(parts[i]); score++; }
      else ok = seg === parts[i];
    }
    if (ok) found.push({ route, params, score });
  }
  return found.sort((a, b) => a.score - b.score);
}

/** Two routes that would take the same calls (same shape, same method or ANY). */
export function sameRoute(a: Route<unknown>, b: Route<unknown>): boolean {
  if (a.segments.length !== b.segments.length) return false;
  if (a.method !== b.method && a.method !== 'ANY' && b.method !== 'ANY') return false;
  return a.segments.every((s, i) => (s.startsWith(':') ? ':' : s) === (b.segments[i].startsWith(':') ? ':' : b.segments[i]));
}
