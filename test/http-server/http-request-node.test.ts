/** The HTTP Request node against a real server on loopback: what a person testing an API sees. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurl, toCurl } from '../../engine/http/curl';
import { runNode } from '../../engine/sdk/testing';
import request from '../../nodes/http/request';
import { json, startServer, type TestServer } from './server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  server.route('/echo', (req, res) => json(res, 200, { method: req.method, url: req.url, type: req.headers['content-type'] ?? null, body: req.body.toString('latin1') }, { 'x-request-id': 'r-1' }));
  server.route('/users', (_req, res) => json(res, 200, [{ id: 1, name: 'Ada' }, { id: 2, name: 'Linus' }]));
});
afterAll(() => server.close());

const SECRET = 'tok_9f8e7d6c5b4a3210';
type Exchange = { status: number; request: { headers: Record<string, string>; method: string; url: string; body?: string }; response: { body: string; size: number; headers: Record<string, string> }; timing: { total: number }; page?: number; truncated?: boolean };
const exchangeOf = (json: Record<string, unknown>) => json.$response as Exchange;

describe('http.request', () => {
  it('splits a JSON list into items and keeps the exchange on each', async () => {
    const { outputs } = await runNode(request, { params: { url: `${server.origin}/users`, headers: { Accept: 'application/json' } }, items: [{}] });
    expect(outputs.main.map((i) => i.json.name)).toEqual(['Ada', 'Linus']);
    const x = exchangeOf(outputs.main[0].json);
    expect(x.status).toBe(200);
    expect(x.request).toMatchObject({ method: 'GET', headers: { Accept: 'application/json' } });
    expect(x.response.body).toContain('"Ada"');
    expect(x.timing.total).toBeGreaterThan(0);
  });

  it('sends one request per item with its own params, or one for all', async () => {
    const items = [{ id: 7 }, { id: 8 }];
    const per = await runNode(request, { params: { url: `${server.origin}/echo`, query: { id: '{{ $json.id }}' }, recordExchange: false }, items });
    expect(per.outputs.main.map((i) => i.json.url)).toEqual(['/echo?id=7', '/echo?id=8']);
    expect(per.outputs.main[1].paired?.[0].json).toEqual({ id: 8 });
    const once = await runNode(request, { params: { url: `${server.origin}/echo`, mode: 'once', recordExchange: false }, items });
    expect(once.outputs.main).toHaveLength(1);
  });

  it('sends JSON, form, raw, binary, multipart and GraphQL bodies', async () => {
    const send = async (params: Record<string, unknown>) => (await runNode(request, { params: { url: `${server.origin}/echo`, method: 'POST', recordExchange: false, ...params }, items: [{}] })).outputs.main[0].json;
    expect(await send({ bodyType: 'json', json: { a: [1, 2] } })).toMatchObject({ type: 'application/json', body: '{"a":[1,2]}' });
    expect(await send({ bodyType: 'form', form: { q: 'a b', n: '1' } })).toMatchObject({ type: 'application/x-www-form-urlencoded', body: 'q=a+b&n=1' });
    expect(await send({ bodyType: 'raw', raw: '<a>1</a>', contentType: 'text/xml' })).toMatchObject({ type: 'text/xml', body: '<a>1</a>' });
    expect(await send({ bodyType: 'binary', binary: Buffer.from([0, 200, 255]).toString('base64') })).toMatchObject({ type: 'application/octet-stream', body: '\x00\xc8\xff' });
    const multi = await send({ bodyType: 'multipart', multipart: [{ name: 'note', value: 'hi' }, { name: 'f', value: Buffer.from('file body').toString('base64'), fileName: 'f.txt', contentType: 'text/plain' }] });
    expect(multi.body).toMatch(/name="note"\r\n\r\nhi\r\n[\s\S]*filename="f.txt"\r\nContent-Type: text\/plain\r\n\r\nfile body/);
    const gql = await send({ bodyType: 'graphql', graphqlQuery: 'query($n: Int) { a(n: $n) }', graphqlVariables: { n: 2 } });
    expect(JSON.parse(gql.body as string)).toEqual({ query: 'query($n: Int) { a(n: $n) }', variables: { n: 2 } });
  });

  it('pages a GraphQL connection by cursor', async () => {
    server.route('/gql', (req, res) => {
      const after = (JSON.parse(req.body.toString()) as { variables: { after?: string } }).variables.after;
      const start = after ? Number(after) : 0;
      json(res, 200, { data: { repo: { issues: { nodes: [{ n: start + 1 }, { n: start + 2 }], pageInfo: { endCursor: start < 4 ? String(start + 2) : null } } } } });
    });
    const { outputs } = await runNode(request, { items: [{}], params: { url: `${server.origin}/gql`, method: 'POST', bodyType: 'graphql', graphqlQuery: 'query($after: String) { … }',
      pagination: { style: 'cursor', next: 'data.repo.issues.pageInfo.endCursor', send: 'body.variables.after', items: 'data.repo.issues.nodes' } } });
    expect(outputs.main.map((i) => i.json.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(outputs.main.map((i) => exchangeOf(i.json).page)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('stops paging at the page limit and says so', async () => {
    server.route('/forever', (req, res) => {
      const page = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? 1);
      json(res, 200, { results: [{ page }], next: `/forever?page=${page + 1}` });
    });
    const logs: string[] = [];
    const { outputs } = await runNode(request, { logs, items: [{}], params: { url: `${server.origin}/forever`, pagination: { style: 'nextUrl', next: 'next', items: 'results' }, maxPages: 3 } });
    expect(outputs.main.map((i) => i.json.page)).toEqual([1, 2, 3]);
    expect(exchangeOf(outputs.main[2].json).truncated).toBe(true);
    expect(logs).toContain('warn: stopped after 3 pages (the page limit); more pages were available');
  });

  it('returns a binary response as base64 with its type and file name', async () => {
    server.route('/file', (_req, res) => { res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="report.pdf"' }); res.end(Buffer.from('%PDF-1.7')); });
    const { outputs } = await runNode(request, { params: { url: `${server.origin}/file`, recordExchange: false }, items: [{}] });
    expect(outputs.main[0].json).toEqual({ data: Buffer.from('%PDF-1.7').toString('base64'), encoding: 'base64', mimeType: 'application/pdf', size: 8, fileName: 'report.pdf' });
  });

  it('turns an error status into an item when asked, and otherwise fails naming the item', async () => {
    server.route('/gone', (_req, res) => json(res, 410, { message: 'this record was deleted' }, { 'x-request-id': 'abc-123' }));
    const kept = await runNode(request, { params: { url: `${server.origin}/gone`, neverError: true }, items: [{}] });
    expect(kept.outputs.main[0].json).toMatchObject({ message: 'this record was deleted', $response: { status: 410 } });
    await expect(runNode(request, { params: { url: `${server.origin}/gone` }, items: [{}, {}] }))
      .rejects.toThrow(/^item 0: GET http:\/\/127\.0\.0\.1:\d+\/gone answered 410 Gone \(request id abc-123\): \{"message":"this record was deleted"\}$/);
  });

  it('keeps a secret header out of run data, logs and errors', async () => {
    server.route('/whoami', (req, res) => json(res, 200, { token: req.headers.authorization }));
    server.route('/broken', (req, res) => json(res, 503, { echo: req.headers.authorization }));
    const logs: string[] = [];
    const ok = await runNode(request, { logs, params: { url: `${server.origin}/whoami`, headers: { Authorization: `Bearer ${SECRET}` } }, items: [{}] });
    expect(server.seen.at(-1)!.headers.authorization).toBe(`Bearer ${SECRET}`);
    const failed = await runNode(request, { logs, params: { url: `${server.origin}/broken`, headers: { Authorization: `Bearer ${SECRET}` }, maxAttempts: 2 }, items: [{}] }).catch((e: Error) => e.message);
    expect(failed).toMatch(/answered 503/);
    for (const text of [JSON.stringify(ok.outputs), String(failed), logs.join('\n')]) expect(text).not.toContain(SECRET);
    expect(exchangeOf(ok.outputs.main[0].json).request.headers.Authorization).toBe('[redacted]');
  });

  it('runs what "Import cURL" made of a pasted command, and copies it back', async () => {
    const { params } = parseCurl(`curl '${server.origin}/echo?x=1' -H 'X-Trace: on' --json '{"hello":"world"}'`);
    const { outputs } = await runNode(request, { params: { ...params, recordExchange: false }, items: [{}] });
    expect(outputs.main[0].json).toEqual({ method: 'POST', url: '/echo?x=1', type: 'application/json', body: '{"hello":"world"}' });
    expect(parseCurl(toCurl(params)).params).toEqual(params);
  });
});
