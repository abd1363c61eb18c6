import { defineSqlNode } from '../sql/define';
import { sqliteDriver } from './driver';

export default defineSqlNode({ driver: sqliteDriver, prefix: 'sqlite', title: 'SQLite', reach: { by: 'file' } });
