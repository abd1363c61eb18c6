/**
 * The one place the dispatcher reaches the Node-RED importer. This build has none yet: swap the
 * body for `export { importNodeRed } from './node-red';` once engine/import/node-red/ lands.
 */
import { JunctionError } from '../sdk/errors';
import type { ImportResult } from './types';

export function importNodeRed(_text: string): ImportResult {
  throw new JunctionError('import.unavailable', 'Node-RED import is not available in this build.');
}
