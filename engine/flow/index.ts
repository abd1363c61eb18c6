export * from './types';
export { analyzeGraph, type FlowGraph } from './graph';
export { validateFlow, outputPorts, type NodeLookup, type Validation } from './validate';
export { parseFlowText, formatProblems, nestingProblem } from './parse';
export { capProblems } from './problem-list';
export { MAX_FLOW_DEPTH, MAX_PROBLEMS, clip, echo } from './limits';
export { serializeFlow, canonicalFlow } from './canonical';
export { walkExpressions } from './walk-params';
