import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRegistry } from '../registry';
import { filePreviewHandlers } from './file-preview';

const workspace = mkdtempSync(join(tmpdir(), 'junction-preview-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
const { 'files.preview': preview } = filePreviewHandlers({ types: builtinRegistry(), workspace });

describe('files.preview', () => {
  it('reads the first 20 rows of a relative path in the workspace, with column types and what was detected', async () => {
    const lines = ['id;name;amount;paid;ordered;note'];
    for (let i = 1; i <= 50; i++) lines.push(`${i};Name ${i};${i * 1.5};${i % 2 === 0};2024-01-${String((i % 28) + 1).padStart(2, '0')};${i === 3 ? '' : 'x'}`);
    writeFileSync(join(workspace, 'orders.csv'), lines.join('\n'));
    const out = await preview({ params: { source: { from: 'path', path: 'orders.csv' } } });
    expect(out.problems).toEqual([]);
    expect(out.rows).toHaveLength(20);
    expect(out.total).toBeUndefined();
    expect(out.rows[0]).toEqual({ id: 1, name: 'Name 1', amount: 1.5, paid: false, ordered: '2024-01-02', note: 'x' });
    expect(out.columns).toEqual([
      { name: 'id', type: 'number' }, { name: 'name', type: 'text' }, { name: 'amount', type: 'number' },
      { name: 'paid', type: 'boolean' }, { name: 'ordered', type: 'date' }, { name: 'note', type: 'text' },
    ]);
    expect(out.detected).toBe('CSV, semicolon-separated, UTF-8, first row is the header');
  });

  it('gives the total of a small file and its malformed rows as problems with line numbers', async () => {
    writeFileSync(join(workspace, 'small.csv'), 'a,b\n1,2\n3\n4,x\n');
    const out = await preview({ params: { source: { from: 'path', path: join(workspace, 'small.csv') } } });
    expect(out.total).toBe(2);
    expect(out.columns).toEqual([{ name: 'a', type: 'number' }, { name: 'b', type: 'mixed' }]);
    expect(out.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^small.csv line 3: Invalid Record Length/)]);
  });

  it('says why there is no preview: a wrong file, a path with an expression, a missing file', async () => {
    writeFileSync(join(workspace, 'image.csv'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
    const wrong = await preview({ params: { source: { from: 'path', path: 'image.csv' } } });
    expect(wrong.problems[0]!.message).toMatch(/image.csv" is not CSV as its name says: it looks like a PNG image/);
    const expr = await preview({ params: { source: { from: 'path', path: '{{ $json.file }}' } } });
    expect(expr.problems[0]!.message).toMatch(/needs a plain file path/);
    const missing = await preview({ params: { source: { from: 'path', path: 'nope.csv' } } });
    expect(missing.problems[0]!.message).toMatch(/nope.csv" does not exist/);
    await expect(preview({ nodeType: 'core.filter', params: {} })).rejects.toThrow(/not a node type that reads files/);
  });
});
