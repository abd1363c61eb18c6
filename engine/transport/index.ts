/** How the service reaches a UI: one dispatch for every transport, and the `junction serve` server. */
export { dispatch, toWireError } from './dispatch';
export { createPendingRequests, replyOutput, type Reply } from './pending-requests';
export { isMethod, validateInput, MAX_PAGE_ITEMS, MAX_TEXT_CHARS } from './validate-input';
export { startServer, type RunningServer, type ServerOptions } from './ws-server';
export { CSP, mimeType, resolveStatic, serveStatic } from './static';
