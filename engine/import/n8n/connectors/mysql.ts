/** MySQL v1–v2.x → mysql.query (PENDING ALIGNMENT with the node's schema; see sql.ts). */
import type { Mapper } from '../context';
import { mapSql } from './sql';

export const mapMySql: Mapper = (c) => mapSql(c, 'mysql.query');
