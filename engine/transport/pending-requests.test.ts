import { describe, expect, it } from 'vitest';
import { createPendingRequests, replyOutput, type Reply } from './pending-requests';

describe('pending requests', () => {
  it('matches replies to requests by id, whatever order they come back in', async () => {
    const pending = createPendingRequests();
    const a = pending.open();
    const b = pending.open();
    expect(a.id).not.toBe(b.id);
    expect(pending.settle(b.id, { ok: true, output: 'b' })).toBe(true);
    expect(pending.settle(a.id, { ok: true, output: 'a' })).toBe(true);
    expect([await a.reply, await b.reply]).toEqual([{ ok: true, output: 'a' }, { ok: true, output: 'b' }]);
    expect(pending.size).toBe(0);
  });

  it('ignores stray, repeated and malformed ids', () => {
    const pending = createPendingRequests();
    const { id } = pending.open();
    expect(pending.settle(id + 100, { ok: true, output: 1 })).toBe(false);
    expect(pending.settle(String(id), { ok: true, output: 1 })).toBe(false);
    expect(pending.settle(null, { ok: true, output: 1 })).toBe(false);
    expect(pending.settle(id, { ok: true, output: 1 })).toBe(true);
    expect(pending.settle(id, { ok: true, output: 2 })).toBe(false);
  });

  it('answers every waiting request when the other side goes away', async () => {
    const pending = createPendingRequests();
    const offline: Reply = { ok: false, error: { code: 'api.offline', message: 'gone' } };
    const waiting = [pending.open(), pending.open()];
    pending.settleAll(offline);
    for (const w of waiting) expect(await w.reply).toBe(offline);
    expect(pending.size).toBe(0);
  });

  it('unwraps a reply into its output or throws its wire error', () => {
    expect(replyOutput({ ok: true, output: { n: 1 } })).toEqual({ n: 1 });
    expect(() => replyOutput({ ok: false, error: { code: 'x.y', message: 'no' } })).toThrow(expect.objectContaining({ code: 'x.y', message: 'no' }));
  });
});
