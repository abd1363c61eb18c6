import type { FlowNode } from './types';

/**
 * The error-port rule: a node whose onError setting is `errorPort` gains an output named
 * `error`, beside the ports its type declares. The validator, the editor's cards and the
 * executor all read it here.
 */
export const ERROR_PORT = 'error';

export function withErrorPort(ports: readonly string[], settings: FlowNode['settings']): string[] {
  return settings?.onError === 'errorPort' && !ports.includes(ERROR_PORT) ? [...ports, ERROR_PORT] : [...ports];
}
