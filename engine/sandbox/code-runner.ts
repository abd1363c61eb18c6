import { JunctionError } from '../sdk/errors';
import type { CodeRunner, Item } from '../sdk/types';
import { checkCodeBody } from './code-body';
import { checkResultDepth } from './result-depth';
import type { CodeSandbox, SandboxLog } from './types';

const EXPECTED = 'each item must be an object, like { name: "Ada" } or { json: { name: "Ada" } }';

/** Adapts a sandbox to the SDK's CodeRunner: one JSON string each way per batch, then items. */
export function createCodeRunner(sandbox: CodeSandbox): CodeRunner {
  return {
    async run(code, items, { timeoutMs, memoryMb, signal }) {
      checkCodeBody(code);
      const itemsJson = inputJson(items);
      let reply;
      try {
        reply = await sandbox.run(code, itemsJson, { timeoutMs, memoryMb, signal });
      } catch (e) {
        throw withLogs(e, (e as { logs?: SandboxLog[] }).logs ?? []);
      }
      const logs = reply.logs;
      try {
        checkResultDepth(reply.resultJson);
        let value: unknown;
        try {
          value = JSON.parse(reply.resultJson);
        } catch {
          throw new JunctionError('code.result', 'The Code node returned something that is not JSON data');
        }
        return { items: toItems(value, items), logs };
      } catch (e) {
        throw withLogs(e, logs);
      }
    },
  };
}

/**
 * The lines the code logged before its run failed travel with the error as `logs` (each with
 * its level, as on success): they are usually what explains the failure.
 */
function withLogs(error: unknown, logs: SandboxLog[]): unknown {
  if (error instanceof Error) Object.assign(error, { logs });
  return error;
}

function inputJson(items: Item[]): string {
  try {
    return JSON.stringify(items.map((i) => i.json));
  } catch (e) {
    throw new JunctionError('code.error', `The Code node's input items could not be turned into JSON: ${(e as Error).message}`);
  }
}

/** Checks what the guest returned and builds items; same length as the input means item i came from input i. */
export function toItems(value: unknown, inputs: Item[]): Item[] {
  if (value === null) throw new JunctionError('code.result', 'The Code node must return a list of items, but it returned nothing');
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
  if (!list) throw new JunctionError('code.result', `The Code node must return a list of items, but it returned ${kindOf(value)}; ${EXPECTED}`);
  const isPaired = list.length === inputs.length;
  return list.map((entry: unknown, index) => {
    if (!isObject(entry)) throw new JunctionError('code.result', `The item at index ${index} is ${kindOf(entry)}; ${EXPECTED}`);
    const json = Object.hasOwn(entry, 'json') ? entry.json : entry;
    if (!isObject(json)) throw new JunctionError('code.result', `The item at index ${index} has a "json" that is ${kindOf(json)}; it must be an object`);
    return isPaired ? { json, paired: [inputs[index]] } : { json };
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)})`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${String(v)})`;
}
