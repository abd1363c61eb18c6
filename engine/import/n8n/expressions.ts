/**
 * n8n expressions (`={{ … }}`) as Junction templates.
 *
 * The code between the braces is tokenised with acorn (so names inside strings and regular
 * expressions are never touched) and n8n's globals are rewritten to Junction's scope:
 * `$node["X"].json` → `$('X').item.json`, `$items("X")` → `$('X').all()`, `$input.item.json` →
 * `$json`, `$execution.id` → `$run.id`, `$workflow.id/name` → `$flow.id/name`, `$itemIndex` →
 * `$index`. Whatever has no Junction equivalent is refused with a reason; the caller then keeps
 * the source text verbatim and reports it. Every translation is checked with Junction's own
 * expression compiler.
 */
import { tokenizer, type Token as AcornToken } from 'acorn';
import { checkTemplate } from '../../expr';

export type Translation =
  | { ok: true; value: unknown; changed: boolean }
  | { ok: false; value: unknown; reason: string };

/** n8n globals with no counterpart in Junction's expression scope. */
const UNSUPPORTED: Record<string, string> = {
  $runIndex: 'the run index of a node',
  $prevNode: 'the previous node',
  $parameter: "a node's own parameters",
  $jmespath: 'JMESPath queries',
  $evaluateExpression: 'evaluating text as an expression',
  $getWorkflowStaticData: 'workflow static data',
  $secrets: 'external secrets',
  $nodeVersion: "a node's version",
  $mode: 'the execution mode',
  $if: 'the $if() helper (write a ? b : c)',
  $ifEmpty: 'the $ifEmpty() helper (write a ?? b)',
  $fromAI: 'AI-filled parameters',
  $response: "the HTTP node's response variable",
  $pageCount: "the HTTP node's page counter",
  $request: "the HTTP node's request variable",
};

/** acorn's tokens carry the value of names and strings; its type declarations leave it out. */
type Token = AcornToken & { value?: unknown };

interface Edit { start: number; end: number; text: string }

const isPunct = (t: Token | undefined, label: string) => t !== undefined && t.type.label === label;
const isName = (t: Token | undefined, name?: string) => t !== undefined && t.type.label === 'name' && (name === undefined || t.value === name);
const isString = (t: Token | undefined) => t !== undefined && t.type.label === 'string';
const quote = (name: string) => `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Reads `["X"]`, `['X']` or `.X` at token i: the node name and the index after it. */
function memberName(tokens: Token[], i: number): { name: string; next: number } | undefined {
  if (isPunct(tokens[i], '[') && isString(tokens[i + 1]) && isPunct(tokens[i + 2], ']')) return { name: String(tokens[i + 1].value), next: i + 3 };
  if (isPunct(tokens[i], '.') && isName(tokens[i + 1])) return { name: String(tokens[i + 1].value), next: i + 2 };
  return undefined;
}

/** A regular expression that only matches its own characters, as that text; else undefined. */
function plainPattern(t: Token): string | undefined {
  const { pattern, flags } = (t.value ?? {}) as { pattern?: string; flags?: string };
  if (typeof pattern !== 'string' || (flags !== 'g' && flags !== '')) return undefined;
  if (/[\\^$.*+?()[\]{}|]/.test(pattern.replace(/\\[\\/.*+?()[\]{}|^$-]/g, ''))) return undefined;
  return pattern.replace(/\\(.)/g, '$1');
}

/**
 * Safe rewrites of JavaScript Junction's expressions leave out: `new Date()` (the run's clock,
 * `.toISOString()` included) and `.replace(/text/g, …)` with a pattern of plain characters.
 */
function rewriteSpecial(tokens: Token[], i: number): { edit: Edit; next: number } | undefined {
  const t = tokens[i];
  if (t.type.label === 'new' && isName(tokens[i + 1], 'Date') && isPunct(tokens[i + 2], '(') && isPunct(tokens[i + 3], ')')) {
    const iso = isPunct(tokens[i + 4], '.') && isName(tokens[i + 5], 'toISOString') && isPunct(tokens[i + 6], '(') && isPunct(tokens[i + 7], ')');
    return { edit: { start: t.start, end: tokens[iso ? i + 7 : i + 3].end, text: iso ? '$now.toUTC().toISO()' : '$now' }, next: i + (iso ? 8 : 4) };
  }
  if (isPunct(t, '.') && isName(tokens[i + 1], 'replace') && isPunct(tokens[i + 2], '(') && tokens[i + 3]?.type.label === 'regexp') {
    const text = plainPattern(tokens[i + 3]);
    if (text === undefined) return undefined;
    const all = ((tokens[i + 3].value ?? {}) as { flags?: string }).flags === 'g';
    return { edit: { start: t.start, end: tokens[i + 3].end, text: `.${all ? 'replaceAll' : 'replace'}(${JSON.stringify(text)}` }, next: i + 4 };
  }
  return undefined;
}

/** Rewrites one expression body (the code between `{{` and `}}`); throws a reason when it cannot. */
export function rewriteCode(code: string): string {
  let tokens: Token[];
  try {
    tokens = [...tokenizer(code, { ecmaVersion: 'latest' })] as Token[];
  } catch (e) {
    throw new Error(`it is not valid JavaScript (${(e as Error).message.replace(/\s*\(\d+:\d+\)$/, '')})`);
  }
  const edits: Edit[] = [];
  // A statement's closing `;` (a habit from code) is not part of the expression.
  while (tokens.length && isPunct(tokens[tokens.length - 1], ';')) edits.push({ start: tokens[tokens.length - 1].start, end: tokens.pop()!.end, text: '' });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const special = rewriteSpecial(tokens, i);
    if (special) { edits.push(special.edit); i = special.next - 1; continue; }
    if (!isName(t) || isPunct(tokens[i - 1], '.')) continue;
    const name = String(t.value);
    if (name in UNSUPPORTED) throw new Error(`Junction has no equivalent of ${name} (${UNSUPPORTED[name]})`);
    if (name === '$node') {
      const member = memberName(tokens, i + 1);
      const prop = member && memberName(tokens, member.next);
      if (!member || !prop || (prop.name !== 'json' && prop.name !== 'binary')) throw new Error('only $node["Name"].json and .binary have a Junction equivalent');
      edits.push({ start: t.start, end: tokens[prop.next - 1].end, text: `$(${quote(member.name)}).item.${prop.name}` });
      i = prop.next - 1;
    } else if (name === '$items') {
      if (!isPunct(tokens[i + 1], '(')) throw new Error('$items is used without a call');
      if (isPunct(tokens[i + 2], ')')) { edits.push({ start: t.start, end: tokens[i + 2].end, text: '$input.all()' }); i += 2; continue; }
      if (!isString(tokens[i + 2]) || !isPunct(tokens[i + 3], ')')) throw new Error('only $items("Name") with one node name has a Junction equivalent');
      edits.push({ start: t.start, end: tokens[i + 3].end, text: `$(${quote(String(tokens[i + 2].value))}).all()` });
      i += 3;
    } else if (name === '$input' && isPunct(tokens[i + 1], '.') && isName(tokens[i + 2], 'item')) {
      const after = memberName(tokens, i + 3);
      if (after && (after.name === 'json' || after.name === 'binary')) {
        edits.push({ start: t.start, end: tokens[after.next - 1].end, text: after.name === 'json' ? '$json' : '$binary' });
        i = after.next - 1;
      } else {
        edits.push({ start: t.start, end: tokens[i + 2].end, text: '({ json: $json, binary: $binary })' });
        i += 2;
      }
    } else if (name === '$execution' || name === '$workflow') {
      const member = memberName(tokens, i + 1);
      const allowed: Record<string, string> = name === '$execution' ? { id: '$run.id', mode: '$run.mode' } : { id: '$flow.id', name: '$flow.name' };
      const to = member ? allowed[member.name] : undefined;
      if (!member || !to) throw new Error(`only ${Object.keys(allowed).map((k) => `${name}.${k}`).join(' and ')} have a Junction equivalent`);
      edits.push({ start: t.start, end: tokens[member.next - 1].end, text: to });
      i = member.next - 1;
    } else if (name === '$itemIndex' || name === '$position') {
      edits.push({ start: t.start, end: t.end, text: '$index' });
    } else if (name === '$' && isPunct(tokens[i + 1], '(')) {
      // $('X').item / first() / last() / all() are Junction's own; itemMatching and pairedItem are not.
      for (let j = i + 2; j < Math.min(tokens.length, i + 8); j++) {
        if (isPunct(tokens[j], '.') && (isName(tokens[j + 1], 'itemMatching') || isName(tokens[j + 1], 'pairedItem') || isName(tokens[j + 1], 'params') || isName(tokens[j + 1], 'isExecuted'))) {
          throw new Error(`$('…').${tokens[j + 1].value} has no Junction equivalent ($('…').item, first(), last() and all() do)`);
        }
      }
    }
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Splits n8n template text into literal text and `{{ }}` bodies, as n8n's template engine does. */
function segments(text: string): (string | { code: string })[] {
  const out: (string | { code: string })[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    if (open < 0) { out.push(text.slice(i)); break; }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) throw new Error('a `{{` is never closed');
    out.push(text.slice(i, open), { code: text.slice(open + 2, close) });
    i = close + 2;
  }
  return out.filter((s) => s !== '');
}

/** Translates one n8n parameter value: strings starting with `=` are expressions, the rest literal. */
export function translateValue(value: unknown): Translation {
  if (typeof value !== 'string') return { ok: true, value, changed: false };
  if (!value.startsWith('=')) {
    if (!value.includes('{{')) return { ok: true, value, changed: false };
    const bad = checkTemplate(value);
    return bad ? { ok: false, value, reason: `the literal text contains "{{", which Junction reads as an expression (${bad.message})` } : { ok: true, value, changed: false };
  }
  const body = value.slice(1);
  if (!body.includes('{{')) return { ok: true, value: body, changed: false };
  let translated = '';
  try {
    for (const s of segments(body)) translated += typeof s === 'string' ? s : `{{ ${rewriteCode(s.code).trim()} }}`;
  } catch (e) {
    return { ok: false, value: body, reason: (e as Error).message };
  }
  const bad = checkTemplate(translated);
  if (bad) return { ok: false, value: body, reason: `${bad.message}${bad.hint ? ` (${bad.hint})` : ''}` };
  return { ok: true, value: translated, changed: translated !== body };
}

/** The code of a `={{ x }}` value that is one expression and nothing else, as written; else undefined. */
export function expressionBody(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('=')) return undefined;
  const m = /^=\s*\{\{([\s\S]*)\}\}\s*$/.exec(value);
  return !m || m[1].includes('}}') || m[1].includes('{{') ? undefined : m[1].trim();
}

/** The same, translated to Junction's scope; undefined when it is not one expression or has no translation. */
export function soleExpression(value: unknown): string | undefined {
  const body = expressionBody(value);
  if (body === undefined) return undefined;
  try {
    return rewriteCode(body).trim();
  } catch {
    return undefined;
  }
}
