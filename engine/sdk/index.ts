/**
 * The node SDK: the one module node types import from the engine.
 */
export { p, Field, ObjectField, isExpression, type FieldSpec, type Infer, type Problem } from './schema';
export { defineNode } from './define-node';
export { JunctionError, isJunctionError, toErrorInfo, type ErrorInfo } from './errors';
export { lazyLibrary } from './lazy-library';
export {
  FORBIDDEN_KEYS, assignJson, copyFields, deletePath, getPath, keyOf, pathGetter, pathParts, putKey, setPath,
} from './paths';
export { stableJson, toNumber } from './json-values';
export { newItem } from './items';
export type {
  BinaryRef, BinaryStore, Category, DatabaseSchema, NodeAccess, Clock, CodeRunner, CredentialSlot, ResolvedCredential, Item, JournalEntry, Logger, NodeContext, NodeDefinition,
  NodeInfo, NodeSession, NodeState, NodeType, Outputs, TriggerContext, WriteOp, WriteRequest,
} from './types';
export { compilePattern, patternProblem, MAX_PATTERN_INPUT } from './patterns';
export { formatProblem, parseFormatProblem, parseWithFormat } from './date-formats';
export { HttpError } from '../http/errors';
export { toBuffer } from './bytes';
export type {
  HttpBody, HttpClient, HttpCredential, HttpExchange, HttpRequestOptions, HttpResponse, HttpTiming, MultipartPart,
  Page, PaginateOptions, PaginateResult, PagingSpec, RetryOptions, TlsOptions,
} from '../http/types';
