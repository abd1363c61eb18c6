import { readFileSync } from 'node:fs';
import { echo, formatProblems, parseFlowText, type FlowFile } from '../flow';
import type { NodeLookup } from '../flow/validate';
import { JunctionError } from '../sdk/errors';

export function readText(file: string, what = 'file'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new JunctionError('cli.read', `Cannot read the ${what} ${file}: ${why}`);
  }
}

/** Reads and validates a flow file; every problem is listed in the error. */
export function loadFlow(file: string, types: NodeLookup): FlowFile {
  const { flow, problems } = parseFlowText(readText(file, 'flow file'), types);
  if (!flow || problems.length) {
    throw new JunctionError('flow.invalid', `${file} is not a valid flow (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatProblems(problems)}`);
  }
  return flow;
}

/** Reads `--input`: a JSON list of objects (or one object) that becomes the run's first items. */
export function readInput(file: string): Record<string, unknown>[] {
  let data: unknown;
  try { data = JSON.parse(readText(file, 'input file')); } catch (e) {
    if (e instanceof JunctionError) throw e;
    throw new JunctionError('cli.input', `The input file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : [data];
  const bad = list.findIndex((x) => typeof x !== 'object' || x === null || Array.isArray(x));
  if (bad >= 0) throw new JunctionError('cli.input', `The input file ${file} must hold a list of objects; entry ${bad} is ${echo(list[bad])}`);
  return list.map((x) => (typeof x.json === 'object' && x.json !== null && Object.keys(x).every((k) => k === 'json' || k === 'binary') ? x.json : x));
}
