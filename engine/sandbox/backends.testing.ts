import { createQuickJsSandbox } from './quickjs-sandbox';
import { createSesSandbox } from './ses-sandbox';
import type { CodeSandbox } from './types';

/** Both Code backends, for tests that must hold on each: `describe.each(CODE_BACKENDS)`. */
export const CODE_BACKENDS: [name: string, create: () => CodeSandbox][] = [
  ['QuickJS', createQuickJsSandbox],
  ['Hardened JavaScript', createSesSandbox],
];
