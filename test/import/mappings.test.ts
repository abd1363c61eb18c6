/** What triggers and HTTP become (connector nodes: connectors.test.ts): the params the importer writes. */
import { describe, expect, it } from 'vitest';
import { importFile, type ImportedFlow } from '../../engine/import';

const one = (type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): ImportedFlow =>
  importFile(JSON.stringify({ nodes: [{ name: 'N', type: `n8n-nodes-base.${type}`, typeVersion, position: [0, 0], parameters, ...extra }], connections: {} })).flows[0];
const node = (f: ImportedFlow) => f.flow.nodes[0];

describe('trigger mappings', () => {
  it('Schedule rules, Cron and Interval become cron patterns (seconds first)', () => {
    expect(node(one('scheduleTrigger', 1.2, { rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } })).params).toEqual({ cron: '0 */15 * * * *' });
    expect(node(one('scheduleTrigger', 1.1, { rule: { interval: [{ field: 'weeks', triggerAtDay: [1, 5], triggerAtHour: 9, triggerAtMinute: 30 }] } })).params).toEqual({ cron: '0 30 9 * * 1,5' });
    expect(node(one('scheduleTrigger', 1.2, { rule: { interval: [{ field: 'cronExpression', expression: '0 8 * * 1-5' }] } })).params).toEqual({ cron: '0 8 * * 1-5' });
    expect(node(one('scheduleTrigger', 1, {})).params).toEqual({ cron: '0 0 0 */1 * *' });
    expect(node(one('cron', 1, { triggerTimes: { item: [{ mode: 'everyWeek', hour: 7, weekday: '3' }] } })).params).toEqual({ cron: '0 0 7 * * 3' });
    expect(node(one('interval', 1, { interval: 5, unit: 'minutes' })).params).toEqual({ cron: '0 */5 * * * *' });
    const two = one('scheduleTrigger', 1.2, { rule: { interval: [{ field: 'hours' }, { field: 'days', triggerAtHour: 6 }] } });
    expect(two.notes[0]).toMatchObject({ severity: 'warning', path: '$.nodes[0].parameters.rule.interval' });
  });

  it('Webhook and Respond to Webhook', () => {
    expect(node(one('webhook', 2, { path: '/orders/:id', httpMethod: 'POST', responseMode: 'responseNode' })).params)
      .toEqual({ path: 'orders/:id', method: 'POST', auth: { type: 'none' }, respond: 'respondNode' });
    const guarded = one('webhook', 1, { path: 'x', authentication: 'headerAuth' }, { credentials: { httpHeaderAuth: { id: '1', name: 'Hook key' } } });
    expect(node(guarded).params.auth).toEqual({ type: 'headerToken', header: 'authorization', tokenEnv: 'WEBHOOK_TOKEN' });
    expect(node(one('respondToWebhook', 1.1, { respondWith: 'json', responseBody: '{"ok":true}', options: { responseCode: 201, responseHeaders: { entries: [{ name: 'x-id', value: '={{ $json.id }}' }] } } })).params)
      .toEqual({ status: 201, headers: { 'x-id': '{{ $json.id }}' }, body: { ok: true } });
  });
});

describe('HTTP Request', () => {
  it('v4: query, headers, JSON body, response, auth connection and next-URL paging', () => {
    const f = one('httpRequest', 4.2, {
      method: 'POST', url: '=https://api.example.com/{{ $json.id }}', authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth',
      sendQuery: true, queryParameters: { parameters: [{ name: 'limit', value: '50' }] }, sendBody: true, specifyBody: 'json', jsonBody: '{"a":1}',
      options: { response: { response: { responseFormat: 'text', neverError: true } }, pagination: { pagination: { paginationMode: 'responseContainsNextURL', nextURL: '={{ $response.body.links.next }}', limitPagesFetched: true, maxRequests: 7 } } },
    }, { credentials: { httpBasicAuth: { id: '4', name: 'API user' } } });
    expect(node(f).params).toMatchObject({
      method: 'POST', url: 'https://api.example.com/{{ $json.id }}', query: { limit: '50' }, bodyType: 'json', json: { a: 1 },
      response: 'text', neverError: true, pagination: { style: 'nextUrl', next: 'links.next' }, maxPages: 7,
    });
    expect(node(f).credentials).toEqual({ auth: { id: 'n8n-4', type: 'basic', name: 'API user' } });
  });

  it('v4 cursor and page paging; v1 form body', () => {
    const cursor = one('httpRequest', 4.1, { url: 'https://x.io', options: { pagination: { pagination: { paginationMode: 'updateAParameterInEachRequest', parameters: { parameters: [{ type: 'qs', name: 'after', value: '={{ $response.body.next_cursor }}' }] } } } } });
    expect(node(cursor).params.pagination).toEqual({ style: 'cursor', next: 'next_cursor', send: 'query.after' });
    const page = one('httpRequest', 4.2, { url: 'https://x.io', options: { pagination: { pagination: { paginationMode: 'updateAParameterInEachRequest', parameters: { parameters: [{ name: 'page', value: '={{ $pageCount + 1 }}' }] } } } } });
    expect(node(page).params.pagination).toEqual({ style: 'page', param: 'page', start: 1 });
    const v1 = one('httpRequest', 1, { requestMethod: 'POST', url: 'https://x.io', options: { bodyContentType: 'form-urlencoded' }, bodyParametersUi: { parameter: [{ name: 'q', value: 'a' }] } });
    expect(node(v1).params).toMatchObject({ method: 'POST', bodyType: 'form', form: { q: 'a' } });
  });
});
