// What the migrations create, read from a fresh in-memory database built by the same migrations:
// `periksa` compares a ledger's triggers with it, so a trigger dropped or rewritten is found.
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { daftarPemicu, type Pemicu } from './check-repo.js';
import { penyediaMigrasi } from './migrations/index.js';
import { bukaSqlite } from './sqlite.js';
import type { Database } from './types.js';

let tersimpan: Promise<Pemicu[]> | undefined;

export function pemicuHarapan(): Promise<Pemicu[]> {
  tersimpan ??= bangun();
  return tersimpan;
}

async function bangun(): Promise<Pemicu[]> {
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
    return await daftarPemicu(db);
  } finally {
    await db.destroy();
  }
}
