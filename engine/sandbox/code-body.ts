import { Parser } from 'acorn';
import { JunctionError } from '../sdk/errors';

/**
 * Checks that the Code node's code is one complete function body before a backend wraps it in
 * `(async function (items, $input) { … })`: every bracket, string, template and comment closed,
 * so the code cannot end the wrapper and run outside it. Parsed as a module (strict, no HTML-like
 * comments, top-level await), with `return` allowed, the way both backends then compile it.
 */
export function checkCodeBody(code: string): void {
  let program;
  try {
    program = Parser.parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, locations: true });
  } catch (e) {
    throw syntaxError(code, e as SyntaxError & { pos?: number; loc?: { line: number } });
  }
  const moduleSyntax = program.body.find((s) => s.type.startsWith('Import') || s.type.startsWith('Export'));
  if (moduleSyntax) {
    const line = code.slice(0, moduleSyntax.start).split('\n').length;
    throw new JunctionError('code.syntax', `SyntaxError: import and export are not available in the Code node; it runs without modules (line ${line})`);
  }
}

function syntaxError(code: string, e: SyntaxError & { pos?: number; loc?: { line: number } }): JunctionError {
  if (typeof e.pos !== 'number') return new JunctionError('code.syntax', `SyntaxError: ${e.message}`);
  if (e.pos >= code.trimEnd().length) {
    return new JunctionError('code.syntax', `SyntaxError: unexpected end of code (a bracket or quote is not closed) (line ${code.trimEnd().split('\n').length})`);
  }
  const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
  return new JunctionError('code.syntax', `SyntaxError: ${message} (line ${e.loc?.line ?? 1})`);
}
