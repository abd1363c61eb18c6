/**
 * Expressions: `{{ … }}` templates in parameter values, parsed with acorn and compiled to host
 * closures over an allow-list. Nothing is ever evaluated as JavaScript. See DESIGN.md §4.
 */
export { compileTemplate, checkTemplate, referencedNodes, type Template } from './template';
export { hostObject, hostFunction } from './host';
export { ExprError, chargeShared, nodeBudget, type StepBudget } from './limits';
export type { ExprScope } from './types';
