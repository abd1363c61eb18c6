// The trusted Code backend's process: Hardened JavaScript (ses). lockdown() freezes the shared
// intrinsics once; each run gets a new Compartment. Plain ESM on purpose: the build copies this
// file next to the bundled CLI, so it may load only `ses` and node built-ins.
import { writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// V8 collects ever harder as its heap nears the cap (seconds, here), and one big string can
// overshoot the cap at once; a watchdog thread measuring the whole process stops both within
// milliseconds. The host reads the kill as "out of memory".
const RSS_LIMIT_BYTES = Number(process.argv[2]) * 1024 * 1024;
new Worker(`const { workerData: limit } = require('node:worker_threads');
setInterval(() => { if (process.memoryUsage.rss() > limit) process.kill(process.pid, 'SIGKILL'); }, 10);`,
{ eval: true, workerData: RSS_LIMIT_BYTES }).unref();

// The one-file CommonJS build of ses loads in about half the time of its many ES modules; V8's
// compile cache (on disk, as for the CLI) spares compiling it on every start.
module.enableCompileCache?.();
createRequire(import.meta.url)('ses');

lockdown({
  errorTaming: 'safe', // guests see no stack; the host reads it with getStackString below
  consoleTaming: 'unsafe', // this process's console never reaches a guest
  stackFiltering: 'verbose',
  errorTrapping: 'none', // faults are the host's business: it ends this process
  unhandledRejectionTrapping: 'none',
  reporting: 'none',
});
// A guest may leave a rejected promise behind; it must not end the process.
process.on('unhandledRejection', () => {});
// The host went away: nothing is left to serve.
process.on('disconnect', () => process.exit(0));

const { getStackString } = globalThis;
const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 2048;
const MAX_ERROR_CHARS = 2000;

// What a compartment keeps of its globals. Everything else goes: ArrayBuffer, SharedArrayBuffer,
// DataView, the typed arrays and TextEncoder allocate outside the V8 heap, so the process's heap
// cap would not bound them; Compartment would hand them back in a child compartment.
const KEPT = new Set(['Infinity', 'NaN', 'undefined', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'eval', 'Function',
  'Array', 'BigInt', 'Boolean', 'Date', 'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',
  'URIError', 'AggregateError', 'Iterator', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Proxy', 'Reflect',
  'RegExp', 'Set', 'String', 'Symbol', 'WeakMap', 'WeakSet', 'harden', 'console']);

const clip = (s, n) => (s.length > n ? s.slice(0, n) + '…' : s);
const format = (v) => {
  if (typeof v === 'string') return v;
  try {
    if (v instanceof Error) return `${String(v.name)}: ${String(v.message)}`;
    const s = typeof v === 'object' && v !== null ? JSON.stringify(v) : undefined;
    return s === undefined ? String(v) : s;
  } catch {
    return `[unprintable ${typeof v}]`;
  }
};

function makeConsole(logs) {
  let dropped = 0;
  const log = (level) => (...args) => {
    if (logs.length >= MAX_LOG_LINES) { dropped++; return; }
    let line = '';
    for (let i = 0; i < args.length && line.length <= MAX_LOG_CHARS; i++) line += (i ? ' ' : '') + format(args[i]);
    logs.push({ level, message: clip(line, MAX_LOG_CHARS) });
  };
  const console = harden({ log: log('info'), info: log('info'), debug: log('info'), warn: log('warn'), error: log('error') });
  const flush = () => { if (dropped) logs.push({ level: 'info', message: `… ${dropped} more log lines not shown` }); };
  return { console, flush };
}

/** A compartment with the kept globals, the real clock and Math.random, and the item helpers. */
function makeCompartment(console) {
  // Date and Math of this (start) compartment: the shared ones throw on Date.now() and Math.random().
  const compartment = new Compartment({ __options__: true, globals: { console, Date, Math } });
  const g = compartment.globalThis;
  for (const name of Object.getOwnPropertyNames(g)) {
    if (!KEPT.has(name) && !Reflect.deleteProperty(g, name)) throw new Error(`The sandbox could not remove the global ${String(name)}`);
  }
  Object.defineProperty(g, '$json', { get() { throw new ReferenceError('$json is not available when the Code node runs once for all items; use items[i].json or $input.all()'); } });
  return compartment;
}

/** The first frame in the user's code, e.g. "at f (code.js:3:7)" → 3. */
function lineOf(error, code) {
  let stack = '';
  try { stack = getStackString(error); } catch { /* not an error object */ }
  const m = /code\.js:(\d+)/.exec(stack);
  const line = m ? Number(m[1]) : undefined;
  return line && line <= code.split('\n').length ? line : undefined;
}

function describe(e, code, errorCode) {
  try {
    if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { code: errorCode, message: clip(`Uncaught ${format(e)}`, MAX_ERROR_CHARS) };
    const message = clip(`${String(e.name)}: ${String(e.message)}`, MAX_ERROR_CHARS);
    const line = lineOf(e, code);
    return { code: errorCode, message, ...(line ? { line } : {}) };
  } catch {
    return { code: errorCode, message: 'The code threw a value that could not be read' };
  }
}

/** The next turn of the event loop: every microtask a guest queued has run by then (or it never returns). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function runOnce({ code, itemsJson }) {
  const logs = [];
  const { console, flush } = makeConsole(logs);
  const reply = (r) => { flush(); return { ...r, logs }; };
  const compartment = makeCompartment(console);
  const items = JSON.parse(itemsJson).map((json) => ({ json }));
  const $input = harden({
    all: () => items, first: () => items[0], last: () => items[items.length - 1],
    get item() { throw new ReferenceError('$input.item is not available when the Code node runs once for all items; use $input.all()'); },
  });
  let userFn;
  try {
    // The host checked that the code is one function body, so it cannot close this wrapper.
    // The header shares line 1 with the user's code, so line numbers match the editor's.
    userFn = compartment.evaluate(`(async function (items, $input) {${code}\n})\n//# sourceURL=code.js`);
  } catch (e) {
    return reply({ ok: false, error: describe(e, code, 'code.syntax') });
  }
  let outcome;
  Promise.resolve().then(() => userFn(items, $input)).then((value) => { outcome = { value }; }, (error) => { outcome = { error }; });
  await nextTurn();
  if (!outcome) return reply({ ok: false, error: { code: 'code.error', message: 'The code awaited something that never finished' } });
  let result;
  if ('error' in outcome) result = { ok: false, error: describe(outcome.error, code, 'code.error') };
  else {
    try {
      result = { ok: true, resultJson: JSON.stringify(outcome.value) ?? 'null' };
    } catch (e) {
      result = { ok: false, error: describe(e, code, 'code.result') };
    }
  }
  // Getters and toJSON run while the result is written: let whatever they queued finish first.
  await nextTurn();
  return reply(result);
}

// Results from this size on go through the file the host named (see result-file.ts): the IPC
// channel costs the host several times more CPU per MB.
const FILE_MIN_CHARS = 64 * 1024;
const NON_ASCII = /[^\x00-\x7f]/;

/** Writes a large result to the host's file; on any failure the result goes through the channel. */
function handOver(result, file) {
  if (!result.ok || typeof file !== 'string' || result.resultJson.length < FILE_MIN_CHARS) return result;
  try {
    // ASCII text is its own UTF-8: written as latin1 it skips encoding (10 MB: about 4 ms of CPU
    // instead of 65); anything else is written as UTF-8, which the host reads.
    const isAscii = !NON_ASCII.test(result.resultJson);
    writeFileSync(file, result.resultJson, isAscii ? 'latin1' : 'utf8');
  } catch {
    return result;
  }
  return { ...result, resultJson: undefined, resultInFile: true };
}

process.on('message', async (msg) => {
  process.send({ id: msg.id, ...handOver(await runOnce(msg), msg.resultFile) });
});
process.send({ type: 'ready' });
