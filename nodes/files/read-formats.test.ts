import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import read from './read';
import { tempFolder } from './test-files';

const require = createRequire(import.meta.url);
const ExcelJS = require('exceljs') as typeof import('exceljs');
const tmp = tempFolder();
const readFile = (path: string, params: Record<string, unknown> = {}) =>
  runNode(read, { params: { source: { from: 'path', path }, ...params }, items: [{}] }).then((r) => r.outputs);
const rowsOf = async (path: string, params: Record<string, unknown> = {}) => ((await readFile(path, params)).main ?? []).map((i) => i.json);

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function workbook(path: string) {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('Summary');
  first.addRow(['ignored']);
  const sheet = book.addWorksheet('Orders');
  sheet.addRow(['Report of orders']);
  sheet.addRow(['id', 'customer', 'amount', 'paid', 'ordered', 'at', 'total']);
  sheet.addRow([1, 'Ada', 12.5, true, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 1, 14, 30)), { formula: 'C3*2', result: 25 }]);
  sheet.addRow([2, { richText: [{ text: 'Bo ' }, { text: 'Bold', font: { bold: true } }] }, 3, false, new Date(Date.UTC(2023, 11, 31)), null, { formula: 'C4*2', result: 6 }]);
  await book.xlsx.writeFile(path);
}

describe('file.read other formats', () => {
  it('reads an Excel sheet by name or position, from a chosen header row, with typed cells and formula results', async () => {
    const path = tmp.path('orders.xlsx');
    await workbook(path);
    const expected = [
      { id: 1, customer: 'Ada', amount: 12.5, paid: true, ordered: '2024-03-01', at: '2024-03-01T14:30:00', total: 25 },
      { id: 2, customer: 'Bo Bold', amount: 3, paid: false, ordered: '2023-12-31', at: null, total: 6 },
    ];
    expect(await rowsOf(path, { sheet: 'Orders', headerRow: 2 })).toEqual(expected);
    expect(await rowsOf(path, { sheet: '2', headerRow: 2 })).toEqual(expected);
    expect(await rowsOf(path)).toEqual([]); // the first sheet has only its header
    await expect(readFile(path, { sheet: 'Nope' })).rejects.toThrow(/has no sheet named "Nope"; it has "Summary", "Orders"/);
  });

  it('fails clearly on a truncated workbook instead of waiting', async () => {
    const path = tmp.path('whole.xlsx');
    await workbook(path);
    const bytes = (await import('node:fs')).readFileSync(path);
    const cut = tmp.put('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readFile(cut)).rejects.toThrow(/cut.xlsx" is not a complete Excel workbook/);
  });

  it('fails clearly on a ZIP archive that holds no worksheets', async () => {
    // exceljs's own zip library makes a Word-like archive.
    const JSZip = createRequire(require.resolve('exceljs'))('jszip') as { new(): { file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> } };
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<document/>');
    const path = tmp.put('letter.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(readFile(path)).rejects.toThrow(/letter.xlsx" is a ZIP archive without worksheets/);
  });

  it('reads a JSON array, or the list at a path inside an object', async () => {
    expect(await rowsOf(tmp.put('a.json', '[{"a":1},{"a":2},3]'))).toEqual([{ a: 1 }, { a: 2 }, { value: 3 }]);
    expect(await rowsOf(tmp.put('b.json', '{"data":{"items":[{"x":true}]}}'), { jsonPath: 'data.items' })).toEqual([{ x: true }]);
    await expect(readFile(tmp.put('c.json', '{"data":{}}'), { jsonPath: 'data.items' })).rejects.toThrow(/has nothing at "data.items"/);
    await expect(readFile(tmp.put('d.json', '[{"a":1},'))).rejects.toThrow(/d.json" is not valid JSON/);
  });

  it('reads JSON Lines line by line, bad lines to the error port with their numbers', async () => {
    const out = await readFile(tmp.put('e.jsonl', '{"a":1}\n\n{"a":2\n{"a":3}\r\nnot json\n'));
    expect(out.main!.map((i) => i.json)).toEqual([{ a: 1 }, { a: 3 }]);
    expect(out.error!.map((i) => [i.json.line, i.json.raw])).toEqual([[3, '{"a":2'], [5, 'not json']]);
  });

  it('reads the repeating XML element, attributes as @ fields, by path or found by itself', async () => {
    const xml = '<?xml version="1.0"?><catalog><info>x</info><book id="b1"><title>Dune</title><price>9.5</price></book><book id="b2"><title>Emma</title><price>7</price></book></catalog>';
    const path = tmp.put('books.xml', xml);
    const expected = [{ '@id': 'b1', title: 'Dune', price: 9.5 }, { '@id': 'b2', title: 'Emma', price: 7 }];
    expect(await rowsOf(path)).toEqual(expected);
    expect(await rowsOf(path, { xmlPath: 'catalog.book' })).toEqual(expected);
    const one = tmp.put('one.xml', '<list><item><n>1</n></item></list>');
    expect(await rowsOf(one, { xmlPath: 'list.item' })).toEqual([{ n: 1 }]);
    await expect(readFile(tmp.put('bad.xml', '<a><b></a>'))).rejects.toThrow(/bad.xml" is not valid XML/);
  });

  it('names the file and what it looks like when the content is not what the name says', async () => {
    await expect(readFile(tmp.put('photo.csv', PNG))).rejects.toThrow(/photo.csv" is not CSV as its name says: it looks like a PNG image/);
    await expect(readFile(tmp.put('data.json', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7])))).rejects.toThrow(/data.json" is not JSON as its name says: it looks like binary data/);
    await expect(readFile(tmp.put('sheet.xlsx', 'a,b\n1,2\n'))).rejects.toThrow(/sheet.xlsx" is not Excel \(.xlsx\) as its name says: it looks like plain text/);
    await expect(readFile(tmp.put('feed.xml', '{"a":1}'))).rejects.toThrow(/feed.xml" is not XML as its name says: it looks like JSON/);
    await expect(readFile(tmp.put('noname', PNG))).rejects.toThrow(/noname" is not a file Junction can read: it looks like a PNG image/);
    await expect(readFile(tmp.put('table.csv', PNG), { format: 'json' })).rejects.toThrow(/table.csv" is not JSON: it looks like a PNG image/);
  });

  it('reads empty files of every format as no rows', async () => {
    for (const ext of ['csv', 'xlsx', 'json', 'jsonl', 'xml']) expect(await rowsOf(tmp.put(`empty.${ext}`, ''))).toEqual([]);
  });

  it('detects the format from the content when the name has no known extension', async () => {
    expect(await rowsOf(tmp.put('export.dat', 'a;b\n1;2\n'))).toEqual([{ a: 1, b: 2 }]);
    expect(await rowsOf(tmp.put('dump', '{"a":1}\n{"a":2}\n'))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('refuses what is not a regular file and says when a file is missing', async () => {
    await expect(readFile('/proc/self/status')).rejects.toThrow(/inside \/proc/);
    await expect(readFile(tmp.dir)).rejects.toThrow(/is a folder/);
    await expect(readFile(tmp.path('missing.csv'))).rejects.toThrow(/does not exist/);
  });
});
