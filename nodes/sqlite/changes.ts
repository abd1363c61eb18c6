import { defineChangesNode } from '../sql/define';
import { sqliteDriver } from './driver';

export default defineChangesNode({ driver: sqliteDriver, prefix: 'sqlite', title: 'SQLite', reach: { by: 'file' } });
