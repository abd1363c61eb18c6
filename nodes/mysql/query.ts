import { defineSqlNode } from '../sql/define';
import { mysqlDriver } from './driver';

export default defineSqlNode({ driver: mysqlDriver, prefix: 'mysql', title: 'MySQL', reach: { by: 'connection', engine: 'mysql' } });
