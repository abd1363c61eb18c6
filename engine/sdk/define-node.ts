import { checkParams } from './check-params';
import { schemaMistakes } from './check-schema';
import type { Shape } from './schema';
import type { NodeContext, NodeDefinition, NodeType, Outputs } from './types';

/** A source's batches gathered into one output, for runs that do not stream. */
function collectStream<P>(stream: (ctx: NodeContext<P>) => AsyncIterable<Outputs>) {
  return async (ctx: NodeContext<P>): Promise<Outputs> => {
    const all: Outputs = {};
    for await (const batch of stream(ctx)) {
      for (const [port, items] of Object.entries(batch)) {
        const into = (all[port] ??= []);
        for (const item of items) into.push(item);
      }
    }
    return all;
  };
}

const TYPE_NAME = /^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9-]*)+$/;

/** Declares a node type. The engine discovers every default export under nodes/. */
export function defineNode<S extends Shape>(def: Omit<NodeDefinition<S>, 'execute'> & Partial<Pick<NodeDefinition<S>, 'execute'>>): NodeType {
  if (!TYPE_NAME.test(def.type)) throw new Error(`node type "${def.type}" must look like service.resource.action`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new Error(`node type "${def.type}" needs a version ≥ 1`);
  const mistakes = schemaMistakes(def.params.spec);
  if (mistakes.length) throw new Error(`node type "${def.type}" has a faulty params schema:\n  ${mistakes.join('\n  ')}`);
  if (!def.execute && !def.stream) throw new Error(`node type "${def.type}" needs execute or stream`);
  const generic = { ...def, execute: def.execute ?? collectStream(def.stream!) } as unknown as NodeDefinition;
  // Dynamic ports read params with defaults filled; params that break the function (a
  // half-filled node in the editor) give no ports rather than an exception.
  const outputsFor = (params: Record<string, unknown>): string[] => {
    if (typeof generic.outputs !== 'function') return generic.outputs;
    try { return generic.outputs(checkParams(def.params.spec, params, 'params').value as never); } catch { return []; }
  };
  return Object.freeze({
    ...generic,
    paramSpec: def.params.spec,
    outputsFor,
    labelsFor(params: Record<string, unknown>) {
      try { return generic.outputLabels?.(params as never) ?? {}; } catch { return {}; } // labels are cosmetic: never fail a check over them
    },
    validate(params: unknown) {
      const { value, problems } = checkParams(def.params.spec, params ?? {}, 'params');
      const filled = (value ?? {}) as Record<string, unknown>;
      // Every problem in one pass: the check runs on flawed params too, and one that trips
      // over a malformed value adds nothing rather than hiding what the schema found.
      if (generic.check) {
        try { problems.push(...generic.check(filled)); } catch { /* the schema's problems already say what is wrong */ }
      }
      return { value: filled, problems };
    },
  });
}
