// From a schedule's fire instant to its first node's start, in process: a flow firing every second.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../engine/service';
import { saveChain } from '../engine/triggers/testing';

export async function scheduleLatency(samples: number): Promise<number[]> {
  const root = mkdtempSync(join(tmpdir(), 'junction-bench-cron-'));
  const service = createService({ workspace: join(root, 'ws'), dataDir: join(root, 'data'), env: {} });
  const flow = await saveChain(service, 'Tick', [{ type: 'trigger.schedule', params: { cron: '* * * * * *' } }, { type: 'core.noop' }]);
  const lat: number[] = [];
  // Every whole second is a fire instant, so the delay past it is the time since the second began.
  const done = new Promise<void>((resolve) => service.events((e) => {
    if (e.type === 'node.started' && e.nodeId === 'n1') {
      const now = performance.timeOrigin + performance.now();
      lat.push(now - Math.floor(now / 1000) * 1000);
      if (lat.length >= samples) resolve();
    }
  }));
  await service.startTriggers();
  await service.handlers['flows.activate']({ id: flow.id });
  await done;
  await service.close();
  return lat;
}
