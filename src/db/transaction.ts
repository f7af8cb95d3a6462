// Write transactions: BEGIN IMMEDIATE so two commands on one file queue on the busy timeout
// instead of failing mid-way; everything inside uses the transaction's own Kysely object.
import { type Kysely, sql } from 'kysely';
import type { Database } from './types.js';

export type Tx = Kysely<Database>;

export async function withTransaction<T>(db: Kysely<Database>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn);
      throw err;
    }
  });
}
