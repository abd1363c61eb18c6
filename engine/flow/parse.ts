import type { Problem } from '../sdk/schema';
import { describeJsonError, lineAndColumn } from './json-error';
import { MAX_FLOW_DEPTH, textNestingOver } from './limits';
import { validateFlow, type NodeLookup, type Validation } from './validate';

/**
 * The problem with flow text that nests deeper than a flow may, found before anything parses
 * it: parsers and error reporters recurse per level of nesting.
 */
export function nestingProblem(text: string): Problem | undefined {
  const over = textNestingOver(text);
  if (!over) return undefined;
  return { path: '$', code: 'flow.too-deep', message: `nests objects and lists more than ${MAX_FLOW_DEPTH} levels deep (at ${lineAndColumn(text, over.offset)}); a flow file may not` };
}

/** Reads flow text: a JSON error or every validation problem, never an exception. */
export function parseFlowText(text: string, types: NodeLookup): Validation {
  const tooDeep = nestingProblem(text);
  if (tooDeep) return { problems: [tooDeep] };
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
