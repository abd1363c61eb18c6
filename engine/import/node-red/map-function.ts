import type { PortRef } from '../../flow';
import type { Mapped, MapInput } from './mapping';

/** The field that carries a message's output number from the Code node to the routing Switch. */
export const OUTPUT_FIELD = '_nodeRedOutput';

/**
 * The Code node's body for a Node-RED function: the function body runs once per item with
 * `msg` = the item's json, as Node-RED runs it once per message. Its result follows Node-RED's
 * rules: a message goes to output 1; an array holds one entry per output, each a message, an
 * array of messages, or null; null or nothing sends nothing; node.send() sends too. With more
 * than one output each message carries its output number for the Switch that follows.
 */
export function functionCode(body: string, outputs: number, meta: { id: string; name: string; initialize: string }): string {
  return [
    `// Node-RED function "${meta.name.replace(/[\r\n]/g, ' ')}", imported: runs once per item with msg = the item's json.`,
    `const __outputs = ${outputs};`,
    'const __out = [];',
    'const __send = (result) => {',
    '  if (result === null || result === undefined) return;',
    '  const perOutput = Array.isArray(result) ? result : [result];',
    '  for (let port = 0; port < perOutput.length && port < __outputs; port++) {',
    '    const entry = perOutput[port];',
    '    for (const msg of Array.isArray(entry) ? entry : [entry]) {',
    '      if (msg === null || msg === undefined) continue;',
    `      __out.push({ json: __outputs > 1 ? { ...msg, ${OUTPUT_FIELD}: port } : msg });`,
    '    }',
    '  }',
    '};',
    'const __text = (v) => (typeof v === "string" ? v : JSON.stringify(v));',
    '// Context lives for this run only: Junction keeps no state between runs of a Code node.',
    'const __store = (m) => ({ get: (k) => m.get(k), set: (k, v) => { m.set(k, v); }, keys: () => [...m.keys()] });',
    'const context = __store(new Map()), flow = __store(new Map()), global = __store(new Map());',
    'context.flow = flow; context.global = global;',
    `const node = { id: ${JSON.stringify(meta.id)}, name: ${JSON.stringify(meta.name)}, send: (m) => __send(m), done: () => {}, status: () => {},`,
    '  log: (m) => console.log(__text(m)), warn: (m) => console.warn(__text(m)), error: (m) => console.error(__text(m)) };',
    'const RED = { util: { cloneMessage: (m) => JSON.parse(JSON.stringify(m)) } };',
    'const env = { get: () => undefined };',
    ...(meta.initialize.trim() ? ['await (async function () {', meta.initialize, '})();'] : []),
    'for (const item of items) {',
    '  __send(await (async function (msg) {',
    body,
    '  })(item.json));',
    '}',
    'return __out;',
  ].join('\n');
}

/**
 * function → Code. With several outputs, the Code node's items go through a Switch on their
 * output number, and an Edit Fields per output removes that number again.
 */
export function mapFunction(m: MapInput): Mapped {
  const n = m.node;
  const body = typeof n.func === 'string' ? n.func : '';
  const outputs = Math.max(1, Math.min(100, Number.isInteger(n.outputs) ? (n.outputs as number) : Array.isArray(n.wires) ? n.wires.length : 1));
  const initialize = typeof n.initialize === 'string' ? n.initialize : '';
  if (/\b(context|flow|global)\s*\.\s*(get|set|keys)\b/.test(body + initialize)) {
    m.report('warning', 'option', `${m.path}.func`, 'uses context, flow or global context: Junction has no context store, so these values live only for one run of the node');
  }
  if (/\benv\s*\.\s*get\b/.test(body)) m.report('warning', 'option', `${m.path}.func`, 'reads environment variables with env.get(), which gives undefined in Junction\'s sandbox; pass them in with $env in an Edit Fields node');
  if (Array.isArray(n.libs) && n.libs.length) m.report('warning', 'option', `${m.path}.libs`, 'loads Node modules, which Junction\'s Code sandbox does not offer');
  if (initialize.trim()) m.report('info', 'option', `${m.path}.initialize`, 'its setup code runs at the start of every run, before the first item');
  if (typeof n.finalize === 'string' && n.finalize.trim()) m.report('warning', 'option', `${m.path}.finalize`, 'its close code was left out: a Junction run has no deploy and close');
  m.report('info', 'option', `${m.path}.func`, 'the function body runs in Junction\'s Code sandbox in strict mode, once per item with msg = the item\'s json; node.send, node.warn and node.error work, setTimeout and Node modules do not');

  const code = functionCode(body, outputs, { id: n.id, name: n.name || '', initialize });
  // Node-RED's timeout is in seconds (0: none); Junction's Code node always has one.
  const seconds = Number(n.timeout);
  const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(300_000, Math.max(100, Math.round(seconds * 1000))) : 5000;
  const id = m.b.add({ id: m.id, type: 'core.code', name: m.name, x: n.x, y: n.y, params: { code, timeoutMs, memoryMb: 64 }, settings: m.settings });
  if (outputs === 1) return { input: id, outputs: [{ node: id, port: 'main' }], primary: id, type: 'core.code', outcome: 'mapped' };

  const baseName = m.b.node(id)!.name;
  const x = (n.x ?? 0) + 60;
  const y = n.y ?? 0;
  const route = m.b.add({
    id: `${id}-route`, type: 'core.switch', name: `${baseName} outputs`, x, y,
    params: { routing: { mode: 'expression', output: `{{ $json.${OUTPUT_FIELD} }}`, outputs }, fallback: false },
  });
  m.b.connect({ node: id, port: 'main' }, route);
  const ports: PortRef[] = [];
  for (let i = 0; i < outputs; i++) {
    const clean = m.b.add({
      id: `${id}-out${i + 1}`, type: 'core.set', name: `${baseName} output ${i + 1}`, x: x + 60, y: y + i * 40,
      params: { mode: 'merge', fields: [], remove: [OUTPUT_FIELD], dotNotation: true },
    });
    m.b.connect({ node: route, port: String(i) }, clean);
    ports.push({ node: clean, port: 'main' });
  }
  return { input: id, outputs: ports, primary: id, type: 'core.code', outcome: 'mapped' };
}
