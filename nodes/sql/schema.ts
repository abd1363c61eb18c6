/** The schema browser's answer for one database: every table with its columns, types and keys. */
import type { DatabaseSchema } from '../../engine/sdk';
import type { Driver, SqlConnectionSource } from './types';

export async function describeDatabase(driver: Driver, source: SqlConnectionSource, schema?: string): Promise<DatabaseSchema> {
  const client = await driver.connect(source, 'junction schema browser');
  try {
    const tables = await driver.describe(client, { schema: schema || undefined });
    return {
      tables: tables.map((t) => ({
        name: t.name, ...(t.schema ? { schema: t.schema } : {}),
        columns: t.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, isKey: c.isKey })),
      })),
    };
  } finally {
    await client.close().catch(() => {});
  }
}
