// ../../../work/main/engine/sdk/errors.ts
var JunctionError = class extends Error {
  code;
  path;
  node;
  retryable;
  constructor(code, message, extra = {}) {
    super(message, extra.cause === void 0 ? void 0 : { cause: extra.cause });
    this.name = "JunctionError";
    this.code = code;
    this.path = extra.path;
    this.node = extra.node;
    this.retryable = extra.retryable ?? false;
  }
};

// ../../../work/main/engine/sandbox/sandbox-thread.ts
import { Worker } from "node:worker_threads";
var ThreadCrash = class extends Error {
  constructor(isOutOfMemory, message) {
    super(message);
    this.isOutOfMemory = isOutOfMemory;
    this.name = "ThreadCrash";
  }
  isOutOfMemory;
};
var THREAD_STACK_MB = 16;
function startSandboxThread(wasmMaxMb, heapMb) {
  const worker = new Worker(new URL("./quickjs-worker.mjs", import.meta.url), {
    workerData: { wasmMaxMb },
    env: {},
    resourceLimits: { stackSizeMb: THREAD_STACK_MB, maxOldGenerationSizeMb: heapMb }
  });
  let alive = true;
  let seq = 0;
  let pending;
  let markReady = () => {
  };
  let failStart = () => {
  };
  const ready = new Promise((resolve, reject) => {
    markReady = resolve;
    failStart = reject;
  });
  ready.catch(() => {
  });
  const die = (crash) => {
    alive = false;
    failStart(crash);
    pending?.reject(crash);
    pending = void 0;
  };
  worker.on("message", (msg) => {
    if ("type" in msg) {
      markReady();
      if (!pending) worker.unref();
      return;
    }
    if (pending?.id !== msg.id) return;
    const { resolve } = pending;
    pending = void 0;
    worker.unref();
    resolve(msg);
  });
  worker.on("error", (e) => {
    const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
    die(new ThreadCrash(oom, oom ? "The sandbox thread ran out of memory" : "The sandbox thread failed"));
  });
  worker.on("exit", () => die(new ThreadCrash(false, "The sandbox thread stopped unexpectedly")));
  return {
    wasmMaxMb,
    ready,
    isAlive: () => alive,
    request(req) {
      if (!alive) return Promise.reject(new ThreadCrash(false, "The sandbox thread is gone"));
      if (pending) return Promise.reject(new Error("The sandbox thread is busy"));
      const id = ++seq;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject };
        worker.postMessage({ id, ...req });
      });
    },
    async kill() {
      die(new ThreadCrash(false, "The sandbox thread was stopped"));
      await worker.terminate();
    }
  };
}

// ../../../work/main/engine/sandbox/quickjs-sandbox.ts
var MB = 1024 * 1024;
var GRACE_MS = 100;
var MIN_MEMORY_MB = 8;
var MAX_MEMORY_MB = 1e3;
var START_TIMEOUT_MS = 3e4;
function createQuickJsSandbox() {
  let thread;
  let queue = Promise.resolve();
  let isClosed = false;
  const discard = () => {
    void thread?.kill();
    thread = void 0;
  };
  const threadFor = (memoryMb) => {
    const wasmMaxMb = wasmCapMb(memoryMb);
    if (thread && (!thread.isAlive() || thread.wasmMaxMb < wasmMaxMb)) discard();
    return thread ??= startSandboxThread(wasmMaxMb, 128 + memoryMb * 6);
  };
  async function runNow(code, itemsJson, limits) {
    const { signal: signal2 } = limits;
    const timeoutMs = clamp(limits.timeoutMs, 1, 2 ** 31 - 1 - GRACE_MS, 5e3);
    const memoryMb = clamp(limits.memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB, 64);
    if (isClosed) throw new JunctionError("code.sandbox", "The Code sandbox is closed.");
    if (signal2?.aborted) throw abortError();
    if (itemsJson.length > memoryMb * MB) {
      throw new JunctionError("code.memory", `The Code node's input items (${Math.ceil(itemsJson.length / MB)} MB of JSON) do not fit in its ${memoryMb} MB memory limit`);
    }
    const current = threadFor(memoryMb);
    try {
      await untilAborted(withTimeout(current.ready, START_TIMEOUT_MS), signal2);
    } catch (e) {
      if (current === thread && e instanceof ThreadCrash) discard();
      throw e instanceof ThreadCrash ? new JunctionError("code.sandbox", "The Code sandbox could not start.") : e;
    }
    return new Promise((resolve, reject) => {
      let isSettled = false;
      const settle = (fn) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        signal2?.removeEventListener("abort", onAbort);
        fn();
      };
      const stop = (error) => settle(() => {
        if (thread === current) discard();
        reject(error);
      });
      const onAbort = () => stop(abortError());
      const timer = setTimeout(() => stop(timeoutError(timeoutMs)), timeoutMs + GRACE_MS);
      signal2?.addEventListener("abort", onAbort, { once: true });
      current.request({ code, itemsJson, memoryMb, deadline: Date.now() + timeoutMs }).then(
        (reply) => settle(() => {
          if (reply.fault && thread === current) discard();
          if (reply.ok) resolve({ resultJson: reply.resultJson ?? "null", logs: reply.logs ?? [] });
          else reject(replyError(reply, timeoutMs, memoryMb));
        }),
        (e) => stop(e instanceof ThreadCrash && e.isOutOfMemory ? memoryError(memoryMb) : new JunctionError("code.sandbox", "The Code sandbox stopped unexpectedly."))
      );
    });
  }
  return {
    run(code, itemsJson, limits) {
      const job = queue.then(() => runNow(code, itemsJson, limits));
      queue = job.catch(() => {
      });
      return untilAborted(job, limits.signal);
    },
    async close() {
      isClosed = true;
      const last = thread;
      thread = void 0;
      await last?.kill();
    }
  };
}
function clamp(value, min, max, fallback) {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
}
function wasmCapMb(memoryMb) {
  return Math.min(2048, memoryMb * 2 + 32);
}
function replyError(reply, timeoutMs, memoryMb) {
  const error = reply.error ?? { code: "code.error", message: "The Code node failed" };
  if (error.code === "code.timeout") return timeoutError(timeoutMs);
  if (error.code === "code.memory") return memoryError(memoryMb);
  if (error.code === "code.result") return new JunctionError("code.result", `The Code node's result could not be turned into JSON: ${error.message}`);
  const code = error.code === "code.syntax" ? "code.syntax" : "code.error";
  return new JunctionError(code, error.line ? `${error.message} (line ${error.line})` : error.message);
}
var timeoutError = (timeoutMs) => new JunctionError("code.timeout", `The Code node ran longer than ${timeoutMs.toLocaleString("en-US")} ms and was stopped`);
var memoryError = (memoryMb) => new JunctionError("code.memory", `The Code node used more than ${memoryMb} MB`);
var abortError = () => new DOMException("The Code node run was cancelled.", "AbortError");
function withTimeout(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new ThreadCrash(false, "start timed out")), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
function untilAborted(promise, signal2) {
  if (!signal2) return promise;
  if (signal2.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal2.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal2.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal2.removeEventListener("abort", onAbort);
        reject(e);
      }
    );
  });
}

// ../../../work/main/engine/sandbox/code-runner.ts
var EXPECTED = 'each item must be an object, like { name: "Ada" } or { json: { name: "Ada" } }';
function createCodeRunner(sandbox2) {
  return {
    async run(code, items, { timeoutMs, memoryMb, signal: signal2 }) {
      const itemsJson = inputJson(items);
      const { resultJson, logs } = await sandbox2.run(code, itemsJson, { timeoutMs, memoryMb, signal: signal2 });
      let value;
      try {
        value = JSON.parse(resultJson);
      } catch {
        throw new JunctionError("code.result", "The Code node returned something that is not JSON data");
      }
      return { items: toItems(value, items), logs: logs.map((l) => `${l.level}: ${l.message}`) };
    }
  };
}
function inputJson(items) {
  try {
    return JSON.stringify(items.map((i) => i.json));
  } catch (e) {
    throw new JunctionError("code.error", `The Code node's input items could not be turned into JSON: ${e.message}`);
  }
}
function toItems(value, inputs) {
  if (value === null) throw new JunctionError("code.result", "The Code node must return a list of items, but it returned nothing");
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : void 0;
  if (!list) throw new JunctionError("code.result", `The Code node must return a list of items, but it returned ${kindOf(value)}; ${EXPECTED}`);
  const isPaired = list.length === inputs.length;
  return list.map((entry, index) => {
    if (!isObject(entry)) throw new JunctionError("code.result", `The item at index ${index} is ${kindOf(entry)}; ${EXPECTED}`);
    const json = Object.hasOwn(entry, "json") ? entry.json : entry;
    if (!isObject(json)) throw new JunctionError("code.result", `The item at index ${index} has a "json" that is ${kindOf(json)}; it must be an object`);
    return isPaired ? { json, paired: [inputs[index]] } : { json };
  });
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function kindOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return `a string (${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "\u2026" : v)})`;
  return typeof v === "object" ? "an object" : `a ${typeof v} (${String(v)})`;
}

// bench2.ts
var signal = new AbortController().signal;
var opts = { timeoutMs: 3e4, memoryMb: 64, signal };
var gen = `const out = [];
for (let i = 0; i < 100000; i++) out.push({ id: i, name: 'n' + i, email: \`u\${i}@ex.com\`, amount: i % 1000, country: ['DE','FR','US'][i % 3] });
return out;`;
var stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `min ${s[0].toFixed(1)}  median ${s[Math.floor(s.length / 2)].toFixed(1)} ms`;
};
var time = async (f) => {
  const s = performance.now();
  await f();
  return performance.now() - s;
};
var cold = [];
for (let k = 0; k < 5; k++) {
  const sb = createQuickJsSandbox();
  const r = createCodeRunner(sb);
  cold.push(await time(() => r.run("return []", [], opts)));
  await sb.close();
}
console.log("cold start + first no-op run", stats(cold));
var sandbox = createQuickJsSandbox();
var runner = createCodeRunner(sandbox);
await runner.run("return []", [], opts);
var noop = [];
for (let k = 0; k < 50; k++) noop.push(await time(() => runner.run("return []", [], opts)));
console.log("warm no-op run", stats(noop));
var generated = [];
var g = [];
for (let k = 0; k < 7; k++) g.push(await time(async () => {
  generated = (await runner.run(gen, [], opts)).items;
}));
console.log("100k generated", stats(g));
var m = [];
for (let k = 0; k < 7; k++) m.push(await time(() => runner.run("return items.map(i => ({ json: { ...i.json, total: i.json.amount * 2 } }))", generated, opts)));
console.log("100k mapped", stats(m));
await sandbox.close();
console.log("load", (await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" "));
