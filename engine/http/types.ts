/**
 * The shared HTTP layer's shapes: what a connector or the HTTP Request node asks for and gets.
 * Plain data except the credential, which adds auth to a request it is handed.
 */

/** What the HTTP layer needs of a connection (a structural part of the SDK's ResolvedCredential). */
export interface HttpCredential {
  id: string;
  /** Adds auth (headers, query) to the request about to be sent. */
  apply(req: { url: URL; headers: Record<string, string> }): Promise<void>;
  /** The secret values in force now; each is redacted from errors, logs and recorded exchanges. */
  secrets(): string[];
  /** After a 401: renew (OAuth2) and say whether a retry is worth it. Called at most once per request. */
  refresh?(): Promise<boolean>;
}

/** A request body. `binary` takes bytes (or base64 text); `multipart` parts with `data` are files. */
export type HttpBody =
  | { type: 'json'; value: unknown }
  | { type: 'form'; fields: Record<string, string> }
  | { type: 'multipart'; parts: MultipartPart[] }
  | { type: 'raw'; text: string; contentType?: string }
  | { type: 'binary'; data: Uint8Array | string; contentType?: string };

export interface MultipartPart {
  name: string;
  value?: string;
  /** File content as bytes, or base64 text. */
  data?: Uint8Array | string;
  fileName?: string;
  contentType?: string;
}

export interface RetryOptions {
  /** Total attempts, the first included (1 = no retry). Default 4. */
  attempts?: number;
  /** First backoff; doubled per attempt, with full jitter. Default 500 ms. */
  baseMs?: number;
  /** Largest single wait, for backoff and for a server's Retry-After. Default 60 s. */
  maxWaitMs?: number;
  /** Statuses worth another attempt. Default 429, 500, 502, 503, 504. */
  statuses?: number[];
}

export interface TlsOptions {
  /** PEM of extra certificate authorities to trust (a company CA). */
  ca?: string;
  /** PEM client certificate and key, for mutual TLS. */
  cert?: string;
  key?: string;
  /** Off only for a test server with a self-signed certificate. */
  rejectUnauthorized?: boolean;
}

export interface HttpRequestOptions {
  method?: string;
  url: string | URL;
  query?: Record<string, string | number | boolean | undefined | (string | number)[]>;
  headers?: Record<string, string>;
  body?: HttpBody;
  credential?: HttpCredential;
  /** How to read the body: parsed JSON, text, bytes, or by Content-Type (default). */
  responseType?: 'auto' | 'json' | 'text' | 'binary';
  /** Non-2xx answers resolve instead of throwing (the API-client view). Default false. */
  allowErrorStatus?: boolean;
  retry?: RetryOptions | false;
  /** Requests per second for this connection (keyed by credential id, else host). */
  rateLimit?: { perSecond: number; burst?: number; key?: string };
  timeouts?: { connectMs?: number; totalMs?: number };
  /** Bytes; a larger response fails clearly instead of filling memory. Default 50 MB. */
  maxResponseBytes?: number;
  followRedirects?: boolean;
  proxy?: string;
  tls?: TlsOptions;
}

/** Milliseconds per phase; a reused connection spends 0 on DNS, connect and TLS. */
export interface HttpTiming {
  dns: number;
  connect: number;
  tls: number;
  firstByte: number;
  download: number;
  total: number;
}

/** One request and its response as recorded for people to read: secrets redacted, bodies cut short. */
export interface HttpExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string; size: number };
  response?: { status: number; statusText: string; headers: Record<string, string>; body: string; size: number };
  timing?: HttpTiming;
  attempts: number;
  error?: string;
}

export interface HttpResponse<T = unknown> {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** Parsed JSON, text, or bytes, per `responseType`. */
  body: T;
  /** The final URL (after redirects). */
  url: string;
  size: number;
  timing: HttpTiming;
  exchange: HttpExchange;
}

/** How the next page is found. Paths are dotted into the JSON body (`paging.next.after`). */
export type PagingSpec =
  | { style: 'cursor'; next: string; send: string; items?: string }
  | { style: 'offset'; param?: string; limitParam?: string; limit: number; start?: number; items?: string }
  | { style: 'page'; param?: string; start?: number; items?: string; limit?: number }
  | { style: 'link'; items?: string }
  | { style: 'nextUrl'; next: string; items?: string };

export interface PaginateOptions {
  /** Pages read at most; past it the result is marked truncated. Default 100. */
  maxPages?: number;
  /** Items kept at most. */
  maxItems?: number;
}

/** One page; `truncated` on the last one read when `maxPages` stopped the paging early. */
export interface Page<T> { items: T[]; response: HttpResponse; truncated?: boolean }

export interface PaginateResult<T> { items: T[]; pages: number; truncated: boolean; exchanges: HttpExchange[] }

/** What `ctx.http` is: bound to the run's cancel signal, clock and log. */
export interface HttpClient {
  request<T = unknown>(opts: HttpRequestOptions): Promise<HttpResponse<T>>;
  /** Every page, one at a time, as they arrive. */
  pages<T = unknown>(opts: HttpRequestOptions, paging: PagingSpec & PaginateOptions): AsyncGenerator<Page<T>>;
  /** Every item of every page, collected. */
  paginate<T = unknown>(opts: HttpRequestOptions, paging: PagingSpec & PaginateOptions): Promise<PaginateResult<T>>;
}
