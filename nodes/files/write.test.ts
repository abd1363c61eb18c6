import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import read from './read';
import { tempFolder } from './test-files';
import write from './write';

/** File writes are undone from the journal alone: no connection is needed. */
const noAccess = { credential: async () => undefined };

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const tmp = tempFolder();
const rows = [
  { id: 1, name: 'Ada Lovelace', amount: 12.5, active: true, since: '2024-03-01', seen: '2024-03-01T14:30:00', note: 'says "hi", then\nleaves' },
  { id: 2, name: 'Zoë Ünal', amount: -3, active: false, since: '2023-12-31', seen: '2023-12-31T23:59:59', note: '' },
];
const writeTo = (path: string, params: Record<string, unknown>, items: Record<string, unknown>[] = rows) =>
  runNode(write, { params: { destination: { to: 'path', path }, ...params }, items });
const readBack = async (path: string, params: Record<string, unknown> = {}) =>
  (await runNode(read, { params: { source: { from: 'path', path }, ...params }, items: [{}] })).outputs.main!.map((i) => i.json);

describe('file.write', () => {
  it('writes every format so that file.read gives the same rows back', async () => {
    for (const format of ['csv', 'xlsx', 'json', 'jsonl'] as const) {
      const path = tmp.path(`round.${format}`);
      const { outputs } = await writeTo(path, { format });
      expect(outputs.main![0]!.json).toMatchObject({ path, format, rows: 2, bytes: statSync(path).size });
      expect(await readBack(path), format).toEqual(rows);
    }
  });

  it('writes XML whose elements read back, with awkward field names made valid', async () => {
    const path = tmp.path('round.xml');
    await writeTo(path, { format: 'xml', pretty: true }, [{ id: 1, 'first name': 'Ada', '2nd': 'x' }, { id: 2, 'first name': 'Bo & Co', '2nd': 'y' }]);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('<first_name>Bo &amp; Co</first_name>');
    expect(await readBack(path, { xmlPath: 'rows.row' })).toEqual([{ id: 1, first_name: 'Ada', _2nd: 'x' }, { id: 2, first_name: 'Bo & Co', _2nd: 'y' }]);
  });

  it('writes typed Excel cells: numbers, booleans, dates with a date format, a bold frozen header', async () => {
    const path = tmp.path('typed.xlsx');
    await writeTo(path, { format: 'xlsx', sheetName: 'Orders' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Orders')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const r = sheet.getRow(2);
    expect(r.getCell(1).value).toBe(1);
    expect(r.getCell(3).value).toBe(12.5);
    expect(r.getCell(4).value).toBe(true);
    expect(r.getCell(5).value).toEqual(new Date(Date.UTC(2024, 2, 1)));
    expect(r.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(r.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('writes CSV with a BOM, another delimiter and chosen columns', async () => {
    const path = tmp.path('excel.csv');
    await writeTo(path, { format: 'csv', bom: true, delimiter: ';', columns: ['name', 'id'] });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString()).toBe('name;id\r\nAda Lovelace;1\r\nZoë Ünal;2\r\n');
  });

  it('writes JSON compact or pretty', async () => {
    const compact = tmp.path('c.json');
    await writeTo(compact, { format: 'json' }, [{ a: 1 }, { a: 2 }]);
    expect(readFileSync(compact, 'utf8')).toBe('[{"a":1},{"a":2}]\n');
    const pretty = tmp.path('p.json');
    await writeTo(pretty, { format: 'json', pretty: true }, [{ a: 1 }]);
    expect(readFileSync(pretty, 'utf8')).toBe('[\n  {\n    "a": 1\n  }\n]\n');
    const none = tmp.path('none.json');
    await writeTo(none, { format: 'json' }, []);
    expect(JSON.parse(readFileSync(none, 'utf8'))).toEqual([]);
  });

  it('overwrites through the journal, and a revert restores the old file', async () => {
    const path = tmp.put('keep.csv', 'old,content\n1,2\n');
    const { journal } = await writeTo(path, { format: 'csv' }, [{ a: 1 }]);
    expect(readFileSync(path, 'utf8')).toBe('a\r\n1\r\n');
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ system: `file:${path}`, key: path, op: 'update' });
    await write.revert!(journal[0]!, noAccess);
    expect(readFileSync(path, 'utf8')).toBe('old,content\n1,2\n');
    await expect(write.revert!(journal[0]!, noAccess)).rejects.toThrow(/kept from before the run .* is gone/);
  });

  it('a revert removes a file the run created', async () => {
    const path = tmp.path('sub/dir/new.jsonl');
    const { journal } = await writeTo(path, { format: 'jsonl' }, [{ a: 1 }]);
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(journal[0]!.op).toBe('create');
    await write.revert!(journal[0]!, noAccess);
    expect(existsSync(path)).toBe(false);
  });

  it('appends to CSV without a second header, and a revert cuts the file back', async () => {
    const path = tmp.path('log.csv');
    await writeTo(path, { format: 'csv' }, [{ a: 1, b: 2 }]);
    const { journal } = await writeTo(path, { format: 'csv', destination: { to: 'path', path, ifExists: 'append' } }, [{ a: 3, b: 4 }]);
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n1,2\r\n3,4\r\n');
    await write.revert!(journal[0]!, noAccess);
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n1,2\r\n');
  });

  it('fails when the file exists and the node says so, leaving it untouched', async () => {
    const path = tmp.put('exists.json', '[1]');
    await expect(writeTo(path, { format: 'json', destination: { to: 'path', path, ifExists: 'fail' } })).rejects.toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('[1]');
    expect(write.validate({ format: 'xlsx', destination: { to: 'path', path: 'a.xlsx', ifExists: 'append' } }).problems[0]!.message).toMatch(/only CSV and JSON Lines/);
  });

  it('removes the half-written temp file when the node fails', async () => {
    const dir = tempFolder('junction-fail-');
    const path = dir.path('out.csv');
    // A BigInt cannot become JSON: the write fails part-way, after the temp file was opened.
    await expect(writeTo(path, { format: 'json' }, [{ a: 1 }, { a: 2n }])).rejects.toThrow();
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('gives binary data for an attachment instead of a file', async () => {
    const { outputs } = await runNode(write, { params: { format: 'xlsx', destination: { to: 'binary', fileName: 'report' } }, items: rows });
    const item = outputs.main![0]!;
    expect(item.json).toMatchObject({ fileName: 'report.xlsx', rows: 2 });
    expect(item.binary!.data!.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const back = await runNode(read, { params: { source: { from: 'binary' } }, items: [item] });
    expect(back.outputs.main!.map((i) => i.json)).toEqual(rows);
  });

  it('refuses device files and system folders', async () => {
    await expect(writeTo('/dev/null', { format: 'csv' })).rejects.toThrow(/inside \/dev/);
    await expect(writeTo('/proc/self/x.csv', { format: 'csv' })).rejects.toThrow(/inside \/proc/);
  });
});
