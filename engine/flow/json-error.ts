import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * Where JSON text first breaks, as " at line 3, column 14: <reason>". JSON.parse names no
 * position for some errors (an unexpected token, where it quotes the text instead), so
 * jsonc-parser (strict: no comments, no trailing commas) finds it. Only called after JSON.parse failed.
 */
export function describeJsonError(text: string): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return '';
  const before = text.slice(0, first.offset).split('\n');
  const reason = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return ` at line ${before.length}, column ${before[before.length - 1].length + 1}: ${reason}`;
}
