/**
 * `importFile`: detects the format of a file (or clipboard text) and hands it to the n8n or
 * Node-RED importer. Bad input fails with a JunctionError whose message is one sentence.
 */
import { basename } from 'node:path';
import { isJunctionError, JunctionError } from '../sdk/errors';
import { detect } from './detect';
import { importN8n } from './n8n';
import { importNodeRed } from './node-red';
import type { ImportResult, ImportSource } from './types';

export interface ImportOptions { from?: ImportSource; fileName?: string }

/** The flow name when the file names none: the file's name without extensions. */
const nameFrom = (fileName?: string) => (fileName ? basename(fileName).replace(/(\.flow)?\.json$/i, '').replace(/[_]+/g, ' ').trim() : '') || 'Imported workflow';

export function importFile(text: string, opts: ImportOptions = {}): ImportResult {
  const found = detect(text, opts.from);
  if (found.source === 'n8n' && found.doc.nodes.length === 0) throw new JunctionError('import.empty', 'The n8n workflow holds no nodes to import.');
  try {
    const result = found.source === 'n8n' ? importN8n(found.doc, nameFrom(opts.fileName)) : importNodeRed(text, { fileName: opts.fileName });
    if (!result.flows.length) throw new JunctionError('import.empty', `The ${found.source === 'n8n' ? 'n8n workflow' : 'Node-RED export'} holds no nodes to import.`);
    return result;
  } catch (e) {
    if (isJunctionError(e)) throw e;
    // A bug on odd input must still read as a sentence, never a stack trace.
    throw new JunctionError('import.failed', `The ${found.source} file could not be imported: ${(e as Error)?.message ?? String(e)}.`);
  }
}
