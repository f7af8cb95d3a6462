// The import log, register inserts, and the reads that feed an import's in-memory duplicate and
// balance checks. The cash rows' bulk writes live in tulis-massal.ts (the writer thread loads them).
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Rupiah } from '../domain/money.js';
import { jurnalkan } from './jurnal-repo.js';
import type { Kas } from './kas-repo.js';
import type { Database, ImporRow } from './types.js';

export type Impor = Selectable<ImporRow>;

export interface Hitungan {
  dibaca: number;
  ditambah: number;
  sudah_ada: number;
  mungkin_ganda: number;
  ditolak: number;
}

export interface Transaksi {
  commit(): void;
  rollback(): void;
}

/** BEGIN IMMEDIATE on the raw connection: the import loop is asynchronous (it streams the file). */
export function beginImmediate(sqlite: BetterSqlite3.Database): Transaksi {
  // a large import touches many pages; a bigger page cache keeps them from spilling to the WAL mid-transaction
  sqlite.pragma('cache_size = -262144');
  sqlite.exec('BEGIN IMMEDIATE');
  return {
    commit: () => sqlite.exec('COMMIT'),
    rollback: () => {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    },
  };
}

export async function listImpor(db: Kysely<Database>): Promise<Impor[]> {
  return db.selectFrom('impor').selectAll().orderBy('id').execute();
}

export async function findImpor(db: Kysely<Database>, id: number): Promise<Impor | undefined> {
  return db.selectFrom('impor').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markImporBatal(db: Kysely<Database>, id: number, waktu: string, oleh: string): Promise<void> {
  await db.updateTable('impor').set({ dibatalkan: waktu, dibatalkan_oleh: oleh }).where('id', '=', id).execute();
  await jurnalkan(db, 'impor', id, 'ubah', waktu);
}

export { type PenyisipRegister, registerInserter } from './register-massal.js';

/** The columns of a register that exist in its table (fields declared but not stored are left out). */
export function kolomTabel(sqlite: BetterSqlite3.Database, tabel: string): Set<string> {
  return new Set((sqlite.prepare(`PRAGMA table_info("${tabel}")`).all() as { name: string }[]).map((c) => c.name));
}

/** Rows a query of iterateRegister reads at once. */
const SEKALI_BACA = 1024;

/**
 * Streams the rows already in a register, for the duplicate check: 1,024 rows to a query as arrays, each made an
 * object here (SQLite's own objects and a call per row cost twice as much: 100,000 donors read in 0.17 s, not 0.31).
 */
export function* iterateRegister(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  kolom: string[],
): Generator<Record<string, unknown>> {
  const baca = (syarat: string) =>
    sqlite
      .prepare(`SELECT id, ${kolom.map((k) => `"${k}"`).join(', ')} FROM "${tabel}" ${syarat}
        ORDER BY id LIMIT ${SEKALI_BACA}`)
      .raw(true);
  const [awal, lanjut] = [baca(''), baca('WHERE id > ?')];
  const nama = ['id', ...kolom];
  for (let setelah: unknown; ; ) {
    const baris = (setelah === undefined ? awal.all() : lanjut.all(setelah)) as unknown[][];
    for (const v of baris) {
      const r: Record<string, unknown> = {};
      for (let c = 0; c < nama.length; c++) r[nama[c]!] = v[c];
      yield r;
    }
    if (baris.length < SEKALI_BACA) return;
    setelah = baris.at(-1)![0];
  }
}

export function lastKas(sqlite: BetterSqlite3.Database): { id: number; hash: string } | undefined {
  return sqlite.prepare('SELECT id, hash FROM kas ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
}

/**
 * The last voucher sequence of each kind and year. The (bukti, tahun) pairs are found by skipping through the
 * sequence's unique index, one seek each, and each pair's largest number by one more: a GROUP BY over the table
 * read the whole index (0.2 s on a million entries, at every import's start).
 */
export function maxUrut(sqlite: BetterSqlite3.Database): { bukti: string; tahun: number; maks: number }[] {
  type Pasangan = { bukti: string; tahun: number };
  const pertama = sqlite.prepare<[], Pasangan>('SELECT bukti, tahun FROM kas ORDER BY bukti, tahun LIMIT 1');
  const tahunBerikut = sqlite.prepare<[string, number], Pasangan>(
    'SELECT bukti, tahun FROM kas WHERE bukti = ? AND tahun > ? ORDER BY tahun LIMIT 1',
  );
  const buktiBerikut = sqlite.prepare<[string], Pasangan>(
    'SELECT bukti, tahun FROM kas WHERE bukti > ? ORDER BY bukti, tahun LIMIT 1',
  );
  const maks = sqlite
    .prepare<[string, number], number>('SELECT max(urut) FROM kas WHERE bukti = ? AND tahun = ?')
    .pluck();
  const out: { bukti: string; tahun: number; maks: number }[] = [];
  for (let p = pertama.get(); p; p = tahunBerikut.get(p.bukti, p.tahun) ?? buktiBerikut.get(p.bukti))
    out.push({ ...p, maks: maks.get(p.bukti, p.tahun)! });
  return out;
}

/** An entry that stands, as a re-imported file's row is matched against it. */
export interface KasBerlaku {
  nomor: string;
  tanggal: string;
  arah: string;
  jumlah: Rupiah;
  sumber: string | null;
  jenis: string | null;
  dana: string | null;
  akun: string;
  uraian: string | null;
}

/**
 * The entries of one day that stand (neither voided nor a reversal), in posting order, for matching rows of a
 * re-imported file: read day by day through the date index, so a small import into a large book reads the days
 * of its own rows, not the whole book.
 */
export function kasBerlakuPada(sqlite: BetterSqlite3.Database): (tanggal: string) => KasBerlaku[] {
  // `+batal_dari`: not through batal_dari's index, which SQLite would pick for IS NULL and which holds every entry
  // that is no void (0.4 s on a million entries); the day's range of the date index instead (0.1 ms)
  const stmt = sqlite.prepare<[string], KasBerlaku>(
    'SELECT nomor, tanggal, arah, jumlah, sumber, jenis, dana, akun, uraian FROM kas k WHERE tanggal = ? ' +
      'AND +batal_dari IS NULL AND NOT EXISTS (SELECT 1 FROM kas b WHERE b.batal_dari = k.id) ORDER BY id',
  );
  return (tanggal) => stmt.all(tanggal);
}

/** Entries of an import that still stand, in posting order. */
export async function kasBerlakuDariImpor(db: Kysely<Database>, imporId: number): Promise<Kas[]> {
  return db
    .selectFrom('kas as k')
    .selectAll('k')
    .where('k.impor_id', '=', imporId)
    .where('k.batal_dari', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('kas as b').select('b.id').whereRef('b.batal_dari', '=', 'k.id'))),
    )
    .orderBy('k.id')
    .execute();
}

/** What keeps a register row alive after its import is reversed: money or aid pointing at it, or edits since. */
const DIPAKAI: Record<string, string> = {
  donatur:
    `id IN (SELECT donatur_id FROM kas WHERE donatur_id IS NOT NULL) OR id IN (SELECT donatur_id FROM natura ` +
    `WHERE donatur_id IS NOT NULL)`,
  ppks: `id IN (SELECT ppks_id FROM penyaluran)`,
  psks: `0`,
};

export async function removeUnusedRegisterRows(
  db: Kysely<Database>,
  tabel: 'donatur' | 'ppks' | 'psks',
  imporId: number,
): Promise<{ dihapus: number; dipertahankan: { id: number; nama: string }[] }> {
  const dipakai = `(${DIPAKAI[tabel]} OR id IN (SELECT baris_id FROM perubahan WHERE tabel = '${tabel}'))`;
  const tetap = await sql<{
    id: number;
    nama: string;
  }>`SELECT id, nama FROM ${sql.table(tabel)} WHERE impor_id = ${imporId} AND ${sql.raw(dipakai)} ORDER BY id`.execute(
    db,
  );
  const hapus = await sql<{ id: number; uid: string }>`
    SELECT id, uid FROM ${sql.table(tabel)} WHERE impor_id = ${imporId} AND NOT ${sql.raw(dipakai)}`.execute(db);
  const r = await sql`DELETE FROM ${sql.table(tabel)} WHERE impor_id = ${imporId} AND NOT ${sql.raw(dipakai)}`.execute(
    db,
  );
  const waktu = new Date().toISOString();
  for (const h of hapus.rows) await jurnalkan(db, tabel, h.id, 'hapus', waktu, h.uid);
  return { dihapus: Number(r.numAffectedRows ?? 0), dipertahankan: tetap.rows };
}
