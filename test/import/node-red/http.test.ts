import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { debug, inject, tab, text } from './fixtures';
import { runFrom } from './run-imported';
import { importProblems } from '../flow-problems';

let server: Server;
let base = '';
beforeAll(async () => {
  // A real loopback server: /echo answers the JSON body it got, /hello answers text.
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      if (req.url === '/echo') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ got: JSON.parse(body || 'null'), method: req.method })); }
      else { res.setHeader('content-type', 'text/plain'); res.end(`hello ${req.url}`); }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const request = (id: string, extra: Record<string, unknown>) => ({ id, type: 'http request', z: 't1', name: '', paytoqs: 'ignore', tls: '', persist: false, proxy: '', authType: '', senderr: false, headers: [], x: 300, y: 100, wires: [['d']], ...extra });

describe('Node-RED http nodes', () => {
  it('http request: msg.payload is sent as the JSON body of a POST and the parsed answer becomes msg.payload', async () => {
    const r = importNodeRed(text([tab(), inject('i', ['h'], '{"a":1}'), request('h', { method: 'POST', ret: 'obj', url: `${base}/echo` }), debug('d')]));
    const f = r.flows[0];
    expect(importProblems(f.flow)).toEqual([]);
    const run = await runFrom(f.flow, 'i');
    expect(run.status).toBe('success');
    const [msg] = run.json('h-msg');
    expect(msg).toMatchObject({ payload: { got: { a: 1 }, method: 'POST' }, statusCode: 200, responseUrl: `${base}/echo` });
    expect((msg.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('http request: a URL with mustache tags reads the message; a text answer becomes msg.payload', async () => {
    const r = importNodeRed(text([tab(), { ...inject('i', ['h'], '"abc"', 'json') }, request('h', { method: 'GET', ret: 'txt', url: `${base}/items/{{{payload}}}?t={{topic}}` }), debug('d')]));
    const f = r.flows[0];
    expect(f.flow.nodes.find((n) => n.id === 'h')?.params.url).toBe(`${base}/items/{{ $json.payload }}?t={{ $json.topic }}`);
    const run = await runFrom(f.flow, 'i');
    expect(run.json('h-msg').map((j) => [j.payload, j.statusCode])).toEqual([['hello /items/abc?t=t', 200]]);
  });

  it('http in and http response become a Webhook that waits for a Respond node, with msg.payload and msg.req', () => {
    const r = importNodeRed(text([tab(), { id: 'in', type: 'http in', z: 't1', name: '', url: '/orders/:id', method: 'post', upload: false, x: 1, y: 1, wires: [['out']] },
      { id: 'out', type: 'http response', z: 't1', name: '', statusCode: '201', headers: { 'x-a': 'b' }, x: 1, y: 1, wires: [] }]));
    const nodes = new Map(r.flows[0].flow.nodes.map((n) => [n.id, n]));
    expect(nodes.get('in')).toMatchObject({ type: 'trigger.webhook', params: { path: 'orders/:id', method: 'POST', respond: 'respondNode' } });
    expect(nodes.get('in-msg')?.params.fields).toEqual([
      { name: 'payload', value: '{{ $json.body }}', transforms: [] },
      { name: 'req', value: '{{ { params: $json.params, query: $json.query, headers: $json.headers, method: $json.method } }}', transforms: [] },
    ]);
    expect(nodes.get('out')).toMatchObject({ type: 'trigger.respond', params: { status: 201, headers: { 'x-a': 'b' }, body: '{{ $json.payload }}' } });
    expect(r.flows[0].flow.edges.map((e) => `${e.from.node}>${e.to.node}`)).toEqual(['in>in-msg', 'in-msg>out']);
    expect(importProblems(r.flows[0].flow)).toEqual([]);
  });
});
