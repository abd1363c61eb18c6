export * from './types';
export { analyzeGraph, type FlowGraph } from './graph';
export { validateFlow, outputPorts, type NodeLookup, type Validation } from './validate';
export { parseFlowText, formatProblems } from './parse';
export { serializeFlow, canonicalFlow } from './canonical';
export { walkExpressions } from './walk-params';
