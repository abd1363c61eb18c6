// The preview thread: answers `expr.preview` and `expr.paths` one at a time. It keeps the
// last run's data it was sent until the service sends newer, so a preview costs one
// expression, not a copy of 100,000 items.
import type { MessagePort } from 'node:worker_threads';
import { pathsOf, previewOf } from '../service/expr-values';
import { toErrorInfo } from '../sdk/errors';
import type { FromPreviewThread, PreviewData, ToPreviewThread } from './protocol';

export function servePreviews(port: MessagePort): void {
  let data: PreviewData = { key: '', outputs: new Map(), inputs: new Map() };
  port.on('message', (m: ToPreviewThread) => {
    if (m.data) data = m.data;
    let reply: FromPreviewThread;
    try {
      const value = m.type === 'paths' ? { fields: pathsOf(m.flow, m.nodeId, data) } : previewOf(m.flow, m.nodeId, m.mainPort, m.expression, data, m.context);
      reply = { id: m.id, ok: true, value };
    } catch (e) {
      reply = { id: m.id, ok: false, error: toErrorInfo(e) };
    }
    port.postMessage(reply);
  });
}
