// The preview process: answers `expr.preview` and `expr.paths` one at a time. It keeps the
// last run's data it was sent until the service sends newer, so a preview costs one
// expression, not a copy of 100,000 items.
import { pathsOf, previewOf } from '../service/expr-values';
import { toErrorInfo } from '../sdk/errors';
import type { PreviewData, PreviewReply, ToPreviewWorker } from './protocol';

/** The process's message handler: one request in, one reply out. */
export function previewWorker(): (m: ToPreviewWorker) => void {
  let data: PreviewData = { key: '', outputs: new Map(), inputs: new Map() };
  return (m) => {
    let reply: PreviewReply;
    try {
      if (m.type === 'data') data = m.data;
      const value = m.type === 'data' ? null : m.type === 'paths' ? { fields: pathsOf(m.flow, m.nodeId, data) } : previewOf(m.flow, m.nodeId, m.mainPort, m.expression, data, m.context);
      reply = { id: m.id, ok: true, value };
    } catch (e) {
      reply = { id: m.id, ok: false, error: toErrorInfo(e) };
    }
    process.send!(reply);
  };
}
