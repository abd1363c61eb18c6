import { defineChangesNode } from '../sql/define';
import { mysqlDriver } from './driver';

export default defineChangesNode({ driver: mysqlDriver, prefix: 'mysql', title: 'MySQL', reach: { by: 'connection', engine: 'mysql' } });
