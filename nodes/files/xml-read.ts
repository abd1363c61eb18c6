import { JunctionError, getPath, lazyLibrary } from '../../engine/sdk';
import type { Batch } from './batches';
import type { ByteSource } from './source';
import { readWholeText } from './text-read';

const fxp = lazyLibrary<typeof import('fast-xml-parser')>('fast-xml-parser');

/** Attributes are kept as `@name` fields and an element's text beside them as `#text`. */
export const XML_ATTRIBUTE_PREFIX = '@';
export const XML_TEXT_NAME = '#text';

/** The first list of repeating elements in a parsed document, depth first: what a person usually means. */
function firstList(node: unknown, at: string[] = []): { path: string; list: unknown[] } | undefined {
  if (Array.isArray(node)) return { path: at.join('.'), list: node };
  if (node === null || typeof node !== 'object') return undefined;
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith(XML_ATTRIBUTE_PREFIX) || k === '?xml') continue;
    const hit = firstList(v, [...at, k]);
    if (hit) return hit;
  }
  return undefined;
}

const asRow = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : { [XML_TEXT_NAME]: v });

/**
 * An XML file's repeating element as rows. `path` names it with dots (`catalog.book`); empty
 * means the first element that repeats. Values are typed (numbers, booleans) when `typed`.
 */
export async function* readXml(source: ByteSource, opts: { path: string; typed: boolean; batchSize: number }): AsyncGenerator<Batch> {
  const text = await readWholeText(source, 'XML');
  if (text.trim() === '') return;
  const { XMLParser, XMLValidator } = fxp();
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new JunctionError('file.format', `"${source.name}" is not valid XML: ${valid.err.msg} (line ${valid.err.line})`);
  const path = opts.path.trim();
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: XML_ATTRIBUTE_PREFIX, textNodeName: XML_TEXT_NAME,
    parseTagValue: opts.typed, parseAttributeValue: opts.typed, ignoreDeclaration: true, ignorePiTags: true,
    processEntities: true, htmlEntities: false,
    numberParseOptions: { leadingZeros: false, hex: false, eNotation: true },
    // The element named by the path is a list even when the file has only one.
    isArray: (_name, jpath) => path !== '' && String(jpath) === path,
  });
  const doc = parser.parse(text) as Record<string, unknown>;
  let list: unknown[];
  if (path) {
    const at = getPath(doc, path);
    if (at === undefined) throw new JunctionError('file.path-in-file', `"${source.name}" has no element at "${path}"`, { path: 'params.xmlPath' });
    list = Array.isArray(at) ? at : [at];
  } else {
    list = firstList(doc)?.list ?? Object.values(doc).filter((v) => v && typeof v === 'object');
  }
  for (let i = 0; i < list.length; i += opts.batchSize) yield { rows: list.slice(i, i + opts.batchSize).map(asRow), errors: [] };
}
