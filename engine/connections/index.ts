/** Connections (credentials): kinds, storage split (metadata / secrets), tokens, sign-in, tests. */
export { CONNECTION_TYPES, connectionType, type ConnectionFieldInfo, type ConnectionTypeInfo } from './kinds';
export { createConnectionManager, type ConnectionInput, type ConnectionManager } from './manager';
export { startSignIn, type SignIn } from './authorize';
export { redact, testConnection } from './test-connection';
export { connectionUses, remapConnections } from './usage';
export type { ConnectionUse, TestResult } from './types';
export { signAssertion, JWT_BEARER_GRANT } from './jwt';
