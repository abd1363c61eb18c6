import type { Problem } from '../sdk/schema';
import { validateFlow, type NodeLookup, type Validation } from './validate';

/** Where in the text a JSON syntax error sits, as "line 3, column 14". */
function locate(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split('\n');
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Reads flow text: a JSON error or every validation problem, never an exception. */
export function parseFlowText(text: string, types: NodeLookup): Validation {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const reason = (e as Error).message.replace(/^(Unexpected|Expected)/, (w) => w.toLowerCase()).replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    const problem: Problem = { path: '$', code: 'flow.json', message: `is not valid JSON${locate(text, (e as Error).message)}: ${reason}` };
    return { problems: [problem] };
  }
  return validateFlow(doc, types);
}

/** One problem per line, for a terminal: `$.nodes[2].params.url: is required`. */
export const formatProblems = (problems: Problem[]): string => problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
