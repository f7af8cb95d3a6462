// Opening a unit's ledger file: pragmas, permissions, migrations (with a backup first).
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { galatPenuh, kodeGalat, petakanGalat } from './galat.js';
import { MIGRASI, penyediaMigrasi } from './migrations/index.js';
import { bukaSqlite } from './sqlite.js';
import type { Database } from './types.js';

export interface Ledger {
  path: string;
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** create the file, or fill a zero-byte one (init only); otherwise it must be a ledger */
  create?: boolean;
  readonly?: boolean;
}

export async function openLedger(file: string, opts: OpenOptions = {}): Promise<Ledger> {
  const jenis = fs.statSync(file, { throwIfNoEntry: false });
  // a folder or a device given as the book is a slip of --db: said so, not "damaged" or "a failing disk"
  if (jenis?.isDirectory()) throw new UserError(pesan.bukuAdalahFolder(file));
  if (jenis && !jenis.isFile()) throw new UserError(pesan.bukuBukanBerkas(file));
  const ada = jenis !== undefined;
  if (!ada && !opts.create) throw new LedgerError(pesan.berkasTidakAda(file));
  // a zero-byte file is not a new ledger: only init may fill it
  const kosong = ada && jenis.size === 0;
  if (kosong && !opts.create) throw new LedgerError(pesan.berkasKosong(file));
  if (!ada) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  }
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = bukaSqlite(file, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    // a file with content but without our migration table is someone else's: never touched, never migrated
    if (ada && !kosong && !tabelAda(sqlite, 'migrasi')) throw new Error('bukan buku WKSBM');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
  } catch (err) {
    // the handle is opened lazily by SQLite and may exist although the file is not a database
    sqlite?.close();
    // SQLite's own words are English; the user gets one Indonesian sentence
    const dipetakan = kodeGalat(err) === 'SQLITE_NOTADB' ? err : petakanGalat(err, file);
    throw dipetakan !== err ? dipetakan : new LedgerError(pesan.bukanBerkasWksbm(file));
  }
  keepPrivate(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const ledger: Ledger = {
    path: file,
    sqlite,
    db,
    close: async () => {
      await db.destroy();
      // kysely closes the handle only when it has used it
      if (sqlite.open) sqlite.close();
    },
  };
  try {
    await migrate(ledger, ada && !kosong);
  } catch (err) {
    await ledger.close();
    throw petakanGalat(err, file);
  }
  return ledger;
}

/** The file and its WAL companions hold personal data: owner-only. */
function keepPrivate(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      /* companion not created yet */
    }
  }
}

async function migrate(ledger: Ledger, existed: boolean): Promise<void> {
  if (existed && skemaTerkini(ledger.sqlite)) return;
  const migrator = new Migrator({
    db: ledger.db,
    provider: penyediaMigrasi,
    migrationTableName: 'migrasi',
    migrationLockTableName: 'migrasi_kunci',
  });
  const known = await migrator.getMigrations();
  const pending = known.filter((m) => !m.executedAt);
  const executedUnknown = await executedNames(ledger);
  if (executedUnknown.some((n) => !(n in MIGRASI))) throw new LedgerError(pesan.skemaLebihBaru(ledger.path));
  if (pending.length === 0) return;
  // a full disk, in the backup or in a migration, is named with the room to make: the backup, the rebuilt tables in
  // the journal and the compacted copy take about four times the file at the peak
  const penuh = (err: unknown) => {
    if (!galatPenuh(err)) return err;
    // a new book (init) is not upgraded: it cannot be made
    if (!existed) return new LedgerError(pesan.bukuBaruDiskPenuh(ledger.path));
    return new LedgerError(pesan.migrasiDiskPenuh(ledger.path, Math.ceil((4 * fs.statSync(ledger.path).size) / 1e6)));
  };
  try {
    if (existed && pending.length < known.length) backupBeforeMigration(ledger);
  } catch (err) {
    throw penuh(err);
  }
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return;
  const dipetakan = galatPenuh(error) ? penuh(error) : petakanGalat(error, ledger.path);
  if (dipetakan !== error) throw dipetakan;
  const gagal = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
  throw new LedgerError(`migrasi ${gagal} gagal: ${(error as Error).message}`);
}

/**
 * The migrations run are exactly the bundled ones: nothing to do. One read of the migration table, so a
 * current file opens without the Migrator (which reads the whole schema to find its own tables).
 */
function skemaTerkini(sqlite: BetterSqlite3.Database): boolean {
  const jalan = sqlite.prepare('SELECT name FROM migrasi ORDER BY name').pluck().all() as string[];
  const bawaan = Object.keys(MIGRASI).sort();
  return jalan.length === bawaan.length && jalan.every((n, i) => n === bawaan[i]);
}

function tabelAda(sqlite: BetterSqlite3.Database, nama: string): boolean {
  return Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(nama));
}

async function executedNames(ledger: Ledger): Promise<string[]> {
  if (!tabelAda(ledger.sqlite, 'migrasi')) return [];
  return (ledger.sqlite.prepare('SELECT name FROM migrasi').all() as { name: string }[]).map((r) => r.name);
}

function backupBeforeMigration(ledger: Ledger): void {
  const tujuan = `${ledger.path}.sebelum-migrasi-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  // created owner-only before SQLite writes the ledger into it (VACUUM INTO accepts an empty file)
  fs.closeSync(fs.openSync(tujuan, 'wx', 0o600));
  try {
    ledger.sqlite.exec(`VACUUM INTO '${tujuan.replace(/'/g, "''")}'`);
  } catch (err) {
    // a copy cut short (a full disk) is no backup: it goes, and the ledger is not migrated
    fs.rmSync(tujuan, { force: true });
    throw err;
  }
  fs.chmodSync(tujuan, 0o600);
}
