import { JunctionError } from '../sdk/errors';

/**
 * How deep a Code node's result may nest, counting its outer list: the engine and the editor
 * walk items recursively (samples, previews, field paths), so deeper data is refused here,
 * before anything in the host parses it.
 */
export const MAX_RESULT_DEPTH = 128;

const QUOTE = 34, BACKSLASH = 92, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, OPEN_BRACE = 123, CLOSE_BRACE = 125;

/** Scans JSON text (well-formed, as JSON.stringify wrote it) for nesting beyond MAX_RESULT_DEPTH. */
export function checkResultDepth(json: string): void {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === QUOTE) i = stringEnd(json, i);
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > MAX_RESULT_DEPTH) {
        throw new JunctionError('code.result', `The Code node returned data nested deeper than ${MAX_RESULT_DEPTH} levels; flatten it or turn the deep part into a string with JSON.stringify`);
      }
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(json: string, start: number): number {
  let i = start;
  for (;;) {
    i = json.indexOf('"', i + 1);
    if (i < 0) return json.length;
    let slashes = 0;
    while (json.charCodeAt(i - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i;
  }
}
