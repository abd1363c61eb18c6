/**
 * Node settings and credentials: retry, on-error, disabled and notes carry over; n8n's
 * credential references become connection references (id, kind, name), never values.
 */
import type { CredentialRef, NodeSettings } from '../../flow/types';
import type { ImportNote } from '../types';
import type { N8nNode } from './context';

/** n8n: retryOnFail + maxTries (default 3) + waitBetweenTries (default 1,000 ms); onError or the older continueOnFail. */
export function settingsOf(node: N8nNode, at: string, notes: ImportNote[]): NodeSettings | undefined {
  const s: NodeSettings = {};
  if (node.retryOnFail === true) {
    const attempts = Math.min(10, Math.max(1, Number(node.maxTries ?? 3)));
    s.retry = { attempts, backoff: 'fixed', delayMs: Math.max(0, Number(node.waitBetweenTries ?? 1000)) };
  }
  if (node.onError === 'continueRegularOutput' || (node.onError === undefined && node.continueOnFail === true)) s.onError = 'continue';
  else if (node.onError === 'continueErrorOutput') s.onError = 'errorPort';
  if (node.disabled === true) s.disabled = true;
  if (typeof node.notes === 'string' && node.notes.trim()) s.notes = node.notes;
  if (node.alwaysOutputData === true) notes.push({ severity: 'warning', kind: 'option', path: `${at}.alwaysOutputData`, message: '"Always output data" has no equivalent: a node with no items passes none on' });
  if (node.executeOnce === true) notes.push({ severity: 'warning', kind: 'option', path: `${at}.executeOnce`, message: '"Execute once" has no equivalent: the node runs for every item; add a Limit node before it' });
  return Object.keys(s).length ? s : undefined;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'connection';

/**
 * The node's credential references. `slotFor` names the Junction slot and kind of a mapped node;
 * placeholders keep n8n's credential type as the slot and `n8n:<type>` as the kind.
 */
export function credentialsOf(
  node: N8nNode, at: string, notes: ImportNote[],
  spec: { slot: string; kind: (n8nType: string) => string } | undefined,
): Record<string, CredentialRef> | undefined {
  const creds = node.credentials;
  if (!creds || typeof creds !== 'object') return undefined;
  const out: Record<string, CredentialRef> = {};
  for (const [n8nType, ref] of Object.entries(creds)) {
    const path = `${at}.credentials.${n8nType}`;
    const given = typeof ref === 'string' ? ref : (ref as { name?: unknown })?.name;
    const name = typeof given === 'string' && given.trim() ? given : n8nType;
    const rawId = typeof ref === 'object' && ref !== null ? (ref as { id?: unknown }).id : undefined;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? `n8n-${rawId}` : `n8n-${slug(name)}`;
    const slot = spec && !out[spec.slot] ? spec.slot : n8nType;
    const type = spec ? spec.kind(n8nType) : `n8n:${n8nType}`;
    out[slot] = { id, type, name };
    notes.push({ severity: 'info', kind: 'credential', path, message: `uses the n8n credential "${name}" (${n8nType}): map it to a Junction connection of kind ${type}` });
  }
  return Object.keys(out).length ? out : undefined;
}
