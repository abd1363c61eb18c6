/** Display helpers shared by the lists and cards. */

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", falling back to a date for anything older than a week. */
export function formatRelative(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((t - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'just now';
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  if (abs < 604800) return rtf.format(Math.round(s / 86400), 'day');
  return new Date(t).toLocaleDateString();
}

export const formatDateTime = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

/** 100000 → "100,000": counts read the same everywhere in the app. */
const COUNT = new Intl.NumberFormat('en-US');
// One formatter for all: toLocaleString builds a new one per call, which a 500-node run's cards felt.
export const count = (n: number) => COUNT.format(n);

export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export const STATUS_LABEL: Record<string, string> = {
  running: 'Running', success: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled', crashed: 'Crashed',
  skipped: 'Skipped', disabled: 'Disabled', pinned: 'Pinned data',
};

/** "Succeeded", or "Succeeded with 3 failed items" when items left through an unconnected error port. */
export function statusText(status: string, failedItems?: number): string {
  const label = STATUS_LABEL[status] ?? status;
  return failedItems ? `${label} with ${plural(failedItems, 'failed item')}` : label;
}
