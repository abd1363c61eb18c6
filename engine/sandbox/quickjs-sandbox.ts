import { startSandboxThread } from './sandbox-thread';
import { createWorkerSandbox } from './worker-sandbox';
import type { CodeSandbox } from './types';

// QuickJS's stack check only sees its wasm stack; wasm frames also use this thread's native
// stack, and at Node's 4 MB default a deeply nested native call (String of a nested array)
// overflowed it before QuickJS noticed. 16 MB kept every measured case inside QuickJS.
const THREAD_STACK_MB = 16;

/** The wasm heap cap: the guest's limit, as much again for the input string on its way in, and the module's own 16 MB. */
const wasmCapMb = (memoryMb: number) => Math.min(2048, memoryMb * 2 + 32);

/**
 * The isolated Code backend, for any flow: QuickJS compiled to WebAssembly, a fresh runtime per
 * run, in a worker thread. Two boundaries (the wasm heap and the thread) stand between a guest
 * and the process.
 */
export function createQuickJsSandbox(): CodeSandbox {
  return createWorkerSandbox({
    start: (memoryMb) => startSandboxThread({
      script: new URL('./quickjs-worker.mjs', import.meta.url),
      workerData: { wasmMaxMb: wasmCapMb(memoryMb) },
      // The worker's V8 heap holds the input and result strings (UTF-16) besides its own code.
      heapMb: 128 + memoryMb * 6,
      stackMb: THREAD_STACK_MB,
    }, memoryMb),
    // QuickJS caps each run's runtime itself; a thread with a larger wasm heap serves smaller runs.
    canReuse: (startedForMb, memoryMb) => wasmCapMb(startedForMb) >= wasmCapMb(memoryMb),
  });
}
