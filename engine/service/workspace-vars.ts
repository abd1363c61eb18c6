import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeJsonError } from '../flow/json-error';
import { JunctionError } from '../sdk/errors';

export const VARS_FILE = 'vars.json';

/**
 * Workspace variables (`$vars` in expressions) from `<workspace>/vars.json`: plain, shareable
 * values such as a region or an approver's address. Secrets belong in connections, never here.
 * Read at each run, so an edit applies to the next run without a restart.
 */
export function readWorkspaceVars(workspace: string): Record<string, unknown> {
  let text: string;
  try { text = readFileSync(join(workspace, VARS_FILE), 'utf8'); } catch { return {}; }
  let data: unknown;
  try { data = JSON.parse(text); } catch {
    throw new JunctionError('workspace.vars', `${VARS_FILE} in the workspace is not valid JSON${describeJsonError(text)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new JunctionError('workspace.vars', `${VARS_FILE} must hold one JSON object of names to values`);
  }
  return data as Record<string, unknown>;
}
