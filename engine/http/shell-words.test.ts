import { describe, expect, it } from 'vitest';
import { shellQuote, shellWords } from './shell-words';

describe('shellWords', () => {
  it('splits on blanks and honours every kind of quote', () => {
    expect(shellWords(`curl  -H 'a: b c' "x \\"y\\" \\$HOME" plain\\ word`)).toEqual(['curl', '-H', 'a: b c', 'x "y" $HOME', 'plain word']);
    expect(shellWords(`--data-raw $'{"a":"it\\'s\\n\\u00e9\\x41"}'`)).toEqual(['--data-raw', `{"a":"it's\n\u00e9A"}`]);
    expect(shellWords(`a'b'"c"d`)).toEqual(['abcd']);
    expect(shellWords(`'' ""`)).toEqual(['', '']);
  });

  it('joins lines ending in a backslash and skips comments', () => {
    expect(shellWords("curl https://x \\\n  -X POST \\\r\n  -d a=1 # a note\n")).toEqual(['curl', 'https://x', '-X', 'POST', '-d', 'a=1']);
  });

  it('names an unclosed quote', () => {
    expect(() => shellWords(`curl 'https://x`)).toThrow('the command has an unclosed single quote');
    expect(() => shellWords(`curl "x`)).toThrow('unclosed double quote');
  });

  it('quotes what it splits back unchanged', () => {
    for (const w of ['simple', 'with space', "it's", '$HOME', '{"a":1}', '', 'a\nb', "'\\''"]) expect(shellWords(shellQuote(w))).toEqual([w]);
  });
});
