import type { FieldSpec } from '../sdk/schema';
import type { CredentialSlot, NodeType } from '../sdk/types';

/** What a node type says about itself that crosses to the editor as it is. */
type Described = Pick<NodeType, 'type' | 'version' | 'title' | 'category' | 'description' | 'icon' | 'inputs'>;

/**
 * A node type as plain data: what the palette, the inspector and `junction nodes` show.
 * Derived from the definition (its fields, its params spec), never restated beside it.
 */
export interface NodeDescription extends Described {
  /** Output ports with default params; `hasDynamicOutputs` when params change them. */
  outputs: string[];
  hasDynamicOutputs: boolean;
  isTrigger: boolean;
  isEditorOnly: boolean;
  isLoop: boolean;
  params: FieldSpec;
  /**
   * In a streamed run: 'batch' handles each batch as it arrives, 'collect' collects all items
   * before it runs, 'source' yields its output in batches; absent for nodes without inputs or
   * outputs to stream (triggers, notes).
   */
  streaming?: 'batch' | 'collect' | 'source';
  /** Connection slots: the inspector shows a connection picker for each. */
  credentials?: CredentialSlot[];
}

export function describeNode(t: NodeType): NodeDescription {
  const defaults = t.validate({}).value;
  return {
    type: t.type, version: t.version, title: t.title, category: t.category, description: t.description,
    ...(t.icon ? { icon: t.icon } : {}),
    inputs: [...t.inputs],
    outputs: t.outputsFor(defaults),
    hasDynamicOutputs: typeof t.outputs === 'function',
    isTrigger: !!t.isTrigger, isEditorOnly: !!t.isEditorOnly, isLoop: t.control === 'loop',
    params: t.paramSpec,
    ...streamingOf(t),
    ...(t.credentials?.length ? { credentials: t.credentials.map((c) => ({ ...c, types: [...c.types] })) } : {}),
  };
}

function streamingOf(t: NodeType): Pick<NodeDescription, 'streaming'> {
  if (t.stream) return { streaming: 'source' };
  if (t.isEditorOnly || t.isTrigger || !t.inputs.length) return {};
  return { streaming: t.batching === 'item' ? 'batch' : 'collect' };
}

/** One sentence per streaming mode, for the catalog and the editor. */
export const STREAMING_NOTE: Record<NonNullable<NodeDescription['streaming']>, string> = {
  batch: 'Handles each batch as it arrives in a streamed run.',
  collect: 'Collects all items before it runs.',
  source: 'Reads its output in batches: the nodes after it that work item by item get each batch as it comes.',
};

const kindLabel = (f: FieldSpec): string => {
  switch (f.kind) {
    case 'select': return `one of ${f.options!.map((o) => `\`${o}\``).join(', ')}`;
    case 'list': return `list of ${kindLabel(f.of!)}`;
    case 'variant': return `one of: ${Object.keys(f.cases!).map((c) => `\`${c}\``).join(', ')} (by \`${f.discriminator}\`)`;
    case 'fieldPath': return 'field path';
    case 'keyValue': return 'names → values';
    default: return f.kind;
  }
};

function paramRows(fields: Record<string, FieldSpec>, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([name, f]) => {
    const flags = [f.required ? 'required' : '', f.default !== undefined ? `default \`${JSON.stringify(f.default)}\`` : '', f.literal ? 'no expressions' : ''].filter(Boolean).join(', ');
    const row = `| \`${prefix}${name}\` | ${kindLabel(f)} | ${flags} | ${(f.description ?? '').replace(/\|/g, '\\|')} |`;
    const nested = f.kind === 'object' ? paramRows(f.fields!, `${prefix}${name}.`)
      : f.kind === 'list' && f.of!.kind === 'object' ? paramRows(f.of!.fields!, `${prefix}${name}[].`)
      : f.kind === 'variant' ? Object.entries(f.cases!).flatMap(([c, fs]) => paramRows(fs, `${prefix}${name}{${c}}.`)) : [];
    return [row, ...nested];
  });
}

/** The catalog as Markdown, generated from the node schemas (`junction nodes --markdown`). */
export function catalogMarkdown(nodes: NodeDescription[]): string {
  const parts = ['# Junction node catalog', '', `${nodes.length} node types, generated from their schemas.`, ''];
  for (const n of nodes) {
    parts.push(`## ${n.title} — \`${n.type}\` v${n.version}`, '', n.description, '',
      `Category: ${n.category}. Inputs: ${n.inputs.join(', ') || 'none'}. Outputs: ${n.outputs.join(', ') || 'none'}${n.hasDynamicOutputs ? ' (depend on params)' : ''}.${n.streaming ? ` ${STREAMING_NOTE[n.streaming]}` : ''}`, '');
    const rows = paramRows(n.params.fields ?? {});
    if (rows.length) parts.push('| param | kind | | description |', '|---|---|---|---|', ...rows, '');
  }
  return parts.join('\n');
}
