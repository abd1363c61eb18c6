import { Cron } from 'croner';
import { single, type Mapped, type MapInput } from './mapping';
import { fieldPath, typedValue } from './values';

/** The properties an inject node sets: `props` (Node-RED 1.1+) or the older payload/topic fields. */
function injectProps(m: MapInput): { p: string; v: unknown; vt: unknown; at: string }[] {
  const n = m.node;
  if (!Array.isArray(n.props)) {
    return [{ p: 'payload', v: n.payload, vt: n.payloadType, at: `${m.path}.payload` }, ...(n.topic ? [{ p: 'topic', v: n.topic, vt: 'str', at: `${m.path}.topic` }] : [])];
  }
  return (n.props as Record<string, unknown>[]).map((prop, i) => {
    const p = String(prop?.p ?? '');
    // payload and topic without their own v/vt take the node's legacy fields.
    if (p === 'payload' && prop.v === undefined) return { p, v: n.payload, vt: n.payloadType, at: `${m.path}.payload` };
    if (p === 'topic' && prop.v === undefined) return { p, v: n.topic, vt: 'str', at: `${m.path}.topic` };
    return { p, v: prop.v, vt: prop.vt, at: `${m.path}.props[${i}].v` };
  }).filter((x) => x.p !== '');
}

/** Whether the Schedule trigger's cron library accepts a pattern. */
function validCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Node-RED's "every N seconds" and crontab (5 fields) as a six-field cron pattern with seconds. */
function cronOf(m: MapInput): string | undefined {
  const { repeat, crontab } = m.node;
  if (typeof crontab === 'string' && crontab.trim()) {
    const cron = crontab.trim().split(/\s+/).length === 5 ? `0 ${crontab.trim()}` : crontab.trim();
    return validCron(cron) ? cron : undefined;
  }
  const s = Number(repeat);
  if (repeat === '' || repeat === undefined || !Number.isFinite(s) || s <= 0) return undefined;
  if (s < 60 && 60 % s === 0) return `*/${s} * * * * *`;
  if (s % 60 === 0 && s < 3600 && 60 % (s / 60) === 0) return `0 */${s / 60} * * * *`;
  if (s % 3600 === 0 && s < 86_400 && 24 % (s / 3600) === 0) return `0 0 */${s / 3600} * * *`;
  if (s === 86_400) return '0 0 0 * * *';
  return undefined;
}

/**
 * inject → a Manual trigger, or a Schedule trigger when it repeats; the properties it sets
 * become an Edit Fields node (replace mode: an inject starts a fresh message).
 */
export function mapInject(m: MapInput): Mapped {
  const n = m.node;
  const cron = cronOf(m);
  const repeats = (typeof n.crontab === 'string' && n.crontab.trim() !== '') || (n.repeat !== '' && n.repeat !== undefined && Number(n.repeat) > 0);
  const crontab = typeof n.crontab === 'string' ? n.crontab.trim() : '';
  if (repeats && !cron && crontab) m.report('warning', 'option', `${m.path}.crontab`, `repeats on ${JSON.stringify(crontab)}, which is not a cron pattern Junction understands; made a Manual trigger, add a schedule by hand`);
  else if (repeats && !cron) m.report('warning', 'option', `${m.path}.repeat`, `repeats every ${String(n.repeat)} seconds, which no cron pattern expresses; made a Manual trigger, add a schedule by hand`);
  if (n.once) m.report('info', 'option', `${m.path}.once`, 'fires once when deployed; Junction runs it when the flow is run or activated');
  const trigger = cron ? single(m, 'trigger.schedule', { cron }, ['main'], false) : single(m, 'trigger.manual', {}, ['main'], false);

  const fields: { name: string; value: unknown }[] = [];
  for (const prop of injectProps(m)) {
    const name = fieldPath(prop.p);
    if (!name) { m.report('warning', 'option', prop.at, `sets ${JSON.stringify(prop.p)}, which is not a plain property path; left out`); continue; }
    fields.push({ name, value: typedValue(prop.v, prop.vt, prop.at, m.report) });
  }
  if (!fields.length) return trigger;
  const setId = m.b.add({
    id: `${trigger.primary}-fields`, type: 'core.set', name: `${m.b.node(trigger.primary)!.name} message`,
    x: (n.x ?? 0) + 40, y: (n.y ?? 0) + 60, params: { mode: 'replace', fields: fields.map((f) => ({ ...f, transforms: [] })), remove: [], dotNotation: true },
  });
  m.b.connect(trigger.outputs[0], setId);
  return { ...trigger, outputs: [{ node: setId, port: 'main' }] };
}
