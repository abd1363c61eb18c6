/**
 * Code (v1/v2), Function and Function Item → core.code. The code is kept verbatim. Junction's
 * Code node runs once over all items with `items` and `$input.all()/first()/last()`, which is
 * n8n's "run once for all items" mode and the Function node as they are. n8n's "once for each
 * item" mode and Function Item get a short loop around the verbatim code that gives it what
 * n8n gave it (`$json`, `$input.item`, `$itemIndex`; `item` for Function Item). Python has no
 * equivalent. References the sandbox does not offer are reported, not rewritten.
 */
import type { Mapper, MapContext } from './context';

/** n8n helpers that Junction's Code sandbox does not provide, with what they were. */
const NOT_IN_SANDBOX: [RegExp, string][] = [
  [/\$\(\s*['"`]/, "$('Node') (other nodes' data)"],
  [/\$node\s*[[.]/, '$node (other nodes\' data)'],
  [/\$items\s*\(/, '$items() (other nodes\' data)'],
  [/\$item\s*\(/, '$item()'],
  [/\bgetWorkflowStaticData\s*\(/, 'workflow static data'],
  [/\$getWorkflowStaticData\s*\(/, 'workflow static data'],
  [/\bthis\.helpers\b/, 'this.helpers'],
  [/\brequire\s*\(/, 'require() (Node modules)'],
  [/\$env\b/, '$env'],
  [/\$vars\b/, '$vars'],
  [/\$execution\b/, '$execution'],
  [/\$workflow\b/, '$workflow'],
  [/\$binary\b|\.binary\b/, 'binary data'],
];

function reportSandboxGaps(c: MapContext, code: string, rel: string): void {
  const missing = NOT_IN_SANDBOX.filter(([re]) => re.test(code)).map(([, what]) => what);
  if (missing.length) {
    c.note('warning', 'expression', rel, `the code uses ${[...new Set(missing)].join(', ')}, which Junction's Code sandbox does not provide; the code was kept as written and will fail where it reaches them`);
  }
}

const indent = (code: string) => code.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');

/** n8n's "once for each item": the verbatim code runs per item as the body of a function. */
function perItem(code: string): string {
  return [
    '// Imported from n8n ("run once for each item"): the code below runs once per item.',
    'const results = [];',
    'for (let index = 0; index < items.length; index++) {',
    '  const current = items[index];',
    '  const result = await (async ($json, $input, $itemIndex) => {',
    indent(code),
    '  })(current.json, { item: current, all: () => items, first: () => items[0], last: () => items[items.length - 1] }, index);',
    '  if (result !== undefined && result !== null) results.push(result);',
    '}',
    'return results;',
  ].join('\n');
}

/** Function Item: `item` is the item's JSON, and what the code returns is the new JSON. */
function functionItem(code: string): string {
  return [
    '// Imported from an n8n Function Item node: the code below runs once per item, with `item` as its data.',
    'const results = [];',
    'for (let index = 0; index < items.length; index++) {',
    '  const result = await (async (item, $itemIndex) => {',
    indent(code),
    '  })(items[index].json, index);',
    '  results.push({ json: result });',
    '}',
    'return results;',
  ].join('\n');
}

const codeNode = (code: string) => ({ type: 'core.code', params: { code, timeoutMs: 5_000, memoryMb: 64 } });

export const mapCode: Mapper = (c) => {
  const p = c.params;
  const language = String(p.language ?? 'javaScript');
  if (language !== 'javaScript') c.unsupported(`Code in ${language} has no Junction equivalent (JavaScript only)`);
  const code = String(p.jsCode ?? '');
  reportSandboxGaps(c, code, 'jsCode');
  return codeNode(p.mode === 'runOnceForEachItem' ? perItem(code) : code);
};

export const mapFunction: Mapper = (c) => {
  const code = String(c.params.functionCode ?? 'return items;');
  reportSandboxGaps(c, code, 'functionCode');
  return codeNode(code);
};

export const mapFunctionItem: Mapper = (c) => {
  const code = String(c.params.functionCode ?? 'return item;');
  reportSandboxGaps(c, code, 'functionCode');
  return codeNode(functionItem(code));
};
