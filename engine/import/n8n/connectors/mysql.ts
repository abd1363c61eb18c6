/** MySQL v1–v2.x → mysql.query. */
import type { Mapper } from '../context';
import { mapSql } from './sql';

export const mapMySql: Mapper = (c) => mapSql(c, 'mysql.query');
