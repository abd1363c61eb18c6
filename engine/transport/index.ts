/** How the service reaches a UI: one dispatch for every transport, and the `junction serve` server. */
export { dispatch, toWireError, type Reply } from './dispatch';
export { isMethod, validateInput, MAX_PAGE_ITEMS, MAX_TEXT_CHARS } from './validate-input';
export { startServer, type RunningServer, type ServerOptions } from './ws-server';
export { CSP, mimeType, resolveStatic, serveStatic } from './static';
