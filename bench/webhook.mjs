// Webhook → Edit Fields → Respond under load (autocannon, 10 connections, 10 s, loopback), with run
// history on and off; then a schedule's fire-to-first-node latency. Figures, not a test.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { bundleForNode } from '../build/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10);
await bundleForNode(root, { 'bench-webhook-server': join(root, 'bench/webhook-server.ts'), 'bench-schedule-latency': join(root, 'bench/schedule-latency.ts') }, join(root, 'dist'));

async function load(mode) {
  const child = spawn(process.execPath, [join(root, 'dist/bench-webhook-server.mjs'), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok) => {
    let out = '';
    child.stdout.on('data', (c) => { out += c; const m = /READY (\S+)/.exec(out); if (m) ok(m[1]); });
  });
  const body = JSON.stringify({ name: 'Ada' });
  await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: 2 }); // warm-up
  const r = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 10, duration: seconds });
  child.kill('SIGTERM');
  await new Promise((ok) => child.on('exit', ok));
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(`webhook → set → respond, history ${mode === 'no-history' ? 'off' : 'on '}   ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${bad ? `   (${bad} failed)` : ''}`);
}

export async function webhookFigures() {
  console.log(`\nWebhooks (10 connections, ${seconds} s, loopback; targets: > 7,200 req/s history off; ≥ 3,000 req/s and p99 < 20 ms history on)`);
  await load('no-history');
  await load('history');
  const { scheduleLatency } = await import(join(root, 'dist/bench-schedule-latency.mjs'));
  const lat = (await scheduleLatency(Number(process.env.BENCH_SCHEDULE_SAMPLES ?? 15))).sort((a, b) => a - b);
  const at = (q) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))].toFixed(1);
  console.log(`schedule fire instant → first node start (${lat.length} firings)   p50 ${at(0.5)} ms   p99 ${at(0.99)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await webhookFigures();
