import { startSandboxProcess } from './sandbox-process';
import { createWorkerSandbox } from './worker-sandbox';
import type { CodeSandbox } from './types';

// A process with ses locked down and no guest yet: about 20 MB of heap, 60 MB resident.
const BASE_HEAP_MB = 48;
const BASE_RSS_MB = 96;

/**
 * The fast Code backend, for trusted flows only: Hardened JavaScript (`ses`) on V8 in a child
 * process, a new Compartment per run. The process's heap cap bounds memory (no ArrayBuffer or
 * typed arrays in a compartment: their memory sits outside that heap) and the host kills the
 * process at the deadline. Its isolation is one layer plus the process boundary, where QuickJS
 * adds WebAssembly, which is why flows from elsewhere run in QuickJS instead.
 */
export function createSesSandbox(): CodeSandbox {
  return createWorkerSandbox({
    // The guest's limit, plus the input and result JSON strings that live in the same heap. The
    // watchdog's cap is the lower one, so a runaway guest is stopped before V8 starts thrashing.
    start: (memoryMb) => startSandboxProcess({
      script: new URL('./ses-worker.mjs', import.meta.url),
      rssMb: BASE_RSS_MB + memoryMb * 2,
      heapMb: BASE_HEAP_MB + memoryMb * 3,
    }, memoryMb),
    // The heap cap is the guest's only memory bound, so a process serves runs of its own limit only.
    canReuse: (startedForMb, memoryMb) => startedForMb === memoryMb,
  });
}
