import { placeholder, single, type Mapped, type MapInput } from './mapping';
import { expression, jsonAccess } from './values';

/** debug → No-op: Node-RED's debug only shows messages; Junction shows every node's output. */
export const mapDebug = (m: MapInput): Mapped => single(m, 'core.noop', {});

/** comment → Sticky Note with the comment's title and text. */
export function mapComment(m: MapInput): Mapped {
  const title = m.node.name ? `**${m.node.name}**` : '';
  const text = [title, typeof m.node.info === 'string' ? m.node.info : ''].filter(Boolean).join('\n\n');
  const id = m.b.add({ id: m.id, type: 'core.stickyNote', name: m.name, x: m.node.x, y: m.node.y, params: { text, color: 'yellow' } });
  return { outputs: [], primary: id, type: 'core.stickyNote', outcome: 'mapped' };
}

/** json → Edit Fields: text is parsed, anything else written as JSON text (or the one direction the node is set to). */
export function mapJson(m: MapInput): Mapped {
  const n = m.node;
  const access = jsonAccess(typeof n.property === 'string' && n.property ? n.property : 'payload');
  if (!access) return placeholder(m, `converts ${JSON.stringify(n.property)}, which is not a plain property path`);
  const stringify = n.pretty ? `JSON.stringify(${access}, null, 4)` : `JSON.stringify(${access})`;
  const body = n.action === 'obj' ? `typeof ${access} === "string" ? JSON.parse(${access}) : ${access}`
    : n.action === 'str' ? `typeof ${access} === "string" ? ${access} : ${stringify}`
      : `typeof ${access} === "string" ? JSON.parse(${access}) : ${stringify}`;
  const value = expression(body);
  if (!value) return placeholder(m, 'could not be written as a Junction expression');
  if (n.schema) m.report('warning', 'option', `${m.path}.schema`, 'validates against a JSON schema, which was left out');
  return single(m, 'core.set', { mode: 'merge', fields: [{ name: access.slice('$json.'.length), value, transforms: [] }], remove: [], dotNotation: true });
}

const UNIT: Record<string, [number, string]> = {
  milliseconds: [1, 'ms'], seconds: [1, 'seconds'], minutes: [1, 'minutes'], hours: [1, 'hours'], days: [24, 'hours'],
};

/**
 * delay → Wait for a fixed delay. Rate limiting passes items on unchanged (No-op) with a
 * report line, as a run hands all items over at once; modes that drop messages or delay by
 * msg.delay become placeholders.
 */
export function mapDelay(m: MapInput): Mapped {
  const n = m.node;
  const type = String(n.pauseType ?? 'delay');
  if (type === 'delay' || type === 'random') {
    const [factor, unit] = UNIT[String(type === 'delay' ? n.timeoutUnits : n.randomUnits)] ?? [1, 'seconds'];
    const amount = Number(type === 'delay' ? n.timeout : n.randomLast) * factor;
    if (!Number.isFinite(amount) || amount < 0) return placeholder(m, `waits ${JSON.stringify(n.timeout)}, which is not a number`);
    if (type === 'random') m.report('warning', 'option', `${m.path}.pauseType`, `waits a random time; a fixed wait of the longest (${String(n.randomLast)} ${String(n.randomUnits)}) is used`);
    return single(m, 'core.wait', { wait: { mode: 'duration', amount, unit } });
  }
  if (type === 'rate' && !n.drop) {
    m.report('warning', 'option', `${m.path}.pauseType`, `limits the rate to ${String(n.rate)} per ${String(n.nbRateUnits ?? 1)} ${String(n.rateUnits)}; Junction passes the items on at once (a No-op holds its place), so add a rate limit on the node that needs it, e.g. the HTTP Request's rateLimitPerSecond`);
    return single(m, 'core.noop', {});
  }
  return placeholder(m, type === 'delayv' ? 'waits for the time in msg.delay' : `limits the message rate in "${type}" mode${n.drop ? ', dropping messages' : ''}`);
}

/** Types Junction has nothing for, with why, so the report says more than "unsupported". */
const WHY: Record<string, string> = {
  trigger: 'sends one message now and another after a time (Junction runs have no timers between messages)',
  xml: 'converts XML text in msg.payload (Read File reads XML files, not text in a field)',
  'link call': 'calls a link and waits for its return, which a Junction flow cannot express',
  exec: 'runs a shell command', status: 'reacts to status changes of other nodes',
};

export const unsupported = (m: MapInput): Mapped => placeholder(m, WHY[m.node.type] ?? 'has no Junction equivalent');

/** range → Edit Fields: scales a number from one range to another, with Node-RED's clamp, roll and round options. */
export function mapRange(m: MapInput): Mapped {
  const n = m.node;
  const access = jsonAccess(typeof n.property === 'string' && n.property ? n.property : 'payload');
  const [a, b, c, d] = [n.minin, n.maxin, n.minout, n.maxout].map(Number);
  if (!access || ![a, b, c, d].every(Number.isFinite) || a === b) return placeholder(m, 'has a range that is not four numbers with distinct input bounds');
  const value = `Number(${access})`;
  const input = n.action === 'clamp' ? `Math.min(Math.max(${value}, ${Math.min(a, b)}), ${Math.max(a, b)})`
    : n.action === 'roll' ? `((((${value} - ${a}) % ${b - a}) + ${b - a}) % ${b - a}) + ${a}` : value;
  let body = `(${input} - ${a}) / ${b - a} * ${d - c} + ${c}`;
  if (n.round) body = `Math.round(${body})`;
  const expr = expression(body);
  if (!expr) return placeholder(m, 'could not be written as a Junction expression');
  return single(m, 'core.set', { mode: 'merge', fields: [{ name: access.slice('$json.'.length), value: expr, transforms: [] }], remove: [], dotNotation: true });
}
