import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../api';
import { triggerTestTypes } from '../../test/fixtures/test-nodes';
import { testBus } from '../../test/fixtures/trigger-nodes';
import { tempService, type TempService } from '../service/testing';
import { saveChain } from './testing';

// Polling and event triggers through the service: real run processes, real timers (polls every second).
let service: TempService;
beforeEach(() => { service = tempService(triggerTestTypes, {}, 'triggerTestTypes'); });
afterEach(async () => { await service.dispose(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runEnds = () => service.seen.filter((e): e is Extract<ApiEvent, { type: 'run.finished' }> => e.type === 'run.finished');
/** Waits until `n` runs have finished. */
async function untilRuns(n: number, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (runEnds().length < n) {
    if (Date.now() > until) throw new Error(`expected ${n} finished runs, saw ${runEnds().length}`);
    await sleep(25);
  }
  return runEnds();
}
const triggerIds = async (runId: string) =>
  (await service.handlers['runs.items']({ runId, nodeId: 'n1', direction: 'output', port: 'main', offset: 0, limit: 50 })).items.map((i) => i.id ?? i);

describe('polling triggers', () => {
  it('advance the cursor only when the run succeeds, and an empty poll leaves no run', { timeout: 60_000 }, async () => {
    const rows = join(service.dataDir, '..', 'rows.json');
    const marker = join(service.dataDir, '..', 'fail');
    writeFileSync(rows, JSON.stringify([{ id: 1 }, { id: 2 }]));
    writeFileSync(marker, '');
    const flow = await saveChain(service, 'Poll rows', [
      { type: 'test.poll', params: { file: rows, every: 1 } },
      { type: 'test.fail-if', params: { file: marker } },
    ]);
    await service.handlers['flows.activate']({ id: flow.id });

    // The downstream node fails: the cursor stays, so the next poll brings the same rows again.
    const [first, second] = await untilRuns(2);
    expect([first.status, second.status]).toEqual(['failed', 'failed']);
    expect(await triggerIds(first.runId)).toEqual([1, 2]);
    expect(await triggerIds(second.runId)).toEqual([1, 2]);

    rmSync(marker);
    const ends = await untilRuns(3);
    const ok = ends.slice(2).find((e) => e.status === 'success') ?? (await untilRuns(4)).find((e) => e.status === 'success')!;
    expect(await triggerIds(ok.runId)).toEqual([1, 2]);
    const runsBefore = (await service.handlers['runs.list']({ flowId: flow.id })).length;

    // Nothing new: polls go on, but leave no run and no trigger history.
    const polledBefore = (await service.handlers['triggers.status']({}))[0].lastPolledAt!;
    await sleep(2_300);
    const [status] = await service.handlers['triggers.status']({});
    expect(status.lastPolledAt! > polledBefore).toBe(true);
    expect(await service.handlers['runs.list']({ flowId: flow.id })).toHaveLength(runsBefore);
    expect(status.nextFireAt).toBeDefined();
    expect(status.lastEvent).toMatchObject({ kind: 'poll', outcome: 'started', runId: ok.runId });

    // A new row: the next run brings only it.
    writeFileSync(rows, JSON.stringify([{ id: 1 }, { id: 2 }, { id: 3 }]));
    const all = await untilRuns(runEnds().length + 1);
    expect(await triggerIds(all.at(-1)!.runId)).toEqual([3]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('event triggers', () => {
  const listenFlow = (concurrency: 'queue' | 'skip' = 'queue', ms = 5) => saveChain(service, 'On events', [
    { type: 'test.listen', params: { topic: 'orders' } },
    { type: 'test.slow', params: { ms } },
  ], { concurrency });

  it('listen while active: each emit starts a run with its items; deactivating stops listening', async () => {
    const flow = await listenFlow();
    await service.handlers['flows.activate']({ id: flow.id });
    expect(testBus.listenerCount('orders')).toBe(1);
    testBus.emit('orders', [{ id: 'a' }, { id: 'b' }]);
    const [end] = await untilRuns(1);
    expect(end.status).toBe('success');
    expect(await triggerIds(end.runId)).toEqual(['a', 'b']);
    const [status] = await service.handlers['triggers.status']({});
    expect(status.lastEvent).toMatchObject({ kind: 'event', outcome: 'started', runId: end.runId });

    await service.handlers['flows.deactivate']({ id: flow.id });
    expect(testBus.listenerCount('orders')).toBe(0);
    testBus.emit('orders', [{ id: 'c' }]);
    await sleep(300);
    expect(runEnds()).toHaveLength(1);
  });

  it('follow the overlap policy: "skip" drops an event while a run goes, and records it', async () => {
    const flow = await listenFlow('skip', 800);
    await service.handlers['flows.activate']({ id: flow.id });
    testBus.emit('orders', [{ id: 1 }]);
    testBus.emit('orders', [{ id: 2 }]);
    await untilRuns(1);
    await sleep(200);
    expect(runEnds()).toHaveLength(1);
    const [status] = await service.handlers['triggers.status']({});
    expect(status.lastEvent).toMatchObject({ kind: 'event', outcome: 'skipped', detail: expect.stringContaining('"skip"') });
    await service.handlers['flows.deactivate']({ id: flow.id });
  });

  it('refuses to activate a flow without any trigger, naming every kind', async () => {
    const flow = await saveChain(service, 'No trigger', [{ type: 'test.slow', params: { ms: 1 } }]);
    await expect(service.handlers['flows.activate']({ id: flow.id })).rejects.toThrow('has no Schedule, Webhook, polling or event trigger');
  });
});
