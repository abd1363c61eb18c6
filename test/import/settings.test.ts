import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../engine/flow';
import { importFile } from '../../engine/import';
import { builtinRegistry } from '../../engine/registry';

const doc = {
  name: 'Settings',
  nodes: [
    { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [100, 200], parameters: {} },
    { name: 'Call', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [300, 200], parameters: { url: 'https://example.com' },
      retryOnFail: true, maxTries: 5, waitBetweenTries: 2000, onError: 'continueErrorOutput', notes: 'calls the vendor' },
    { name: 'Old', type: 'n8n-nodes-base.set', typeVersion: 1, position: [500, 100], parameters: {}, continueOnFail: true, disabled: true },
    { name: 'Failed', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [500, 300], parameters: {} },
    { name: 'Later', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [700, 100], parameters: {}, onError: 'continueRegularOutput' },
    { name: 'Sticky', type: 'n8n-nodes-base.stickyNote', typeVersion: 1, position: [0, 0], parameters: { content: '# Read me', width: 200, height: 100, color: 4 } },
  ],
  connections: {
    Start: { main: [[{ node: 'Call', type: 'main', index: 0 }]] },
    Call: { main: [[{ node: 'Old', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]] },
    Old: { main: [[{ node: 'Later', type: 'main', index: 0 }]] },
  },
  pinData: { Start: [{ json: { id: 1 } }, { json: { id: 2 } }], Ghost: [{ json: {} }] },
  settings: { timezone: 'Europe/Berlin', errorWorkflow: '42' },
};

describe('n8n settings carry over', () => {
  const [imported] = importFile(JSON.stringify(doc)).flows;
  const byName = (name: string) => imported.flow.nodes.find((n) => n.name === name)!;

  it('retry, on-error (error output, continue, legacy continueOnFail), disabled and notes', () => {
    expect(byName('Call').settings).toEqual({ retry: { attempts: 5, backoff: 'fixed', delayMs: 2000 }, onError: 'errorPort', notes: 'calls the vendor' });
    expect(byName('Old').settings).toEqual({ onError: 'continue', disabled: true });
    expect(byName('Later').settings).toEqual({ onError: 'continue' });
  });

  it('wires n8n\'s error output to the error port and keeps positions, pinned data, sticky notes and flow settings', () => {
    expect(imported.flow.edges.map((e) => `${e.from.node}:${e.from.port}>${e.to.node}`)).toEqual(['start:main>call', 'call:main>old', 'call:error>failed', 'old:main>later']);
    expect(byName('Call').position).toEqual({ x: 450, y: 300 });
    expect(imported.flow.pinned).toEqual({ start: [{ id: 1 }, { id: 2 }] });
    expect(imported.flow.notes).toEqual([{ id: 'sticky', text: '# Read me', position: { x: 0, y: 0 }, size: { width: 300, height: 150 }, color: 'green' }]);
    expect(imported.flow.settings).toEqual({ timezone: 'Europe/Berlin' });
    expect(imported.notes.map((n) => n.path)).toEqual(['$.pinData["Ghost"]', '$.settings.errorWorkflow']);
    expect(validateFlow(imported.flow, builtinRegistry()).problems).toEqual([]);
  });
});
