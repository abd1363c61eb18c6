import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import respond from './respond';
import schedule from './schedule';
import webhook from './webhook';
import send from './webhook-send';

describe('trigger.respond', () => {
  it('resolves status, headers and body against the item and passes the answer on', async () => {
    const { outputs } = await runNode(respond, { params: { status: 202, headers: { 'x-id': '{{ $json.id }}' }, body: '{{ { ok: true, id: $json.id } }}' }, items: [{ id: 9 }] });
    expect(outputs.main.map((i) => i.json)).toEqual([{ status: 202, headers: { 'x-id': '9' }, body: { ok: true, id: 9 } }]);
  });
});

describe('trigger.schedule and trigger.webhook params', () => {
  it('refuses a cron pattern croner cannot read, naming the field', () => {
    expect(schedule.validate({ cron: '99 * * * *' }).problems).toEqual([expect.objectContaining({ path: 'params.cron' })]);
    expect(schedule.validate({ cron: '0 */15 * * * *', timezone: 'Europe/Berlin' }).problems).toEqual([]);
  });
  it('refuses a webhook path with a leading slash or odd characters', () => {
    expect(webhook.validate({ path: '/orders' }).problems).toEqual([expect.objectContaining({ path: 'params.path' })]);
    expect(webhook.validate({ path: 'orders/:id' }).problems).toEqual([]);
  });
});

describe('webhook.send', () => {
  it('plans one delivery per item, the item itself as payload when no body is given', async () => {
    // The signing connection as the engine resolves it; the planned delivery keeps only its id.
    const signing = { id: 'c_sign', type: 'webhookSecret', name: 'Signing', fields: {}, apply: async () => {}, secrets: () => ['whsec_abc'], secret: async () => 'whsec_abc' };
    const { outputs } = await runNode(send, { params: { url: 'https://example.com/in', attempts: 3 }, credentials: { secret: signing }, items: [{ a: 1 }, { a: 2 }] });
    expect(outputs.main.map((i) => i.json)).toEqual([
      { delivery: { url: 'https://example.com/in', body: '{"a":1}', headers: {}, maxAttempts: 3, signingConnection: 'c_sign' } },
      { delivery: { url: 'https://example.com/in', body: '{"a":2}', headers: {}, maxAttempts: 3, signingConnection: 'c_sign' } },
    ]);
  });
  it('refuses a URL that is not http or https', async () => {
    await expect(runNode(send, { params: { url: 'file:///etc/passwd' }, items: [{}] })).rejects.toThrow(/only http and https/);
  });
});
