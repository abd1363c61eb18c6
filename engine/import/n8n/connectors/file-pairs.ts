/**
 * n8n reads a spreadsheet from disk in two steps: Read Binary File (the bytes) then Spreadsheet
 * File / Extract from File (the rows). Junction's Read File does both, so such a pair becomes
 * one file.read from the path (the reader) and a pass-through (the parser): same rows out.
 * Only when the path is written out and the parser reads exactly what the reader made.
 */
import type { Mapper, N8nNode } from '../context';
import { readFrom } from './files';

const READERS = new Set(['n8n-nodes-base.readBinaryFile', 'n8n-nodes-base.readWriteFile']);
const PARSERS = new Set(['n8n-nodes-base.spreadsheetFile', 'n8n-nodes-base.extractFromFile']);

type Conns = Record<string, { main?: ({ node?: string }[] | null)[] }>;

const targetsOf = (conns: Conns, name: string) => (conns[name]?.main ?? []).flatMap((o) => o ?? []).map((c) => String(c?.node ?? ''));

/** For each fused pair, the mapper of the reader and of the parser, by node name. */
export function fileReadPairs(nodes: unknown[], connections: unknown): Map<string, Mapper> {
  const out = new Map<string, Mapper>();
  if (!connections || typeof connections !== 'object') return out;
  const conns = connections as Conns;
  const byName = new Map<string, N8nNode>();
  for (const n of nodes) if (n && typeof n === 'object' && typeof (n as N8nNode).name === 'string') byName.set((n as N8nNode).name, n as N8nNode);
  const inputs = new Map<string, number>();
  for (const name of Object.keys(conns)) for (const t of targetsOf(conns, name)) inputs.set(t, (inputs.get(t) ?? 0) + 1);
  for (const reader of byName.values()) {
    const p = reader.parameters ?? {};
    if (!READERS.has(reader.type) || (reader.type.endsWith('readWriteFile') && p.operation === 'write')) continue;
    const path = String(p.filePath ?? p.fileSelector ?? '');
    if (!path || path.startsWith('=') || /[*?[{]/.test(path)) continue;
    const targets = targetsOf(conns, reader.name);
    const parser = targets.length === 1 ? byName.get(targets[0]) : undefined;
    if (!parser || !PARSERS.has(parser.type) || inputs.get(parser.name) !== 1) continue;
    const q = parser.parameters ?? {};
    if (parser.type.endsWith('spreadsheetFile') && q.operation === 'toFile') continue;
    if (String(q.binaryPropertyName ?? 'data') !== String(p.dataPropertyName ?? 'data')) continue;
    const fileFormat = parser.type.endsWith('spreadsheetFile') ? (q.fileFormat ?? 'autodetect') : (q.operation ?? 'csv');
    // The parser's options go onto the reader's file.read; the parser's own mapping reports what did not carry.
    out.set(reader.name, (c) => {
      const params = readFrom({ ...c, params: q, note: () => undefined }, fileFormat, 'fileFormat');
      c.note('info', 'node', '', `reads ${path} into rows itself: the next node "${parser.name}" parsed the file in n8n and passes the rows on in Junction`);
      return { type: 'file.read', params: { ...params, source: { from: 'path', path } } };
    });
    out.set(parser.name, (c) => {
      readFrom(c, fileFormat, parser.type.endsWith('spreadsheetFile') ? 'fileFormat' : 'operation');
      return { type: 'core.noop', params: {} };
    });
  }
  return out;
}
