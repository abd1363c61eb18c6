/**
 * The connector mappings: a small n8n workflow (and Node-RED flow) per connector node, checked
 * for the exact Junction params and for validating against the real node types.
 */
import { describe, expect, it } from 'vitest';
import { importFile, type ImportedFlow } from '../../engine/import';
import { importProblems } from './flow-problems';

const n8n = (type: string, typeVersion: number, parameters: Record<string, unknown>, credentials?: Record<string, unknown>): ImportedFlow =>
  importFile(JSON.stringify({
    nodes: [
      { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { name: 'N', type: `n8n-nodes-base.${type}`, typeVersion, position: [200, 0], parameters, ...(credentials ? { credentials } : {}) },
    ],
    connections: { Start: { main: [[{ node: 'N', type: 'main', index: 0 }]] } },
  })).flows[0];

const nodeRed = (node: Record<string, unknown>, config: Record<string, unknown>[] = []): ImportedFlow =>
  importFile(JSON.stringify([
    { id: 't1', type: 'tab', label: 'Flow 1' },
    { id: 'i1', type: 'inject', z: 't1', props: [], repeat: '', crontab: '', once: false, x: 100, y: 100, wires: [['n1']] },
    { id: 'n1', z: 't1', x: 300, y: 100, wires: [[]], ...node },
    ...config,
  ]), { fileName: 'flow.json' }).flows[0];

/** The imported node standing for the source node "N" / "n1", checked to validate cleanly. */
function mapped(f: ImportedFlow) {
  expect(importProblems(f.flow)).toEqual([]);
  const node = f.flow.nodes.find((n) => n.name === 'N' || n.id === 'n1' || n.id.startsWith('n1'));
  if (!node) throw new Error(`no imported node in ${JSON.stringify(f.flow.nodes.map((n) => n.id))}`);
  return node;
}

const pg = { postgres: { id: '2', name: 'DB' } };

describe('n8n Postgres → postgres.query', () => {
  it('executeQuery: {{ }} in the SQL and the query parameters become bound parameters', () => {
    const n = mapped(n8n('postgres', 2.5, {
      operation: 'executeQuery', query: "=select * from t where a = $1 and b = '{{ $json.b }}' and c > {{ $json.c }}", options: { queryReplacement: '={{ [$json.a] }}' },
    }, pg));
    expect(n.type).toBe('postgres.query');
    expect(n.params).toEqual({ operation: 'query', sql: 'select * from t where a = $1 and b = $2 and c > $3', parameters: ['{{ $json.a }}', '{{ $json.b }}', '{{ $json.c }}'] });
    expect(n.credentials).toEqual({ db: { id: 'n8n-2', type: 'database', name: 'DB' } });
  });

  it('select with conditions, sort, columns and limit', () => {
    const n = mapped(n8n('postgres', 2.5, {
      operation: 'select', schema: { __rl: true, value: 'sales', mode: 'list' }, table: { __rl: true, value: 'orders', mode: 'list' }, limit: 10,
      where: { values: [{ column: 'status', value: 'open' }, { column: 'total', condition: '>=', value: '={{ $json.min }}' }, { column: 'closed_at', condition: 'IS NULL' }] },
      sort: { values: [{ column: 'id', direction: 'DESC' }] }, options: { outputColumns: ['id', 'total'] },
    }, pg));
    expect(n.params).toEqual({
      operation: 'select', schema: 'sales', table: 'orders', columns: ['id', 'total'], limit: 10, orderBy: [{ column: 'id', direction: 'desc' }],
      where: [{ column: 'status', operator: '=', value: 'open' }, { column: 'total', operator: '>=', value: '{{ $json.min }}' }, { column: 'closed_at', operator: 'isNull' }],
    });
  });

  it('select with OR conditions becomes a query', () => {
    const n = mapped(n8n('postgres', 2.5, {
      operation: 'select', table: { __rl: true, value: 'orders', mode: 'list' }, returnAll: true, combineConditions: 'OR',
      where: { values: [{ column: 'a', value: '1' }, { column: 'b', condition: 'LIKE', value: '%x%' }] },
    }, pg));
    expect(n.params).toEqual({ operation: 'query', sql: 'SELECT * FROM "public"."orders" WHERE "a" = $1 OR "b" LIKE $2', parameters: ['1', '%x%'] });
  });

  it('upsert with mapped columns and matching columns; v1 update with an update key', () => {
    const up = mapped(n8n('postgres', 2.5, {
      operation: 'upsert', table: { __rl: true, value: 'people', mode: 'list' },
      columns: { mappingMode: 'defineBelow', value: { email: '={{ $json.mail }}', name: '={{ $json.name }}' }, matchingColumns: ['email'] }, options: { queryBatching: 'transaction' },
    }, pg));
    expect(up.params).toEqual({
      operation: 'upsert', schema: 'public', table: 'people', keyColumns: ['email'], transaction: 'run',
      mapping: { mode: 'columns', columns: [{ column: 'email', value: '{{ $json.mail }}' }, { column: 'name', value: '{{ $json.name }}' }] },
    });
    const v1 = mapped(n8n('postgres', 1, { operation: 'update', table: 'people', updateKey: 'id', columns: 'name,age:int' }, pg));
    expect(v1.params).toEqual({
      operation: 'update', schema: 'public', table: 'people', keyColumns: ['id'],
      mapping: { mode: 'columns', columns: [{ column: 'id', value: '{{ $json["id"] }}' }, { column: 'name', value: '{{ $json["name"] }}' }, { column: 'age', value: '{{ $json["age"] }}' }] },
    });
  });

  it('deleteTable: DELETE with conditions and TRUNCATE become queries', () => {
    const del = mapped(n8n('postgres', 2.5, { operation: 'deleteTable', deleteCommand: 'delete', table: { __rl: true, value: 't', mode: 'list' }, where: { values: [{ column: 'id', value: '={{ $json.id }}' }] } }, pg));
    expect(del.params).toEqual({ operation: 'query', sql: 'DELETE FROM "public"."t" WHERE "id" = $1', parameters: ['{{ $json.id }}'] });
    const trunc = mapped(n8n('postgres', 2.5, { operation: 'deleteTable', table: { __rl: true, value: 't', mode: 'list' }, options: { restartSequences: true } }, pg));
    expect(trunc.params).toEqual({ operation: 'query', sql: 'TRUNCATE TABLE "public"."t" RESTART IDENTITY', parameters: [] });
  });

  it('a table named by an expression becomes a placeholder with the reason', () => {
    const f = n8n('postgres', 2.5, { operation: 'select', table: { __rl: true, value: '={{ $json.t }}', mode: 'name' } }, pg);
    expect(f.flow.nodes[1].type).toBe('import.placeholder');
    expect(f.notes.some((x) => x.severity === 'warning' && /table name comes from an expression/.test(x.message) && x.path.startsWith('$.nodes[1]'))).toBe(true);
  });
});

describe('n8n MySQL → mysql.query', () => {
  it('v2 insert (auto-mapped) and v1 executeQuery with query parameters from item fields', () => {
    const ins = mapped(n8n('mySql', 2.4, { operation: 'insert', table: { __rl: true, value: 'orders', mode: 'list' }, columns: { mappingMode: 'autoMapInputData', value: {} } }, { mySql: { id: '3', name: 'My' } }));
    expect(ins.type).toBe('mysql.query');
    expect(ins.params).toEqual({ operation: 'insert', table: 'orders', mapping: { mode: 'auto' }, keyColumns: [] });
    expect(ins.credentials).toEqual({ db: { id: 'n8n-3', type: 'database', name: 'My' } });
    const q = mapped(n8n('mySql', 1, { operation: 'executeQuery', query: 'select * from t where id = ? and k = ?', additionalFields: { queryParams: 'id, k' } }));
    expect(q.params).toEqual({ operation: 'query', sql: 'select * from t where id = ? and k = ?', parameters: ['{{ $json["id"] }}', '{{ $json["k"] }}'] });
  });
});

describe('n8n Redis → redis.command', () => {
  it('set with expiry, get of a hash, push to the head, pop from the tail, publish', () => {
    const cred = { redis: { id: '4', name: 'R' } };
    const set = mapped(n8n('redis', 1, { operation: 'set', key: 'k', value: '={{ $json.v }}', expire: true, ttl: 30 }, cred));
    expect(set.params).toEqual({ operation: 'set', key: 'k', value: '{{ $json.v }}', ttlSeconds: 30 });
    expect(set.credentials).toEqual({ redis: { id: 'n8n-4', type: 'redis', name: 'R' } });
    expect(mapped(n8n('redis', 1, { operation: 'get', key: 'h', keyType: 'hash', propertyName: 'user' })).params).toEqual({ operation: 'hashGetAll', key: 'h', into: 'user' });
    expect(mapped(n8n('redis', 1, { operation: 'push', list: 'jobs', messageData: '={{ $json.id }}' })).params).toEqual({ operation: 'listPush', key: 'jobs', value: '{{ $json.id }}', pushTo: 'left' });
    expect(mapped(n8n('redis', 1, { operation: 'pop', list: 'jobs', tail: true })).params).toEqual({ operation: 'listPop', key: 'jobs', popFrom: 'right', into: 'propertyName' });
    expect(mapped(n8n('redis', 1, { operation: 'publish', channel: 'news', messageData: 'hi' })).params).toEqual({ operation: 'publish', channel: 'news', value: 'hi' });
  });

  it('"keys" has no Junction operation: a placeholder', () => {
    const f = n8n('redis', 1, { operation: 'keys', keyPattern: 'a*' });
    expect(f.flow.nodes[1].type).toBe('import.placeholder');
  });
});

describe('n8n e-mail', () => {
  it('Send Email v2.1 → email.send with cc, reply-to and attachments', () => {
    const n = mapped(n8n('emailSend', 2.1, {
      fromEmail: 'a@x.io', toEmail: 'b@x.io', subject: 'Hi', emailFormat: 'both', text: 'x', html: '<b>x</b>', options: { ccEmail: 'c@x.io', replyTo: 'r@x.io', attachments: 'data, report' },
    }, { smtp: { id: '5', name: 'Mail' } }));
    expect(n.params).toEqual({ from: 'a@x.io', to: 'b@x.io', cc: 'c@x.io', bcc: '', replyTo: 'r@x.io', subject: 'Hi', text: 'x', html: '<b>x</b>', attachments: ['data', 'report'] });
    expect(n.credentials).toEqual({ smtp: { id: 'n8n-5', type: 'smtp', name: 'Mail' } });
  });

  it('Email Trigger (IMAP) → email.read', () => {
    const f = importFile(JSON.stringify({ nodes: [{ name: 'N', type: 'n8n-nodes-base.emailReadImap', typeVersion: 2, position: [0, 0], parameters: { mailbox: 'Reports', postProcessAction: 'nothing', downloadAttachments: true }, credentials: { imap: { id: '6', name: 'Box' } } }], connections: {} })).flows[0];
    const n = mapped(f);
    expect(n.params).toEqual({ mailbox: 'Reports', markSeen: false, attachments: true });
    expect(n.credentials).toEqual({ imap: { id: 'n8n-6', type: 'imap', name: 'Box' } });
  });
});

describe('n8n files', () => {
  it('Extract from File (CSV, options) → file.read from a binary field', () => {
    expect(mapped(n8n('extractFromFile', 1, { operation: 'csv', binaryPropertyName: 'file', options: { delimiter: ';', headerRow: false } })).params)
      .toEqual({ source: { from: 'binary', binaryKey: 'file' }, format: 'csv', delimiter: ';', header: 'no' });
  });

  it('Spreadsheet File: fromFile → file.read, toFile → file.write to a binary field', () => {
    expect(mapped(n8n('spreadsheetFile', 2, { operation: 'fromFile', fileFormat: 'xlsx', options: { sheetName: 'Q1' } })).params)
      .toEqual({ source: { from: 'binary', binaryKey: 'data' }, format: 'xlsx', sheet: 'Q1' });
    expect(mapped(n8n('spreadsheetFile', 2, { operation: 'toFile', fileFormat: 'xlsx', options: { fileName: 'out.xlsx', sheetName: 'All' } })).params)
      .toEqual({ format: 'xlsx', destination: { to: 'binary', binaryKey: 'data', fileName: 'out.xlsx' }, sheetName: 'All' });
  });

  it('Convert to File (CSV) → file.write', () => {
    expect(mapped(n8n('convertToFile', 1.1, { operation: 'csv', options: { fileName: '={{ $json.name }}.csv' } })).params)
      .toEqual({ format: 'csv', destination: { to: 'binary', binaryKey: 'data', fileName: '{{ $json.name }}.csv' } });
  });

  it('Read/Write Binary File moves raw bytes, which no Junction node does: placeholder and a note', () => {
    for (const [type, params] of [['readBinaryFile', { filePath: '/data/in.pdf' }], ['writeBinaryFile', { fileName: '/data/out.pdf' }], ['readWriteFile', { operation: 'write', fileName: '/x' }]] as const) {
      const f = n8n(type, 1, params);
      expect(f.flow.nodes[1].type).toBe('import.placeholder');
      expect(f.notes.some((x) => x.path.startsWith('$.nodes[1]') && /bytes as they are/.test(x.message))).toBe(true);
      expect(importProblems(f.flow)).toEqual([]);
    }
  });
});

describe('n8n Read Binary File followed by Spreadsheet File', () => {
  it('becomes one file.read from the path and a pass-through', () => {
    const f = importFile(JSON.stringify({
      nodes: [
        { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { name: 'Read', type: 'n8n-nodes-base.readBinaryFile', typeVersion: 1, position: [200, 0], parameters: { filePath: '/data/people.xlsx' } },
        { name: 'Parse', type: 'n8n-nodes-base.spreadsheetFile', typeVersion: 2, position: [400, 0], parameters: { fileFormat: 'xlsx', options: { sheetName: 'Staff' } } },
      ],
      connections: { Start: { main: [[{ node: 'Read', type: 'main', index: 0 }]] }, Read: { main: [[{ node: 'Parse', type: 'main', index: 0 }]] } },
    })).flows[0];
    expect(importProblems(f.flow)).toEqual([]);
    const [, read, parse] = f.flow.nodes;
    expect(read).toMatchObject({ type: 'file.read', params: { source: { from: 'path', path: '/data/people.xlsx' }, format: 'xlsx', sheet: 'Staff' } });
    expect(Object.keys(read.params).sort()).toEqual(['format', 'sheet', 'source']);
    expect(parse).toMatchObject({ type: 'core.noop', params: {} });
    expect(f.flow.edges.map((e) => [e.from.node, e.to.node])).toEqual([['start', 'read'], ['read', 'parse']]);
  });
});

describe('Node-RED connector nodes', () => {
  it('postgresql → postgres.query with its fixed SQL and the connection in slot "db"', () => {
    const f = nodeRed({ type: 'postgresql', name: 'Q', query: 'select * from t where id = $1', postgreSQLConfig: 'c1', split: false, outputs: 1 },
      [{ id: 'c1', type: 'postgreSQLConfig', name: 'Shop', database: 'shop' }]);
    const n = mapped(f);
    expect(n.type).toBe('postgres.query');
    expect(n.params).toEqual({ operation: 'query', sql: 'select * from t where id = $1', parameters: [] });
    expect(n.credentials).toEqual({ db: { id: 'node-red-c1', type: 'database', name: 'Shop' } });
  });

  it('file in → file.read of a CSV file; file (append) → file.write, appending only to CSV / JSON Lines', () => {
    expect(mapped(nodeRed({ type: 'file in', filename: '/data/in.csv', filenameType: 'str', format: 'utf8' })).params)
      .toEqual({ source: { from: 'path', path: '/data/in.csv' }, format: 'csv' });
    expect(mapped(nodeRed({ type: 'file', filename: '/data/out.jsonl', filenameType: 'str', appendNewline: true, overwriteFile: 'false' })).params)
      .toEqual({ format: 'jsonl', destination: { to: 'path', path: '/data/out.jsonl', ifExists: 'append' } });
    const json = nodeRed({ type: 'file', filename: '/data/out.json', filenameType: 'str', overwriteFile: 'false' });
    expect(mapped(json).params).toEqual({ format: 'json', destination: { to: 'path', path: '/data/out.json', ifExists: 'overwrite' } });
    expect(json.notes.some((x) => x.path.endsWith('.overwriteFile') && /replaces it/.test(x.message))).toBe(true);
  });
});
