/** Which ports the data panel offers on each side: the declared ones, then any the run reported. */
import type { NodeDescription } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import type { NodeRunView } from './types';
import { count } from '../app/format';

export type Side = 'input' | 'output';

export function portsFor(side: Side, node: FlowNode, description: NodeDescription | undefined, nodeRun: NodeRunView | undefined): string[] {
  const declared = side === 'input'
    ? description?.inputs ?? ['main']
    : [...(description?.outputs ?? ['main']), ...(node.settings?.onError === 'errorPort' ? ['error'] : [])];
  const reported = Object.keys((side === 'input' ? nodeRun?.itemsIn : nodeRun?.itemsOut) ?? {});
  return [...new Set([...declared, ...reported])];
}

export { count };

/** `{ main: 100 }` → "100"; several ports → "main 95 · dropped 5". */
export function portCounts(counts: Record<string, number> | undefined, labels: Record<string, string> = {}): string {
  const entries = Object.entries(counts ?? {});
  if (!entries.length) return '0';
  if (entries.length === 1 && entries[0][0] === 'main') return count(entries[0][1]);
  return entries.map(([port, n]) => `${labels[port] ?? port} ${count(n)}`).join(' · ');
}

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
