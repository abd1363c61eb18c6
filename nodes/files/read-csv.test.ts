import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import read from './read';
import { tempFolder } from './test-files';

const tmp = tempFolder();
const readCsv = (path: string, params: Record<string, unknown> = {}) =>
  runNode(read, { params: { source: { from: 'path', path }, ...params }, items: [{}] }).then((r) => r.outputs);

describe('file.read CSV', () => {
  it('detects comma, semicolon, tab and pipe, types numbers and booleans, keeps a column of codes with leading zeros and ISO dates as text', async () => {
    for (const d of [',', ';', '\t', '|']) {
      const path = tmp.put(`d${d.charCodeAt(0)}.csv`, ['id,name,amount,active,zip,since', '1,Ada,12.5,true,01234,2024-03-01', '2,"Lo, Bo",-3,FALSE,99999,2024-03-02T10:00:00Z'].map((l) => l.replaceAll(',', d).replace(`Lo${d} Bo`, `Lo${d} Bo`)).join('\n'));
      const out = await readCsv(path);
      expect(out.main!.map((i) => i.json)).toEqual([
        { id: 1, name: 'Ada', amount: 12.5, active: true, zip: '01234', since: '2024-03-01' },
        { id: 2, name: `Lo${d} Bo`, amount: -3, active: false, zip: '99999', since: '2024-03-02T10:00:00Z' },
      ]);
    }
  });

  it('keeps quoted newlines and doubled quotes inside a field', async () => {
    const path = tmp.put('multi.csv', 'id,note\n1,"line one\nline two"\n2,"say ""hi"""\n');
    const out = await readCsv(path);
    expect(out.main!.map((i) => i.json.note)).toEqual(['line one\nline two', 'say "hi"']);
  });

  it('sends malformed rows to the error port with their line numbers and reads on', async () => {
    const path = tmp.put('bad.csv', 'a,b\n1,2\n3,4,5\n"x\ny",6\n7\n8,9\n');
    const out = await readCsv(path);
    expect(out.main!.map((i) => i.json)).toEqual([{ a: 1, b: 2 }, { a: 'x\ny', b: 6 }, { a: 8, b: 9 }]);
    expect(out.error!.map((i) => [i.json.line, i.json.raw])).toEqual([[3, '3,4,5'], [6, '7']]);
    expect(out.error![0]!.json.error).toEqual({ code: 'file.malformed-row', message: 'bad.csv line 3: Invalid Record Length: columns length is 2, got 3' });
    expect(out.error![0]!.json.file).toBe('bad.csv');
  });

  it('reports a quote never closed as an error row, not a failure', async () => {
    const path = tmp.put('open-quote.csv', 'a,b\n1,2\n3,"never closed\n4,5\n');
    const out = await readCsv(path);
    expect(out.main!.map((i) => i.json)).toEqual([{ a: 1, b: 2 }]);
    expect(out.error).toHaveLength(1);
    expect((out.error![0]!.json.error as { message: string }).message).toMatch(/open-quote.csv line \d+: Quote Not Closed/);
  });

  it('reads UTF-8 with a BOM, Windows-1252 and UTF-16LE with a BOM', async () => {
    const text = 'name,city\nJosé,Zürich\nRenée,Köln\n';
    const rows = [{ name: 'José', city: 'Zürich' }, { name: 'Renée', city: 'Köln' }];
    const bom = tmp.put('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const cp1252 = tmp.put('cp1252.csv', Buffer.from(text, 'latin1'));
    const utf16 = tmp.put('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const path of [bom, cp1252, utf16]) expect((await readCsv(path)).main!.map((i) => i.json)).toEqual(rows);
  });

  it('reads a file without a header as column1, column2, and honours overrides', async () => {
    const path = tmp.put('nohead.txt', '1;2\n3;4\n');
    expect((await readCsv(path)).main!.map((i) => i.json)).toEqual([{ column1: 1, column2: 2 }, { column1: 3, column2: 4 }]);
    const asText = await readCsv(path, { format: 'csv', delimiter: ';', header: 'yes', typed: false });
    expect(asText.main!.map((i) => i.json)).toEqual([{ 1: '3', 2: '4' }]);
  });

  it('gives no rows for an empty file', async () => {
    const out = await readCsv(tmp.put('empty.csv', ''));
    expect(out.main ?? []).toEqual([]);
  });

  it('reads a 5 MB file in batches of 2,000 rows', async () => {
    const lines = ['id,name,score'];
    for (let i = 0; i < 180_000; i++) lines.push(`${i},name number ${i},${i % 97}.5`);
    const path = tmp.put('big.csv', lines.join('\n'));
    expect(lines.join('\n').length).toBeGreaterThan(5_000_000);
    const batches: number[] = [];
    const ctx = { paramsAsWritten: { source: { from: 'path', path } }, items: [], params: { source: { from: 'path', path }, format: 'auto', delimiter: 'auto', quote: 'auto', header: 'auto', encoding: 'auto', typed: true, sheet: '', headerRow: 1, jsonPath: '', xmlPath: '' }, signal: new AbortController().signal, log: { info() {} } };
    let last: unknown;
    for await (const b of read.stream!(ctx as never)) { batches.push(b.main!.length); last = b.main!.at(-1)!.json; }
    expect(batches.length).toBe(90);
    expect(batches.every((n) => n === 2000)).toBe(true);
    expect(last).toEqual({ id: 179_999, name: 'name number 179999', score: (179_999 % 97) + 0.5 });
  });
});
