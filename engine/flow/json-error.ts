import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Where JSON text first breaks, as " at line 3, column 14: <reason>". JSON.parse names no
 * position for some errors (an unexpected token, where it quotes the text instead), so
 * jsonc-parser (strict: no comments, no trailing commas) finds it. Only called after JSON.parse
 * failed, on text whose nesting was checked first: jsonc-parser recurses once per level.
 */
export function describeJsonError(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return '';
  const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return ` at ${lineAndColumn(text, first.offset)}: ${reason}`;
}

/** Where in `text` an offset falls (1-based), as "line 3, column 14". */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
  return `line ${line}, column ${offset - start + 1}`;
}
