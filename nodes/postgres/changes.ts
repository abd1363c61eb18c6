import { defineChangesNode } from '../sql/define';
import { postgresDriver } from './driver';

export default defineChangesNode({ driver: postgresDriver, prefix: 'postgres', title: 'PostgreSQL', reach: { by: 'connection', engine: 'postgres' } });
