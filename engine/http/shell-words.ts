/**
 * Splits a POSIX shell command line into words the way bash would for a pasted curl command:
 * single quotes, double quotes (with \" \\ \$ \` escapes), $'…' ANSI-C quotes (browsers'
 * "Copy as cURL" uses them), backslash escapes and line continuations. No expansion happens:
 * `$VAR` stays as written. Pure: no Node built-ins, so the editor can use it.
 */

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

export class ShellSyntaxError extends Error {}

function ansiEscape(s: string, i: number): [string, number] {
  const c = s[i];
  if (c in ANSI_ESCAPES) return [ANSI_ESCAPES[c], i + 1];
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i));
  if (hex) return [String.fromCharCode(parseInt(hex[1], 16)), i + hex[0].length];
  const uni = /^u([0-9a-fA-F]{1,4})|^U([0-9a-fA-F]{1,8})/.exec(s.slice(i));
  if (uni) return [String.fromCodePoint(parseInt(uni[1] ?? uni[2], 16)), i + uni[0].length];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + oct[0].length];
  return ['\\' + c, i + 1];
}

export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const end = (what: string) => { throw new ShellSyntaxError(`the command has an unclosed ${what}`); };
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) { words.push(word); word = ''; inWord = false; }
      i++;
    } else if (c === '\\') {
      // A backslash before a newline joins lines; before anything else it keeps that character.
      if (line[i + 1] === '\n') i += 2;
      else if (line[i + 1] === '\r' && line[i + 2] === '\n') i += 3;
      else { if (i + 1 < line.length) { word += line[i + 1]; inWord = true; } i += 2; }
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) end('single quote');
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (c === '$' && line[i + 1] === "'") {
      i += 2;
      inWord = true;
      for (;;) {
        if (i >= line.length) end("$'…' quote");
        if (line[i] === "'") { i++; break; }
        if (line[i] === '\\') { const [out, next] = ansiEscape(line, i + 1); word += out; i = next; } else word += line[i++];
      }
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) end('double quote');
        const d = line[i];
        if (d === '"') { i++; break; }
        if (d === '\\' && '"\\$`\n'.includes(line[i + 1] ?? '')) { if (line[i + 1] !== '\n') word += line[i + 1]; i += 2; } else { word += d; i++; }
      }
    } else if (c === '#' && !inWord) {
      const nl = line.indexOf('\n', i);
      i = nl < 0 ? line.length : nl;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Quotes a word so a POSIX shell reads it back unchanged: single quotes, `'` as `'\''`. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
