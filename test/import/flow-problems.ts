import { validateFlow, type FlowFile } from '../../engine/flow';
import { builtinRegistry } from '../../engine/registry';

/** Validation problems of an imported flow against the real built-in node registry. */
export function importProblems(flow: FlowFile): { path: string; message: string; code: string }[] {
  return validateFlow(structuredClone(flow), builtinRegistry()).problems;
}
