// `npm run bench` (files part): a big CSV → Read File → Filter → Write File (CSV) through
// `junction run`, with rows per second, wall time and the peak RSS of the run's own process,
// next to `wc -l` on the same file. The 1 GB file (about 10 million rows) is made once and kept
// in the cache folder; smaller files show the curve. BENCH_FILES_ROWS=100000,1000000 picks sizes.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/junction.mjs');
const cache = process.env.BENCH_CACHE ?? join(root, 'node_modules/.cache/junction-bench');
const sizes = (process.env.BENCH_FILES_ROWS ?? '100000,1000000,10000000').split(',').map(Number);
const node = (id, type, name, x, params = {}) => ({ id, type, version: 1, name, position: { x, y: 0 }, params });
const edge = (id, from, to) => ({ id, from: { node: from, port: 'main' }, to: { node: to, port: 'main' } });

/** A CSV of `rows` orders (about 95 bytes a row: 10 million make 1 GB), written once into the cache folder. */
async function orders(rows) {
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `orders-v2-${rows}.csv`);
  if (existsSync(file)) return file;
  const part = `${file}.part`;
  const out = createWriteStream(part);
  const countries = ['DE', 'FR', 'US', 'GB', 'ES', 'IT', 'NL'];
  const statuses = ['shipped', 'open', 'cancelled', 'returned'];
  out.write('id,customer,email,country,amount,paid,ordered,status\n');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++) {
      chunk += `${j},Customer number ${j},customer.${j}@example${j % 13}.com,${countries[j % 7]},${((j * 37) % 100_000) / 100},${j % 3 === 0},2024-${String((j % 12) + 1).padStart(2, '0')}-${String((j % 28) + 1).padStart(2, '0')},${statuses[j % 4]}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  renameSync(part, file);
  return file;
}

const flowFor = (input, output) => ({
  format: 'junction/flow@1', id: 'bench_files', name: 'Files benchmark', settings: {}, pinned: {}, notes: [],
  nodes: [
    node('t', 'trigger.manual', 'Manual', 0),
    node('read', 'file.read', 'Read orders', 200, { source: { from: 'path', path: input } }),
    node('filter', 'core.filter', 'Amount over 500', 400, { when: { mode: 'rules', combine: 'and', conditions: [{ value1: '{{ $json.amount }}', operator: 'gt', value2: 500 }] } }),
    node('write', 'file.write', 'Write CSV', 600, { format: 'csv', destination: { to: 'path', path: output } }),
  ],
  edges: [edge('e1', 't', 'read'), edge('e2', 'read', 'filter'), edge('e3', 'filter', 'write')],
});

/** The processes below `pid` (the run's worker is a child of the CLI). */
function descendants(pid) {
  const kids = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try { if (readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid)) kids.push(Number(d), ...descendants(Number(d))); } catch { /* gone */ }
  }
  return kids;
}
const hwmKb = (pid) => { try { return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]); } catch { return 0; } };

/** One `junction run`; the peak RSS of each process in its tree, sampled every 100 ms (VmHWM only grows). */
async function run(flowFile, dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'run', flowFile, '--json', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = ''; let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const peaks = new Map();
  const timer = setInterval(() => { for (const pid of [child.pid, ...descendants(child.pid)]) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwmKb(pid))); }, 100);
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  const wallMs = performance.now() - t0;
  const cli = peaks.get(child.pid) ?? 0;
  const worker = Math.max(0, ...[...peaks].filter(([pid]) => pid !== child.pid).map(([, kb]) => kb));
  let out; try { out = JSON.parse(stdout); } catch { /* a crash prints no JSON */ }
  return { code, wallMs, cliMb: cli / 1024, workerMb: worker / 1024, out, stderr };
}

const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nFiles: CSV → Read File → Filter (amount > 500) → Write File CSV, one \`junction run\` each`);
const tmp = mkdtempSync(join(tmpdir(), 'junction-bench-files-'));
try {
  for (const rows of sizes) {
    const input = await orders(rows);
    const mb = statSync(input).size / 1e6;
    const w0 = performance.now();
    execFileSync('wc', ['-l', input]);
    const wcMs = performance.now() - w0;
    const flowFile = join(tmp, 'files.flow.json');
    const output = join(tmp, `out-${rows}.csv`);
    writeFileSync(flowFile, JSON.stringify(flowFor(input, output)));
    const r = await run(flowFile, join(tmp, 'data'));
    const label = `${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB)`.padEnd(30);
    const wc = `wc -l ${fmtS(wcMs)} (${Math.round(rows / (wcMs / 1000)).toLocaleString('en-US')} rows/s)`;
    if (r.code !== 0 || r.out?.status !== 'success') {
      const why = r.out?.error?.message ?? r.stderr.trim().split('\n').filter(Boolean).pop() ?? `exit ${r.code}`;
      console.log(`  ${label} did not finish after ${fmtS(r.wallMs)}: ${why}; run process peak RSS ${r.workerMb.toFixed(0)} MB; ${wc}`);
      continue;
    }
    const written = statSync(output).size / 1e6;
    console.log(`  ${label} wall ${fmtS(r.wallMs).padStart(8)}  ${Math.round(rows / (r.wallMs / 1000)).toLocaleString('en-US').padStart(9)} rows/s  peak RSS run ${r.workerMb.toFixed(0)} MB, CLI ${r.cliMb.toFixed(0)} MB  wrote ${written.toFixed(0)} MB   ${wc}`);
    rmSync(output, { force: true });
  }
} finally { rmSync(tmp, { recursive: true, force: true }); }
console.log('  Target (issue 14): peak RSS under 300 MB and flat whatever the file size, once runs stream.');
