import type { Problem } from '../sdk/schema';
import { clip, MAX_PROBLEMS } from './limits';

/** Longest path and message of one problem: keys and values inside them come from the file. */
const MAX_PATH = 300;
const MAX_MESSAGE = 1_000;

const MORE = 'flow.more-problems';
/** How many problems each "and N more" entry stands for. */
const hidden = new WeakMap<Problem, number>();

/**
 * At most `max` problems, the last one saying how many more there were: a file with a
 * million faults must not produce a million lines (or a reply of hundreds of megabytes).
 * Earlier "and N more" entries are folded into the one at the end; over-long paths and
 * messages are cut.
 */
export function capProblems(problems: Problem[], max = MAX_PROBLEMS): Problem[] {
  let more = 0;
  const kept: Problem[] = [];
  for (const p of problems) {
    if (p.code === MORE) more += hidden.get(p) ?? 0;
    else if (kept.length < max) kept.push(p.path.length > MAX_PATH || p.message.length > MAX_MESSAGE ? { ...p, path: clip(p.path, MAX_PATH), message: clip(p.message, MAX_MESSAGE) } : p);
    else more++;
  }
  if (!more) return kept;
  const marker: Problem = { path: '$', code: MORE, message: `and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} not listed; fix these first` };
  hidden.set(marker, more);
  kept.push(marker);
  return kept;
}
