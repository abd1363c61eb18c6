import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../engine/api';
import type { NodeSummary } from '../../engine/exec/node-summary';
import { foldRunEvents } from './run-fold';

const at = '2026-01-01T00:00:00.000Z';

describe('foldRunEvents', () => {
  it('shows a streamed node\'s growing counts, then its totals', () => {
    const summaries = new Map<string, NodeSummary>();
    let state: Parameters<typeof foldRunEvents>[0] = { runId: 'r1', nodeStatus: {}, runState: 'running', runResult: undefined };
    const fold = (events: ApiEvent[]) => { state = { ...state, ...foldRunEvents(state, events, summaries) }; return state.nodeStatus as unknown as Record<string, NodeSummary>; };
    fold([{ type: 'node.started', runId: 'r1', nodeId: 'f', nodeName: 'Filter', at }]);
    expect(fold([{ type: 'node.progress', runId: 'r1', nodeId: 'f', at, itemsIn: { main: 1_000 }, itemsOut: { main: 600, discarded: 400 } }]).f)
      .toMatchObject({ status: 'running', itemsIn: { main: 1_000 }, itemsOut: { main: 600 } });
    expect(fold([{ type: 'node.progress', runId: 'r1', nodeId: 'f', at, itemsIn: { main: 5_000 }, itemsOut: { main: 3_000, discarded: 2_000 } }]).f.itemsOut.main).toBe(3_000);
    const done = fold([{ type: 'node.finished', runId: 'r1', nodeId: 'f', nodeName: 'Filter', nodeType: 'core.filter', status: 'success', at, durationMs: 9, attempts: 1, iteration: 0, itemsIn: { main: 9_000 }, itemsOut: { main: 5_400, discarded: 3_600 } }]).f;
    expect(done).toMatchObject({ status: 'success', itemsIn: { main: 9_000 }, itemsOut: { main: 5_400 } });
    expect(fold([{ type: 'node.progress', runId: 'other', nodeId: 'f', at, itemsIn: { main: 1 }, itemsOut: {} }]).f.itemsIn.main).toBe(9_000);
  });
});
