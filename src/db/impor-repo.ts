// The import log, register inserts, and the reads that feed an import's in-memory duplicate and
// balance checks. The cash rows' bulk writes live in tulis-massal.ts (the writer thread loads them).
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import { uidBaru } from '../domain/jurnal.js';
import type { Rupiah } from '../domain/money.js';
import { jurnalkan } from './jurnal-repo.js';
import { penjurnalLot } from './jurnal-sync.js';
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

export interface PenyisipRegister {
  /** queues a row (values in the order of `kolom`) and returns the id it is written under */
  tulis(nilai: readonly unknown[]): number;
  /** writes and journals what is still queued; call before the import commits */
  akhiri(): void;
}

/** rows per INSERT statement */
const SEKALIGUS = 32;

/**
 * Inserts into a register, 32 rows to a statement, every column bound: the id (the next after the largest,
 * as SQLite would give it: the import holds the write lock), a new uid, a column's default for a null (e.g.
 * jenis `perorangan`) and SQLite's type conversions applied here as the table would apply them. The values
 * bound are therefore the row as stored, and each row is journalled from them without reading it back.
 */
export function registerInserter(sqlite: BetterSqlite3.Database, tabel: string, kolom: string[]): PenyisipRegister {
  const info = sqlite.prepare(`PRAGMA table_info("${tabel}")`).all() as KolomInfo[];
  const lebar = info.length;
  const kepala = `INSERT INTO "${tabel}" (${info.map((c) => `"${c.name}"`).join(', ')}) VALUES `;
  const tempat = `(${info.map(() => '?').join(', ')})`;
  const satu = sqlite.prepare(kepala + tempat);
  const banyak = sqlite.prepare(kepala + Array<string>(SEKALIGUS).fill(tempat).join(', '));
  const jurnal = penjurnalLot(
    sqlite,
    tabel,
    new Date().toISOString(),
    info.map((c) => c.name),
  );
  const seperti = info.map((c) => sepertiTersimpan(sqlite, c, kolom.indexOf(c.name)));
  let id = Number(sqlite.prepare(`SELECT coalesce(max(id), 0) FROM "${tabel}"`).pluck().get());
  const indeks = indeksDitunda(sqlite, tabel, id);
  const antre = new Array<unknown>(lebar * SEKALIGUS);
  const baris = new Array<unknown>(lebar);
  let n = 0;
  return {
    tulis(v) {
      const uid = uidBaru();
      id++;
      for (let c = 0; c < lebar; c++) baris[c] = antre[n * lebar + c] = seperti[c]!(v, id, uid);
      jurnal.tambah(baris);
      if (++n === SEKALIGUS) {
        indeks.ditambah(SEKALIGUS);
        banyak.run(antre);
        n = 0;
      }
      return id;
    },
    akhiri() {
      for (let r = 0; r < n; r++) satu.run(antre.slice(r * lebar, (r + 1) * lebar));
      n = 0;
      indeks.pulihkan();
      jurnal.akhiri();
    },
  };
}

/**
 * A table's indexes dropped in the middle of a large bulk insert and made again, from their own text, before it
 * commits: building an index once over sorted keys costs less than keeping it up to date row by row. Only once
 * the import has added at least as many rows as the table held (and 1,024), so a small import into a large
 * table never rebuilds its indexes. A UNIQUE index made again checks every row as the insert would have.
 */
function indeksDitunda(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  sudahAda: number,
): { ditambah(n: number): void; pulihkan(): void } {
  const ambang = Math.max(1024, sudahAda);
  let ditambah = 0;
  let dibuang: string[] | undefined;
  return {
    ditambah(n) {
      ditambah += n;
      if (dibuang || ditambah < ambang) return;
      const indeks = sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(tabel) as { name: string; sql: string }[];
      for (const i of indeks) sqlite.exec(`DROP INDEX "${i.name}"`);
      dibuang = indeks.map((i) => i.sql);
    },
    pulihkan() {
      for (const teks of dibuang ?? []) sqlite.exec(teks);
      dibuang = undefined;
    },
  };
}

interface KolomInfo {
  name: string;
  type: string;
  dflt_value: string | null;
}

/**
 * A column's stored value from the values given: id and uid as assigned, the default for a null or a column
 * not given, and the conversion SQLite's column affinity makes (a number into a TEXT column is stored as text,
 * an integer written as text into an INTEGER column as an integer).
 */
function sepertiTersimpan(
  sqlite: BetterSqlite3.Database,
  c: KolomInfo,
  i: number,
): (v: readonly unknown[], id: number, uid: string) => unknown {
  if (c.name === 'id') return (_v, id) => id;
  if (c.name === 'uid') return (_v, _id, uid) => uid;
  const bawaan = c.dflt_value == null ? null : sqlite.prepare(`SELECT ${c.dflt_value}`).pluck().get();
  const afinitas = /INT/i.test(c.type) ? 'integer' : /CHAR|CLOB|TEXT/i.test(c.type) ? 'text' : 'lain';
  if (i < 0) return () => bawaan;
  return (v) => {
    const x = v[i] ?? bawaan;
    if (afinitas === 'text' && typeof x === 'number') return String(x);
    if (afinitas === 'integer' && typeof x === 'string' && /^-?\d{1,15}$/.test(x)) return Number(x);
    return x;
  };
}

/** The columns of a register that exist in its table (fields declared but not stored are left out). */
export function kolomTabel(sqlite: BetterSqlite3.Database, tabel: string): Set<string> {
  return new Set((sqlite.prepare(`PRAGMA table_info("${tabel}")`).all() as { name: string }[]).map((c) => c.name));
}

/** Streams the rows already in a register, for the duplicate check. */
export function iterateRegister(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  kolom: string[],
): IterableIterator<Record<string, unknown>> {
  return sqlite
    .prepare(`SELECT id, ${kolom.map((k) => `"${k}"`).join(', ')} FROM "${tabel}" ORDER BY id`)
    .iterate() as IterableIterator<Record<string, unknown>>;
}

export function lastKas(sqlite: BetterSqlite3.Database): { id: number; hash: string } | undefined {
  return sqlite.prepare('SELECT id, hash FROM kas ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
}

export function maxUrut(sqlite: BetterSqlite3.Database): { bukti: string; tahun: number; maks: number }[] {
  return sqlite.prepare('SELECT bukti, tahun, max(urut) AS maks FROM kas GROUP BY bukti, tahun').all() as {
    bukti: string;
    tahun: number;
    maks: number;
  }[];
}

/** Entries that stand (neither voided nor a reversal), for matching rows of a re-imported file. */
export function iterateKasBerlaku(sqlite: BetterSqlite3.Database): IterableIterator<{
  nomor: string;
  tanggal: string;
  arah: string;
  jumlah: Rupiah;
  sumber: string | null;
  jenis: string | null;
  dana: string | null;
  akun: string;
  uraian: string | null;
}> {
  return sqlite
    .prepare(
      'SELECT nomor, tanggal, arah, jumlah, sumber, jenis, dana, akun, uraian FROM kas k WHERE batal_dari ' +
        'IS NULL AND NOT EXISTS (SELECT 1 FROM kas b WHERE b.batal_dari = k.id) ORDER BY id',
    )
    .iterate() as IterableIterator<{
    nomor: string;
    tanggal: string;
    arah: string;
    jumlah: Rupiah;
    sumber: string | null;
    jenis: string | null;
    dana: string | null;
    akun: string;
    uraian: string | null;
  }>;
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
