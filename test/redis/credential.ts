import { staticCredential } from '../../engine/sdk/testing';

/** A 'redis' connection to the test server, as the engine resolves it. */
export const redisCredential = (info: Record<string, string | number>, as: { user?: string; password?: string } = {}) =>
  staticCredential('redis', { host: info.host, port: info.port, db: 0, user: as.user }, as.password ? { password: as.password } : {});
