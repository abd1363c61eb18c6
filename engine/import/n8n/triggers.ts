/**
 * Triggers: Manual / Start → trigger.manual; Schedule, Cron and Interval → trigger.schedule (one
 * cron pattern, seconds first); Webhook → trigger.webhook; Respond to Webhook → trigger.respond.
 */
import type { Mapper, MapContext } from './context';
import { read } from './context';

export const mapManual: Mapper = () => ({ type: 'trigger.manual', params: {} });

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : Number.isFinite(Number(v)) && v !== '' && v !== undefined ? Number(v) : fallback);

/** One rule of Schedule Trigger v1.x as a 6-field cron pattern. */
function scheduleRule(c: MapContext, r: Record<string, unknown>, rel: string): string {
  const minute = num(r.triggerAtMinute, 0);
  const hour = num(r.triggerAtHour, 0);
  switch (String(r.field ?? 'days')) {
    case 'seconds': return `*/${num(r.secondsInterval, 30)} * * * * *`;
    case 'minutes': return `0 */${num(r.minutesInterval, 5)} * * * *`;
    case 'hours': return `0 ${minute} */${num(r.hoursInterval, 1)} * * *`;
    case 'days': return `0 ${minute} ${hour} */${num(r.daysInterval, 1)} * *`;
    case 'weeks': {
      if (num(r.weeksInterval, 1) !== 1) c.note('warning', 'option', `${rel}.weeksInterval`, 'cron has no "every N weeks": the schedule runs every week');
      const days = Array.isArray(r.triggerAtDay) && r.triggerAtDay.length ? r.triggerAtDay.join(',') : '0';
      return `0 ${minute} ${hour} * * ${days}`;
    }
    case 'months': return `0 ${minute} ${hour} ${num(r.triggerAtDayOfMonth, 1)} */${num(r.monthsInterval, 1)} *`;
    case 'cronExpression': {
      const expr = String(r.expression ?? '').trim();
      if (!expr || expr.startsWith('=')) c.unsupported(`the cron expression at ${rel} is empty or an expression`);
      return expr;
    }
    default: return c.unsupported(`the schedule rule "${String(r.field)}" at ${rel} has no Junction equivalent`);
  }
}

/** Junction's Schedule node holds one pattern: the first rule wins, the others are reported. */
function onePattern(c: MapContext, patterns: string[], rel: string) {
  if (patterns.length > 1) c.note('warning', 'option', rel, `${patterns.length} schedule rules: only the first ("${patterns[0]}") was kept; add a Schedule node per further rule (${patterns.slice(1).join('; ')})`);
  return { type: 'trigger.schedule', params: { cron: patterns[0] } };
}

export const mapSchedule: Mapper = (c) => {
  const rules = (read(c.params, 'rule.interval') ?? [{ field: 'days' }]) as Record<string, unknown>[];
  return onePattern(c, (rules.length ? rules : [{ field: 'days' }]).map((r, i) => scheduleRule(c, r, `rule.interval[${i}]`)), 'rule.interval');
};

export const mapCron: Mapper = (c) => {
  const items = (read(c.params, 'triggerTimes.item') ?? []) as Record<string, unknown>[];
  if (!items.length) c.unsupported('the Cron node has no trigger time, so it never fires');
  const patterns = items.map((t) => {
    const minute = num(t.minute, 0);
    const hour = num(t.hour, 14);
    switch (String(t.mode ?? 'everyDay')) {
      case 'everyMinute': return '0 * * * * *';
      case 'everyHour': return `0 ${minute} * * * *`;
      case 'everyDay': return `0 ${minute} ${hour} * * *`;
      case 'everyWeek': return `0 ${minute} ${hour} * * ${num(t.weekday, 1)}`;
      case 'everyMonth': return `0 ${minute} ${hour} ${num(t.dayOfMonth, 1)} * *`;
      case 'everyX': return t.unit === 'minutes' ? `0 */${num(t.value, 2)} * * * *` : `0 0 */${num(t.value, 2)} * * *`;
      case 'custom': return String(t.cronExpression ?? '* * * * * *').trim();
      default: return c.unsupported(`the Cron mode "${String(t.mode)}" has no Junction equivalent`);
    }
  });
  return onePattern(c, patterns, 'triggerTimes.item');
};

export const mapInterval: Mapper = (c) => {
  const n = num(c.params.interval, 1);
  const unit = String(c.params.unit ?? 'seconds');
  const cron = unit === 'hours' ? `0 0 */${n} * * *` : unit === 'minutes' ? `0 */${n} * * * *` : `*/${n} * * * * *`;
  if (n > (unit === 'hours' ? 24 : 60) || !Number.isInteger(n)) c.note('warning', 'option', 'interval', `an interval of ${n} ${unit} does not fit a cron step; the pattern "${cron}" was used`);
  return { type: 'trigger.schedule', params: { cron } };
};

/** Junction's webhook paths: letters, digits, - _ . ~ and :param segments, no leading slash. */
function webhookPath(c: MapContext): string {
  const raw = String(c.params.path ?? '').trim();
  const path = raw.replace(/^\/+/, '').replace(/[^A-Za-z0-9_\-.~:/]/g, '-').replace(/\/{2,}/g, '/').replace(/\/$/, '');
  const out = path || (c.node.id ? `n8n-${c.node.id}` : c.node.name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase());
  if (out !== raw) c.note('info', 'option', 'path', `the webhook path "${raw}" became "${out}" (Junction serves it at /hook/<flow>/${out})`);
  return out;
}

export const mapWebhook: Mapper = (c) => {
  const p = c.params;
  const method = String(p.httpMethod ?? 'GET').toUpperCase();
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  if (!methods.includes(method)) c.note('warning', 'option', 'httpMethod', `the method ${method} is not offered by Junction's Webhook; it accepts any method now`);
  const responseMode = String(p.responseMode ?? 'onReceived');
  if (responseMode === 'lastNode') c.note('warning', 'option', 'responseMode', 'answering with the last node\'s data has no equivalent: the webhook answers at once; add a Respond to Webhook node to answer with data');
  const auth = String(p.authentication ?? 'none');
  let authParam: Record<string, unknown> = { type: 'none' };
  if (auth === 'headerAuth') {
    authParam = { type: 'headerToken', header: 'authorization', tokenEnv: 'WEBHOOK_TOKEN' };
    c.note('warning', 'credential', 'authentication', 'header authentication: the token now comes from the environment variable WEBHOOK_TOKEN (set it, and the header name, in the Webhook node)');
  } else if (auth === 'basicAuth') {
    authParam = { type: 'basic', user: '', passwordEnv: 'WEBHOOK_PASSWORD' };
    c.note('error', 'credential', 'authentication', 'basic authentication: enter the user name in the Webhook node; the password comes from the environment variable WEBHOOK_PASSWORD');
  } else if (auth !== 'none') {
    c.note('error', 'credential', 'authentication', `the webhook authentication "${auth}" has no equivalent; the webhook is unprotected until you set one`);
  }
  return {
    type: 'trigger.webhook',
    params: { path: webhookPath(c), method: methods.includes(method) ? method : 'ANY', auth: authParam, respond: responseMode === 'responseNode' ? 'respondNode' : 'immediately' },
  };
};

export const mapRespond: Mapper = (c) => {
  const p = c.params;
  const status = num(read(p, 'options.responseCode'), 200);
  const entries = (read(p, 'options.responseHeaders.entries') ?? []) as { name?: string; value?: string }[];
  const headers: Record<string, unknown> = {};
  entries.forEach((e, i) => { if (e.name) headers[e.name] = c.value(e.value ?? '', `options.responseHeaders.entries[${i}].value`); });
  const how = String(p.respondWith ?? 'firstIncomingItem');
  let body: unknown;
  switch (how) {
    case 'firstIncomingItem': body = '{{ $json }}'; break;
    case 'allIncomingItems': body = '{{ $input.all().map((i) => i.json) }}'; break;
    case 'noData': body = null; break;
    case 'text': body = c.value(p.responseBody ?? '', 'responseBody'); break;
    case 'json': {
      const raw = p.responseBody;
      if (typeof raw === 'string' && !raw.startsWith('=')) {
        try { body = JSON.parse(raw); } catch { body = raw; }
      } else body = c.value(raw ?? {}, 'responseBody');
      break;
    }
    case 'redirect':
      headers.location = c.value(p.redirectURL ?? '', 'redirectURL');
      return { type: 'trigger.respond', params: { status: status === 200 ? 307 : status, headers, body: null } };
    default: return c.unsupported(`responding with "${how}" has no Junction equivalent`);
  }
  return { type: 'trigger.respond', params: { status, headers, body } };
};
