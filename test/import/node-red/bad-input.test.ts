import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { CORPUS } from './run-imported';
import { debug, fn, inject, tab, text } from './fixtures';
import { importProblems } from '../flow-problems';

const sentences = (notes: { message: string }[]) => notes.map((n) => n.message);

describe('Node-RED import of bad input', () => {
  it('a truncated export fails with one sentence', () => {
    const whole = readFileSync(`${CORPUS}/node-red__node-red__common-catch-01-Catch-error.json`, 'utf8');
    const r = importNodeRed(whole.slice(0, Math.floor(whole.length / 2)), { fileName: 'flows.json' });
    expect(r.flows).toEqual([]);
    expect(sentences(r.notes)).toEqual(['flows.json is not a complete Node-RED export: the JSON ends early (truncated file?)']);
  });

  it('text that is not JSON, JSON that is not an export, and an empty list each get one sentence', () => {
    expect(sentences(importNodeRed('<xml/>').notes)[0]).toMatch(/^the file is not JSON, so it cannot be a Node-RED export/);
    expect(sentences(importNodeRed('{"nodes": []}').notes)).toEqual(['the file is JSON but not a Node-RED export: expected a list of nodes, each with an id and a type']);
    expect(sentences(importNodeRed('[]').notes)).toEqual(['the file holds no Node-RED nodes']);
  });

  it('entries that are not nodes are skipped with a line; the rest imports', () => {
    const r = importNodeRed(text([tab(), 42 as never, { type: 'debug' }, debug('d')]));
    expect(r.flows[0].flow.nodes.map((n) => n.id)).toEqual(['d']);
    expect(r.notes.filter((n) => n.severity === 'warning').map((n) => n.path)).toEqual(['$[1]', '$[2]']);
  });

  it('a subflow instance whose definition is missing becomes a placeholder with a line', () => {
    const r = importNodeRed(text([tab(), inject('i', ['s'], '1'), { id: 's', type: 'subflow:nowhere', z: 't1', x: 200, y: 100, wires: [['d']] }, debug('d')]));
    const f = r.flows[0];
    expect(f.flow.nodes.find((n) => n.id === 's')).toMatchObject({ type: 'import.placeholder', params: { sourceTool: 'node-red', sourceType: 'subflow:nowhere', outputs: 1 } });
    expect(f.notes.some((n) => n.path === '$[2]' && n.severity === 'warning')).toBe(true);
    expect(f.flow.edges.some((e) => e.from.node === 's' && e.to.node === 'd')).toBe(true);
    expect(importProblems(f.flow)).toEqual([]);
  });

  it('a subflow definition with broken in/out lists imports what it can', () => {
    const r = importNodeRed(text([tab(), { id: 'sf', type: 'subflow', name: 'broken', in: [null], out: [null, { wires: [null, { id: 'inner', port: 'x' }] }] },
      { ...fn('inner', 'return msg;', [[]]), z: 'sf' }, inject('i', ['s'], '1'), { id: 's', type: 'subflow:sf', z: 't1', x: 1, y: 1, wires: [['d'], ['d']] }, debug('d')]));
    expect(r.flows).toHaveLength(1);
    expect(r.flows[0].flow.edges.map((e) => `${e.from.node}>${e.to.node}`)).toEqual(['i>i-fields', 's~inner>d']);
    expect(importProblems(r.flows[0].flow)).toEqual([]);
  });

  it('wires to missing nodes and a missing config node are reported; everything else imports', () => {
    const r = importNodeRed(text([tab(), inject('i', ['gone', 'd'], '1'), debug('d'),
      { id: 'm', type: 'mqtt in', z: 't1', name: '', topic: 'a/b', broker: 'no-such-broker', x: 100, y: 300, wires: [['d']] }]));
    const f = r.flows[0];
    expect(f.notes.find((n) => n.path === '$[1].wires[0]')?.message).toBe('wires to a node "gone" that is not in the file; that wire was left out');
    expect(f.flow.edges.some((e) => e.to.node === 'd')).toBe(true);
    expect(f.nodes.find((n) => n.path === '$[3]')?.outcome).toBe('placeholder');
    expect(f.notes.find((n) => n.path === '$[3].broker')?.message).toBe('refers to the config node "no-such-broker", which is not in the file; set up what it configured by hand');
    expect(importProblems(f.flow)).toEqual([]);
  });

  it('nodes whose tab is missing, and a cycle of wires, still give valid flows', () => {
    const r = importNodeRed(text([inject('i', ['a'], '1', 'json', 'gone'), fn('a', 'return msg;', [['b']], 'gone'), fn('b', 'return msg;', [['a']], 'gone')]), { fileName: 'loop.json' });
    expect(r.flows).toHaveLength(1);
    expect(r.flows[0].flow.name).toBe('loop');
    expect(importProblems(r.flows[0].flow)).toEqual([]);
    expect(r.flows[0].notes.some((n) => /closed a loop/.test(n.message))).toBe(true);
  });
});

describe('Node-RED credentials never reach the flow', () => {
  it('credentials objects, an http request\'s basic auth and a broker\'s password are left out and listed as connections', () => {
    const secrets = ['hunter2-broker-pass', 'http-pass-0451', 'tok_live_998877', 'flow-level-secret', '-----BEGIN PRIVATE KEY-----MIIE'];
    const nodes = [tab(), inject('i', ['h', 'm'], '1'),
      { id: 'h', type: 'http request', z: 't1', name: 'Fetch', method: 'GET', ret: 'obj', url: 'https://example.com/x', authType: 'basic', credentials: { user: 'ada', password: secrets[1] }, x: 1, y: 1, wires: [['d']] },
      { id: 'm', type: 'mqtt out', z: 't1', name: '', topic: 'a', broker: 'b1', x: 1, y: 1, wires: [] },
      { id: 'b1', type: 'mqtt-broker', name: 'Home broker', broker: 'localhost', port: '1883', credentials: { user: 'u', password: secrets[0] } },
      { id: 'f', type: 'function', z: 't1', name: '', func: 'return msg;', outputs: 1, token: secrets[2], credentials: { apiKey: secrets[3] }, x: 1, y: 1, wires: [['d']] },
      { id: 'x', type: 'some-contrib', z: 't1', name: '', password: secrets[2], apikey: secrets[3], options: { auth: { user: 'u', token: secrets[2] } }, key: secrets[4], client_secret: secrets[4], x: 1, y: 1, wires: [] },
      debug('d')];
    nodes.push({ id: 'h2', type: 'http request', z: 't1', name: 'Inline', method: 'GET', ret: 'txt', url: `https://ada:${secrets[1]}@example.com/y`,
      headers: [{ keyType: 'other', keyValue: 'Authorization', valueType: 'other', valueValue: `Bearer ${secrets[2]}` }, { keyType: 'other', keyValue: 'Accept', valueType: 'other', valueValue: 'text/plain' }], x: 1, y: 1, wires: [[]] });
    const out = JSON.stringify(importNodeRed(text(nodes)));
    for (const s of secrets) expect(out).not.toContain(s);
    const f = importNodeRed(text(nodes)).flows[0];
    expect(f.connections).toEqual(expect.arrayContaining([
      { id: 'node-red-h-auth', type: 'basic', name: 'Fetch (basic authentication)' },
      { id: 'node-red-b1', type: 'node-red:mqtt-broker', name: 'Home broker' },
    ]));
    expect(f.flow.nodes.find((n) => n.id === 'h')?.credentials).toEqual({ auth: { id: 'node-red-h-auth', type: 'basic', name: 'Fetch (basic authentication)' } });
    expect(f.notes.filter((n) => n.kind === 'credential').map((n) => n.path).sort()).toEqual(['$[2].authType', '$[4]', '$[8].authType', '$[8].headers[0]', '$[8].url']);
    expect(f.flow.nodes.find((n) => n.id === 'h2')?.params).toMatchObject({ url: 'https://example.com/y', headers: { Accept: 'text/plain' } });
  });

  it('no corpus file puts a value of a credentials object into its flows', () => {
    // The corpus exports hold no credentials objects (the editor never exports them); this keeps it so if one appears.
    for (const file of readdirSync(CORPUS)) {
      const source = JSON.parse(readFileSync(`${CORPUS}/${file}`, 'utf8')) as { credentials?: Record<string, unknown> }[];
      const values = source.flatMap((n) => Object.values(n.credentials ?? {})).filter((v): v is string => typeof v === 'string' && v.length > 3);
      const out = JSON.stringify(importNodeRed(readFileSync(`${CORPUS}/${file}`, 'utf8')));
      for (const v of values) expect(out).not.toContain(v);
    }
  });
});
