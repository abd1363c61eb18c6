/** The shared HTTP layer (DESIGN section 5): what connectors and the HTTP Request node build on. */
export { createHttpClient, buildUrl, DEFAULT_LIMITS, type HttpDeps } from './client';
export { HttpError } from './errors';
export { nextLink } from './paginate';
export { parseRetryAfter } from './retry';
export { REDACTED, redactor } from './redact';
export type * from './types';
