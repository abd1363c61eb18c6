import type { Problem } from '../sdk/schema';
import { describeJsonError } from './json-error';
import { validateFlow, type NodeLookup, type Validation } from './validate';


/** Reads flow text: a JSON error or every validation problem, never an exception. */
export function parseFlowText(text: string, types: NodeLookup): Validation {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const problem: Problem = { path: '$', code: 'flow.json', message: `is not valid JSON${describeJsonError(text) || ''}` };
    return { problems: [problem] };
  }
  return validateFlow(doc, types);
}

/** One problem per line, for a terminal: `$.nodes[2].params.url: is required`. */
export const formatProblems = (problems: Problem[]): string => problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
