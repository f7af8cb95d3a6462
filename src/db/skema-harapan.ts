// What the migrations create, read from a fresh in-memory database built by the same migrations:
// `periksa` compares a ledger's tables, indexes and triggers with it, so a rule dropped or rewritten is found.
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { daftarSkema, type ObjekSkema } from './check-repo.js';
import { penyediaMigrasi } from './migrations/index.js';
import { bukaSqlite } from './sqlite.js';
import type { Database } from './types.js';

let tersimpan: Promise<ObjekSkema[]> | undefined;

export function skemaHarapan(): Promise<ObjekSkema[]> {
  tersimpan ??= bangun();
  return tersimpan;
}

async function bangun(): Promise<ObjekSkema[]> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: bukaSqlite(':memory:') }) });
  try {
    const migrator = new Migrator({
      db,
      provider: penyediaMigrasi,
      migrationTableName: 'migrasi',
      migrationLockTableName: 'migrasi_kunci',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    return await daftarSkema(db);
  } finally {
    await db.destroy();
  }
}
