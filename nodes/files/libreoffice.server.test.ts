import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import read from './read';
import { tempFolder } from './test-files';
import write from './write';

const parseCsv = (createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync')).parse;
const isCi = !!process.env.CI && !['false', '0'].includes(process.env.CI);
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice && !isCi) console.warn('Skipping the LibreOffice round trips: soffice is not installed (apt-get install libreoffice-calc-nogui)');

const tmp = tempFolder('junction-lo-');
const rows = [
  { id: 1, customer: 'Müller, Anna', note: 'says "hi"', amount: 1250.5, paid: true, ordered: '2024-03-01', at: '2024-03-01T14:30:00' },
  { id: 2, customer: 'Zoë Ünal', note: '', amount: -30, paid: false, ordered: '2023-12-31', at: '2023-12-31T23:59:59' },
  { id: 3, customer: '日本語テキスト', note: 'line', amount: 0.125, paid: true, ordered: '2000-02-29', at: '2000-02-29T00:00:01' },
];

/** One LibreOffice conversion with a throwaway profile (about 2 s). */
function convert(file: string, to: string, outDir: string, infilter?: string) {
  const profile = tempFolder('junction-lo-profile-');
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile.dir}`, ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 60_000 });
}

(hasSoffice || isCi ? describe : describe.skip)('files through LibreOffice', () => {
  it('opens the .xlsx Junction wrote: every cell, typed, as LibreOffice exports it to CSV', async () => {
    const xlsx = tmp.path('junction.xlsx');
    await runNode(write, { params: { format: 'xlsx', destination: { to: 'path', path: xlsx } }, items: rows });
    convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1', tmp.path('lo-csv'));
    const cells = parseCsv(readFileSync(join(tmp.path('lo-csv'), 'junction.csv'), 'utf8')) as string[][];
    expect(cells).toEqual([
      ['id', 'customer', 'note', 'amount', 'paid', 'ordered', 'at'],
      ['1', 'Müller, Anna', 'says "hi"', '1250.5', 'TRUE', '2024-03-01', '2024-03-01 14:30:00'],
      ['2', 'Zoë Ünal', '', '-30', 'FALSE', '2023-12-31', '2023-12-31 23:59:59'],
      ['3', '日本語テキスト', 'line', '0.125', 'TRUE', '2000-02-29', '2000-02-29 00:00:01'],
    ]);
  }, 90_000);

  it('opens the .csv Junction wrote, and Junction reads the .xlsx LibreOffice made of it', async () => {
    const csv = tmp.path('junction-out.csv');
    await runNode(write, { params: { format: 'csv', destination: { to: 'path', path: csv } }, items: rows });
    convert(csv, 'xlsx', tmp.path('lo-xlsx'), 'CSV:44,34,76,1');
    const back = await runNode(read, { params: { source: { from: 'path', path: join(tmp.path('lo-xlsx'), 'junction-out.xlsx') } }, items: [{}] });
    expect(back.outputs.main!.map((i) => i.json)).toEqual(rows.map((r) => ({ ...r, note: r.note === '' ? null : r.note })));
  }, 90_000);
});
