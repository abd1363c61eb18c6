import { defineSqlNode } from '../sql/define';
import { postgresDriver } from './driver';

export default defineSqlNode({ driver: postgresDriver, prefix: 'postgres', title: 'PostgreSQL', reach: { by: 'connection', engine: 'postgres' } });
