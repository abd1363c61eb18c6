/** Postgres v1–v2.x → postgres.query. */
import type { Mapper } from '../context';
import { mapSql } from './sql';

export const mapPostgres: Mapper = (c) => mapSql(c, 'postgres.query');
