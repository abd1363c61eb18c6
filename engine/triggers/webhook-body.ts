/** The body as a flow reads it: JSON and forms parsed, anything else as text. */
export function parseBody(raw: Buffer, contentType: string | undefined): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (raw.length === 0) return { ok: true, value: null };
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (e) {
      return { ok: false, reason: `the body is not valid JSON: ${(e as Error).message}` };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  return { ok: true, value: text };
}
