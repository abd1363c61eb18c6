// `npm run bench` (databases): a 100,000-row CSV → Read File → Edit Fields (5 fields) → upsert,
// through a whole `junction run` process, next to the server's own bulk load of the same file in
// the same run (psql \copy; LOAD DATA LOCAL INFILE); then 100,000 rows from PostgreSQL written
// to .xlsx. Starts its
// own PostgreSQL and MariaDB with the test harness's modules. Prints figures; passes nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../build/bundle.mjs';
import { selectFlow, upsertFlow } from './db-flows.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'junction-bench-db-'));
const bin = join(root, 'bin/junction.mjs');
const peak = join(root, 'bench/peak-rss.mjs');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const N = Number(process.env.BENCH_DB_ROWS ?? 100_000);
const env = { ...process.env, JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: 'bench only' };
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Peak resident memory of a process's children so far (the run's own process), from /proc. */
function childPeaksKb(pid, into) {
  let children = [];
  try { children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { return; }
  for (const c of children) {
    try {
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'))?.[1] ?? 0);
      into.set(c, Math.max(into.get(c) ?? 0, hwm));
    } catch { /* ended between the two reads */ }
    childPeaksKb(c, into);
  }
}

/** One whole `junction run`: wall time from spawn to exit and the peak RSS of the CLI or its run process, whichever is larger. */
async function runProcess(flow, input) {
  const file = join(tmp, `${flow.id}.flow.json`);
  writeFileSync(file, JSON.stringify(flow));
  const args = ['--import', peak, bin, 'run', file, '--json', '--no-history', '--data-dir', join(tmp, 'data'), ...(input ? ['--input', input] : [])];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = ''; let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const peaks = new Map();
  const timer = setInterval(() => childPeaksKb(child.pid, peaks), 10);
  const status = await new Promise((r) => child.on('exit', r));
  clearInterval(timer);
  const wallMs = performance.now() - t0;
  if (status !== 0) throw new Error(`benchmark run failed (${status}): ${stderr}\n${stdout.slice(0, 2000)}`);
  const out = JSON.parse(stdout);
  const cliKb = JSON.parse(/JUNCTION_BENCH (.*)/.exec(stderr)[1]).maxRssKb;
  const rssMb = Math.max(cliKb, ...peaks.values()) / 1024;
  return { wallMs, rssMb: Math.max(rssMb, out.runProcessPeakRssMb ?? 0), out };
}

function timed(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return performance.now() - t0;
}

async function series(label, make, before) {
  const results = [];
  for (let i = 0; i < runs; i++) { await before(); results.push(await make()); }
  const wall = results.map((r) => r.wallMs ?? r);
  const rss = results.map((r) => r.rssMb).filter((x) => x !== undefined);
  console.log(`  ${label.padEnd(46)} min ${fmt(Math.min(...wall)).padStart(8)}  median ${fmt(median(wall)).padStart(8)}${rss.length ? `   peak RSS median ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})` : ''}`);
  return { min: Math.min(...wall), median: median(wall) };
}

// --- data: one CSV, read by the flows (Read File) and by the servers' own bulk loads -------------
const countries = ['de', 'fr', 'us', 'gb', 'es'];
const rows = Array.from({ length: N }, (_, i) => ({ id: i + 1, name: ` customer ${i} `, email: `User${i}@Example${i % 7}.com`, amount: (i * 37) % 1000 + 0.5, country: countries[i % 5] }));
const csvFile = join(tmp, 'rows.csv');
writeFileSync(csvFile, `id,name,email,amount,country\n${rows.map((r) => `${r.id},${r.name.trim()},${r.email.toLowerCase()},${r.amount},${r.country.toUpperCase()}`).join('\n')}\n`);

await bundleForNode(root, { 'bench-db-servers': join(root, 'test/servers/index.ts'), 'bench-db-setup': join(root, 'bench/db-setup.ts') }, join(root, 'dist'));
const { SERVERS } = await import(join(root, 'dist/bench-db-servers.mjs'));
const { saveConnection } = await import(join(root, 'dist/bench-db-setup.mjs'));
mkdirSync(join(tmp, 'data'), { recursive: true });
Object.assign(process.env, { JUNCTION_SECRETS: 'file', JUNCTION_SECRETS_PASSPHRASE: 'bench only' });

const started = [];
try {
  console.log(`Databases — Node ${process.versions.node}, ${N.toLocaleString('en-US')} rows, ${runs} runs each, whole process\n`);
  const pgServer = SERVERS.find((s) => s.name === 'postgres');
  const pgRun = await pgServer.start(); started.push(pgRun);
  const pi = pgRun.info;
  const pgEnv = { ...process.env, PGPASSWORD: String(pi.password) };
  const psql = (sql) => spawnSync('psql', ['-h', pi.host, '-p', String(pi.port), '-U', pi.user, '-d', pi.database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { env: pgEnv, encoding: 'utf8' });
  psql('CREATE TABLE people (id int PRIMARY KEY, name text, email text, amount numeric(10,2), country text)');
  const pgConn = await saveConnection(join(tmp, 'data'), { name: 'bench postgres', fields: { engine: 'postgres', host: pi.host, port: pi.port, database: pi.database, user: pi.user }, password: String(pi.password) });

  console.log('PostgreSQL');
  const truncate = async () => { psql('TRUNCATE people'); };
  const copy = await series('psql \\copy of the CSV (the server\'s bulk load)', async () => timed('psql', ['-h', pi.host, '-p', String(pi.port), '-U', pi.user, '-d', pi.database, '-c', `\\copy people FROM '${csvFile}' CSV HEADER`], { env: pgEnv }), truncate);
  const up = await series('junction run: CSV → Edit Fields → upsert', () => runProcess(upsertFlow('postgres', pgConn, 'people', csvFile)), truncate);
  const one = await runProcess(upsertFlow('postgres', pgConn, 'people', csvFile));
  console.log(`    one run's steps: ${one.out.nodes.map((x) => `${x.name} ${fmt(x.ms)}`).join(', ')}; the rest of ${fmt(one.wallMs)} is process start-up, loading, connecting and exit`);
  const again = await series('  the same over existing rows (all updates)', () => runProcess(upsertFlow('postgres', pgConn, 'people', csvFile)), async () => {});
  console.log(`  ratio junction / \\copy (medians): ${(up.median / copy.median).toFixed(1)}× (empty table), ${(again.median / copy.median).toFixed(1)}× (updates)`);
  await series('  empty table, 5,000 rows a batch', () => runProcess(upsertFlow('postgres', pgConn, 'people', csvFile, 5000)), truncate);
  const check = psql(`SELECT count(*), count(DISTINCT id), min(country), max(email) FROM people`).stdout.trim();
  console.log(`  table after: ${check}`);
  const xlsx = join(tmp, 'people.xlsx');
  await series('junction run: select all rows → write .xlsx', () => runProcess(selectFlow(pgConn, 'people', xlsx)), async () => {});
  console.log(`  wrote ${(statSync(xlsx).size / 1e6).toFixed(1)} MB of .xlsx\n`);

  const myServer = SERVERS.find((s) => s.name === 'mariadb');
  const myRun = await myServer.start(); started.push(myRun);
  const mi = myRun.info;
  const mariadb = (sql, extra = []) => ['mariadb', ['--no-defaults', '-h', mi.host, '-P', String(mi.port), '-u', mi.user, `-p${mi.password}`, ...extra, mi.database, '-e', sql]];
  spawnSync(...mariadb('CREATE TABLE people (id int PRIMARY KEY, name text, email text, amount decimal(10,2), country text)'));
  const myConn = await saveConnection(join(tmp, 'data'), { name: 'bench mariadb', fields: { engine: 'mysql', host: mi.host, port: mi.port, database: mi.database, user: mi.user }, password: String(mi.password) });
  console.log('MariaDB');
  const myTruncate = async () => { spawnSync(...mariadb('TRUNCATE people')); };
  const load = await series('LOAD DATA LOCAL INFILE of the CSV', async () => timed(...mariadb(`LOAD DATA LOCAL INFILE '${csvFile}' INTO TABLE people FIELDS TERMINATED BY ',' IGNORE 1 LINES`, ['--local-infile=1'])), myTruncate);
  const myUp = await series('junction run: CSV → Edit Fields → upsert', () => runProcess(upsertFlow('mysql', myConn, 'people', csvFile)), myTruncate);
  const myAgain = await series('  the same over existing rows (all updates)', () => runProcess(upsertFlow('mysql', myConn, 'people', csvFile)), async () => {});
  console.log(`  ratio junction / LOAD DATA (medians): ${(myUp.median / load.median).toFixed(1)}× (empty table), ${(myAgain.median / load.median).toFixed(1)}× (updates)`);
  await series('  empty table, 5,000 rows a batch', () => runProcess(upsertFlow('mysql', myConn, 'people', csvFile, 5000)), myTruncate);
  console.log('\nTargets (issue 14): 100,000 rows upserted in under 3 s and under 300 MB peak RSS.');
} finally {
  await Promise.allSettled(started.map((s) => s.stop()));
  rmSync(tmp, { recursive: true, force: true });
}
