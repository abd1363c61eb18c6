// The Code node's sandbox thread: one QuickJS wasm module, a fresh runtime per run.
// Plain ESM on purpose: the build copies this file next to the bundled CLI, so it may
// import only the two quickjs packages and node built-ins.
import { parentPort, workerData } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import RELEASE_SYNC from '@jitl/quickjs-wasmfile-release-sync';

const MB = 1024 * 1024;
const PAGE = 64 * 1024;
// QuickJS counts its C stack in wasm linear memory (5 MB in this build), but wasm frames also
// use this thread's native stack; 512 KB keeps both well inside their limits (measured).
const GUEST_STACK_BYTES = 512 * 1024;
const MAX_LOG_LINES = 200;
const MAX_LOG_CHARS = 2048;
const MAX_ERROR_CHARS = 2000;

const INPUT_GLOBAL = '__junctionInput';

// Runs in the guest before the user's code is even compiled. Captures JSON and friends first, so a
// guest that patches them only breaks its own run; exposes no host function at all. Returns the
// function that starts the user's code.
const PRELUDE = `(function (maxLines, maxChars, maxErrorChars) {
  'use strict';
  // The input arrives as a global so that dropping it here frees megabytes before the user's code runs.
  let input = globalThis.${INPUT_GLOBAL};
  delete globalThis.${INPUT_GLOBAL};
  const parse = JSON.parse, stringify = JSON.stringify, then = Promise.prototype.then;
  const toStr = String, ErrorCtor = Error;
  const logs = [];
  let dropped = 0;
  const clip = (s, n) => (s.length > n ? s.slice(0, n) + '…' : s);
  const format = (v) => {
    if (typeof v === 'string') return v;
    try {
      if (v instanceof ErrorCtor) return toStr(v.name) + ': ' + toStr(v.message);
      const s = typeof v === 'object' && v !== null ? stringify(v) : undefined;
      return s === undefined ? toStr(v) : s;
    } catch (e) { return '[unprintable ' + typeof v + ']'; }
  };
  const log = (level) => function (...args) {
    if (logs.length >= maxLines) { dropped++; return; }
    let line = '';
    for (let i = 0; i < args.length && line.length <= maxChars; i++) line += (i ? ' ' : '') + format(args[i]);
    logs.push({ level, message: clip(line, maxChars) });
  };
  globalThis.console = { log: log('info'), info: log('info'), debug: log('info'), warn: log('warn'), error: log('error') };
  const notHere = (name, hint) => ({ get() { throw new ReferenceError(name + ' is not available when the Code node runs once for all items; ' + hint); } });
  Object.defineProperty(globalThis, '$json', notHere('$json', 'use items[i].json or $input.all()'));
  const items = parse(input).map((json) => ({ json }));
  input = null;
  const $input = Object.freeze({
    all: () => items, first: () => items[0], last: () => items[items.length - 1],
    get item() { return notHere('$input.item', 'use $input.all()').get(); },
  });
  const report = { state: 'pending', result: '', error: '', logs: '' };
  const describe = (e, kind) => {
    try {
      const isObj = e !== null && (typeof e === 'object' || typeof e === 'function');
      const name = isObj ? toStr(e.name) : '';
      const message = isObj ? toStr(e.message) : 'Uncaught ' + format(e);
      const stack = isObj && typeof e.stack === 'string' ? e.stack : '';
      return stringify({ kind, name: clip(name, 100), message: clip(message, maxErrorChars), stack: clip(stack, 4000) });
    } catch (_) {
      return '{"kind":"' + kind + '","name":"Error","message":"The code threw a value that could not be read"}';
    }
  };
  const finish = () => {
    if (dropped) logs.push({ level: 'info', message: '… ' + dropped + ' more log lines not shown' });
    try { report.logs = stringify(logs); } catch (_) { report.logs = '[]'; }
  };
  const fail = (e) => { report.error = describe(e, 'thrown'); report.state = 'failed'; finish(); };
  const done = (value) => {
    try {
      const json = stringify(value);
      report.result = json === undefined ? 'null' : json;
      report.state = 'done';
      finish();
    } catch (e) { report.error = describe(e, 'result'); report.state = 'failed'; finish(); }
  };
  return (userFn) => {
    try { then.call(userFn(items, $input), done, fail); } catch (e) { fail(e); }
    return report;
  };
})`;

const { wasmMaxMb } = workerData;
const memory = new WebAssembly.Memory({ initial: 256, maximum: Math.floor((wasmMaxMb * MB) / PAGE) });
const quiet = () => {};
const quickjs = await newQuickJSWASMModuleFromVariant(
  newVariant(RELEASE_SYNC, { wasmMemory: memory, emscriptenModule: { print: quiet, printErr: quiet } }),
);

/** The first frame in the user's code, e.g. "at f (code.js:3:7)" → 3. */
function lineOf(text) {
  const m = /code\.js:(\d+)/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Maps a guest error to the reply's {code, message, line}. */
function guestError(info, run) {
  const message = info.name ? `${info.name}: ${info.message}` : info.message;
  if (Date.now() >= run.deadline || info.message === 'interrupted') return { code: 'code.timeout', message };
  // Out of memory throws "out of memory", or null when even that error object cannot be allocated.
  const thrownNull = info.message === 'Uncaught null' && !/\bthrow\s+null\b/.test(run.code);
  if (info.message === 'out of memory' || thrownNull) return { code: 'code.memory', message };
  const lines = run.code.split('\n').length;
  let line = info.lineNumber ?? lineOf(info.stack);
  // A missing bracket is only noticed at the wrapper's closing "})", one line past the user's code.
  if (info.kind === 'syntax' && line > lines) return { code: 'code.syntax', message: 'SyntaxError: unexpected end of code (a bracket or quote is not closed)', line: lines };
  if (line > lines) line = undefined;
  const code = info.kind === 'result' ? 'code.result' : info.kind === 'syntax' ? 'code.syntax' : 'code.error';
  return { code, message, ...(line ? { line } : {}) };
}

function dumpError(ctx, handle, kind) {
  try {
    const d = ctx.dump(handle);
    if (d && typeof d === 'object') {
      return { kind, name: String(d.name ?? 'Error'), message: String(d.message ?? '').slice(0, MAX_ERROR_CHARS), stack: String(d.stack ?? '').slice(0, 4000), lineNumber: d.lineNumber };
    }
    return { kind, name: '', message: `Uncaught ${String(d).slice(0, MAX_ERROR_CHARS)}` };
  } catch {
    return { kind, name: 'Error', message: 'The code threw a value that could not be read' };
  }
}

function runOnce({ code, itemsJson, memoryMb, deadline }) {
  if (Buffer.byteLength(itemsJson) > memoryMb * MB) return { ok: false, error: { code: 'code.memory', message: 'input too large' } };
  let rt, ctx, reply;
  const handles = [];
  try {
    rt = quickjs.newRuntime();
    rt.setMemoryLimit(memoryMb * MB);
    rt.setMaxStackSize(GUEST_STACK_BYTES);
    rt.setInterruptHandler(() => Date.now() >= deadline);
    ctx = rt.newContext();
    reply = execute(rt, ctx, (h) => (handles.push(h), h), { code, itemsJson, deadline });
  } catch (e) {
    // A host-side exception (native stack overflow inside wasm, a wasm trap): the module may be inconsistent.
    const isStack = e instanceof RangeError;
    const errorCode = Date.now() >= deadline ? 'code.timeout' : isStack ? 'code.error' : 'code.memory';
    return { ok: false, error: { code: errorCode, message: isStack ? 'InternalError: stack overflow' : 'InternalError: out of memory' }, fault: true };
  }
  // After an interrupt or out-of-memory QuickJS may hold half-freed objects: the host discards this thread.
  if (reply.error?.code === 'code.timeout' || reply.error?.code === 'code.memory') return { ...reply, fault: true };
  try {
    for (const h of handles) if (h.alive) h.dispose();
    ctx.dispose();
    rt.dispose();
  } catch {
    reply.fault = true;
  }
  return reply;
}

function execute(rt, ctx, keep, run) {
  const { code, itemsJson, deadline } = run;
  const failWith = (handle, kind) => ({ ok: false, error: guestError(dumpError(ctx, keep(handle), kind), run) });
  const preludeResult = ctx.evalCode(PRELUDE, 'junction-prelude.js', { type: 'global' });
  if (preludeResult.error) return failWith(preludeResult.error, 'thrown');
  const prelude = keep(preludeResult.value);
  const num = (n) => keep(ctx.newNumber(n));
  ctx.newString(itemsJson).consume((input) => ctx.setProp(ctx.global, INPUT_GLOBAL, input));
  const prepared = ctx.callFunction(prelude, ctx.undefined, num(MAX_LOG_LINES), num(MAX_LOG_CHARS), num(MAX_ERROR_CHARS));
  if (prepared.error) return failWith(prepared.error, 'thrown');
  const start = keep(prepared.value);
  // Compiled only now, after the prelude holds its own JSON and Promise. The host checked that the
  // code is one function body, so it cannot close this wrapper and run first. Strict, like the
  // trusted backend. The header shares line 1 with the user's code, so line numbers match the editor's.
  const compiled = ctx.evalCode(`(async function (items, $input) {'use strict';${code}\n})`, 'code.js', { type: 'global' });
  if (compiled.error) return failWith(compiled.error, 'syntax');
  const userFn = keep(compiled.value);
  const started = ctx.callFunction(start, ctx.undefined, userFn);
  if (started.error) return failWith(started.error, 'thrown');
  const report = keep(started.value);
  const jobs = rt.executePendingJobs();
  if (jobs.error) return failWith(jobs.error, 'thrown');
  const read = (key) => {
    const h = keep(ctx.getProp(report, key));
    return ctx.typeof(h) === 'string' ? ctx.getString(h) : '';
  };
  const state = read('state');
  const logs = parseLogs(read('logs'));
  if (state === 'done') return { ok: true, resultJson: read('result'), logs };
  if (state === 'failed') return { ok: false, error: guestError(parseError(read('error')), run), logs };
  if (Date.now() >= deadline) return { ok: false, error: { code: 'code.timeout', message: 'interrupted' }, logs };
  return { ok: false, error: { code: 'code.error', message: 'The code awaited something that never finished' }, logs };
}

function parseError(json) {
  try {
    const e = JSON.parse(json);
    return { kind: String(e.kind), name: String(e.name), message: String(e.message), stack: String(e.stack ?? '') };
  } catch {
    return { kind: 'thrown', name: 'Error', message: 'The code threw a value that could not be read' };
  }
}

function parseLogs(json) {
  try {
    const list = JSON.parse(json || '[]');
    return Array.isArray(list) ? list.map((l) => ({ level: ['warn', 'error'].includes(l?.level) ? l.level : 'info', message: String(l?.message) })) : [];
  } catch {
    return [];
  }
}

parentPort.on('message', (msg) => {
  parentPort.postMessage({ id: msg.id, ...runOnce(msg) });
});
parentPort.postMessage({ type: 'ready' });
