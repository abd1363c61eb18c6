import { checkTemplate } from '../../expr';

/** Where a value's report line goes: the builder's note, bound to one node and JSON path. */
export type Report = (severity: 'info' | 'warning' | 'error', kind: string, path: string, message: string) => void;

/** Keys no Junction field may have (they reach into prototypes). */
const FORBIDDEN = /(^|[.[\]"'])(__proto__|constructor|prototype)($|[.[\]"'])/;

/** A Node-RED property path (`payload.a["b c"][0]`, without `msg.`) as a Junction `$json` access, or undefined if it is not a plain path. */
export function jsonAccess(path: string): string | undefined {
  const p = path.trim().replace(/^msg\./, '');
  if (FORBIDDEN.test(p)) return undefined;
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"\\]*"\]|\['[^'\\]*'\])*$/.test(p)) return undefined;
  return `$json.${p}`;
}

/** The same path as Junction's dotted field path (for Edit Fields names, Split Out), or undefined. */
export function fieldPath(path: string): string | undefined {
  const p = path.trim().replace(/^msg\./, '');
  if (FORBIDDEN.test(p)) return undefined;
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(p) ? p : undefined;
}

/** Text that is taken literally: every `{{` would open an expression, so it is written as one. */
export function literalText(text: string): string {
  return text.includes('{{') ? text.split('{{').join('{{ "{" + "{" }}') : text;
}

/** `{{ … }}` around a JavaScript-like expression, or undefined when Junction cannot compile it. */
export function expression(body: string): string | undefined {
  const source = `{{ ${body} }}`;
  return checkTemplate(source) ? undefined : source;
}

/**
 * A Node-RED typed value (`v` with its type `vt`: str, num, bool, json, date, msg, jsonata,
 * env, flow, global, …) as a Junction param value. What cannot be carried over is reported at
 * `path` and kept verbatim in the note; the param then gets null.
 */
export function typedValue(value: unknown, type: unknown, path: string, report: Report): unknown {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  switch (type ?? 'str') {
    // An empty param means null to Edit Fields; Node-RED's empty text stays text.
    case 'str': return text === '' ? '{{ "" }}' : literalText(text);
    case 'num': {
      const n = Number(text);
      if (text.trim() !== '' && Number.isFinite(n)) return n;
      report('warning', 'option', path, `the number ${JSON.stringify(text)} is not a number; null is used`);
      return null;
    }
    case 'bool': return text === 'true';
    case 'json': {
      try { return JSON.parse(text || 'null'); } catch {
        report('warning', 'option', path, `the JSON value ${JSON.stringify(text.slice(0, 200))} does not parse; null is used`);
        return null;
      }
    }
    case 'date': return '{{ $now.toMillis() }}';
    case 'msg': {
      const access = jsonAccess(text);
      const expr = access && expression(access);
      if (expr) return expr;
      report('warning', 'expression', path, `the message property ${JSON.stringify(text)} is not a plain path; kept as text, translate it by hand`);
      return literalText(text);
    }
    case 'jsonata': return jsonata(text, path, report);
    case 'env': {
      if (/^[A-Za-z_]\w*$/.test(text)) return `{{ $env.${text} }}`;
      report('warning', 'expression', path, `the environment variable reference ${JSON.stringify(text)} is not a plain name; kept as text`);
      return literalText(text);
    }
    case 'flow': case 'global':
      report('warning', 'option', path, `reads ${type} context (${JSON.stringify(text)}), which Junction flows do not have; null is used (keep the value in a workspace variable, $vars, or a field)`);
      return null;
    default:
      report('warning', 'option', path, `the value type ${JSON.stringify(type)} (${JSON.stringify(text.slice(0, 200))}) has no Junction equivalent; null is used`);
      return null;
  }
}

/**
 * A JSONata expression: plain paths (`payload.name`, `msg.topic`) and literals become `$json`
 * expressions; anything else is reported with its text and kept as text.
 */
function jsonata(text: string, path: string, report: Report): unknown {
  const t = text.trim();
  const access = jsonAccess(t);
  const expr = access && expression(access);
  if (expr) return expr;
  if (/^(-?\d+(\.\d+)?|true|false|null|"[^"\\]*")$/.test(t)) return JSON.parse(t);
  report('warning', 'expression', path, `the JSONata expression ${JSON.stringify(t.slice(0, 500))} was not translated; kept as text, translate it by hand into a {{ }} expression`);
  return literalText(text);
}
