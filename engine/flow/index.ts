export * from './types';
export { analyzeGraph, type FlowGraph } from './graph';
export { validateFlow, outputPorts, type NodeLookup, type Validation } from './validate';
export { parseFlowText, formatProblems } from './parse';
export { serializeFlow, canonicalFlow } from './canonical';
export { walkExpressions } from './walk-params';
export { upstreamOf, downstreamOf } from './walks';
export { withErrorPort, ERROR_PORT } from './ports';
export { inferFields, fieldTypeOf, FIELD_SAMPLE_ITEMS, MAX_FIELD_DEPTH, type InferredField, type FieldType } from './field-paths';
