// The prepared statements of bulk writes — the import log, cash rows, day totals — in plain
// better-sqlite3 with bound parameters only. No kysely here: the import's writer thread
// (kas-penulis.ts) loads this module too.
import type BetterSqlite3 from 'better-sqlite3';
import { uidBaru } from '../domain/jurnal.js';
import type { Hitungan } from './impor-repo.js';
import { jurnalkanSync } from './jurnal-sync.js';
import type { Kas } from './kas-repo.js';
import type { SaldoHarianRow } from './types.js';

export interface LogImpor {
  buku: string;
  berkas: string;
  sha256: string;
  oleh: string;
  waktu: string;
}

export function insertImpor(sqlite: BetterSqlite3.Database, r: LogImpor): number {
  const info = sqlite
    .prepare(
      'INSERT INTO impor (buku, berkas, sha256, dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak, oleh,' +
        ' waktu, uid) ' +
        'VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?)',
    )
    .run(r.buku, r.berkas, r.sha256, r.oleh, r.waktu, uidBaru());
  return Number(info.lastInsertRowid);
}

export function updateImporHitungan(sqlite: BetterSqlite3.Database, id: number, h: Hitungan): void {
  sqlite
    .prepare('UPDATE impor SET dibaca = ?, ditambah = ?, sudah_ada = ?, mungkin_ganda = ?, ditolak = ? WHERE id = ?')
    .run(h.dibaca, h.ditambah, h.sudah_ada, h.mungkin_ganda, h.ditolak, id);
  // the import's row is journalled once, complete, in the same transaction as its rows (also in the writer thread)
  jurnalkanSync(sqlite, 'impor', id, 'tambah', new Date().toISOString());
}

/**
 * The columns of a cash row as the bulk INSERT takes them: per row those that vary and hash_sebelum
 * (the hash of the row before), bound by position; the columns an import's rows share, bound by
 * name once per statement (a writer thread also receives them once per batch).
 */
export const KOLOM_BERUBAH = [
  'id',
  'nomor',
  'bukti',
  'tahun',
  'urut',
  'arah',
  'tanggal',
  'jumlah',
  'sumber',
  'jenis',
  'layanan',
  'asnaf',
  'dana',
  'akun',
  'donatur_id',
  'uraian',
  'hash',
] as const satisfies readonly (keyof Kas)[];
export const KOLOM_TETAP = [
  'akun_tujuan',
  'kegiatan_id',
  'batal_dari',
  'alasan_batal',
  'impor_id',
  'dibuat',
] as const satisfies readonly (keyof Kas)[];
export const KOLOM_BARIS = [...KOLOM_BERUBAH, 'hash_sebelum'] as const;

/**
 * Appends a row's KOLOM_BERUBAH values in that order (written out: it runs a million times an import; a test holds it
 * to the list).
 */
export function pushBerubah(lot: unknown[], r: Kas): void {
  lot.push(
    r.id,
    r.nomor,
    r.bukti,
    r.tahun,
    r.urut,
    r.arah,
    r.tanggal,
    r.jumlah,
    r.sumber,
    r.jenis,
    r.layanan,
    r.asnaf,
    r.dana,
    r.akun,
    r.donatur_id,
    r.uraian,
    r.hash,
  );
}

/** rows per INSERT statement: one call and one statement run for 32 rows saves about 1 µs a row */
const SEKALIGUS = 32;
const LEBAR = KOLOM_BARIS.length;
/** a row's values as bound: KOLOM_BARIS, then KOLOM_TETAP */
const LEBAR_PENUH = LEBAR + KOLOM_TETAP.length;
const placeholder = `(${Array<string>(LEBAR_PENUH).fill('?').join(', ')})`;

/**
 * Inserts cash rows 32 to a statement, every value bound by position and passed as the call's arguments: a named
 * parameter makes better-sqlite3 ask SQLite every parameter's name at each run, and an array makes it read each
 * value through V8's property lookup (together about 8 % of an import's writer thread). The shared columns'
 * values (pakaiTetap) go with every row; `akhiri` writes what is still queued.
 */
export class SisipKas {
  private readonly satu: BetterSqlite3.Statement;
  private readonly banyak: BetterSqlite3.Statement;
  private readonly lot: unknown[] = new Array<unknown>(LEBAR_PENUH * SEKALIGUS);
  private n = 0;
  private readonly tetap: unknown[] = new Array<unknown>(KOLOM_TETAP.length).fill(null);

  /**
   * `batalSemua`: a failed row rolls back the whole transaction (INSERT OR ROLLBACK), for a run whose every failure
   * ends it anyway (the import's writer thread). SQLite then keeps no statement journal, the copy of each page a
   * 32-row statement touches that it would need to undo that statement alone.
   */
  constructor(sqlite: BetterSqlite3.Database, opsi: { batalSemua?: boolean } = {}) {
    const atau = opsi.batalSemua ? 'OR ROLLBACK ' : '';
    const kepala = `INSERT ${atau}INTO kas (${[...KOLOM_BARIS, ...KOLOM_TETAP].join(', ')}) VALUES `;
    this.satu = sqlite.prepare(kepala + placeholder);
    this.banyak = sqlite.prepare(kepala + Array<string>(SEKALIGUS).fill(placeholder).join(', '));
  }

  /** the KOLOM_TETAP values of the rows that follow */
  pakaiTetap(nilai: readonly unknown[]): void {
    for (let c = 0; c < KOLOM_TETAP.length; c++) this.tetap[c] = nilai[c];
  }

  /** copies one row's values (KOLOM_BARIS order); the array may be reused by the caller */
  baris(nilai: readonly unknown[]): void {
    const o = this.n * LEBAR_PENUH;
    for (let c = 0; c < LEBAR; c++) this.lot[o + c] = nilai[c];
    for (let c = 0; c < KOLOM_TETAP.length; c++) this.lot[o + LEBAR + c] = this.tetap[c];
    if (++this.n === SEKALIGUS) {
      this.banyak.run(...this.lot);
      this.n = 0;
    }
  }

  akhiri(): void {
    for (let r = 0; r < this.n; r++) this.satu.run(...this.lot.slice(r * LEBAR_PENUH, (r + 1) * LEBAR_PENUH));
    this.n = 0;
  }
}

/** Cash rows inserted on this connection, inside the caller's transaction. */
export function kasInserter(sqlite: BetterSqlite3.Database): { tulis(row: Kas): void; akhiri(): void } {
  const sisip = new SisipKas(sqlite);
  const baris = new Array<unknown>(LEBAR);
  const tetap = new Array<unknown>(KOLOM_TETAP.length);
  return {
    tulis(row) {
      for (let c = 0; c < KOLOM_TETAP.length; c++) tetap[c] = row[KOLOM_TETAP[c]!];
      sisip.pakaiTetap(tetap);
      for (let c = 0; c < LEBAR; c++) baris[c] = row[KOLOM_BARIS[c]!];
      sisip.baris(baris);
    },
    akhiri: () => sisip.akhiri(),
  };
}

/** Below this many rows a run keeps every index: rebuilding one costs the whole book, not the run. */
const AMBANG_TUNDA = 50_000;

/**
 * Before a bulk run that adds at least as many rows as `kas` holds (and at least AMBANG_TUNDA): drops the table's
 * indexes that are no constraint and cover every row (kas_pos: a million inserts scattered over it cost more than
 * sorting once) and returns what builds them again, from their stored SQL, before commit. Both happen inside the
 * run's transaction, so a rollback or a killed process leaves them as they were. The UNIQUE ones stay and keep
 * checking every row; so do the partial ones (kas_kegiatan): an imported row is rarely in them, and building one
 * again would read the whole table once more after the run.
 */
export function tundaIndeksKas(sqlite: BetterSqlite3.Database, perkiraan: number, ambang = AMBANG_TUNDA): () => void {
  const ada = sqlite.prepare('SELECT coalesce(max(id), 0) FROM kas').pluck().get() as number;
  if (perkiraan < ambang || perkiraan < ada) return () => {};
  const indeks = sqlite
    .prepare(
      "SELECT m.name, m.sql FROM pragma_index_list('kas') i JOIN sqlite_master m ON m.name = i.name " +
        'WHERE i.origin = \'c\' AND NOT i."unique" AND NOT i.partial ORDER BY m.name',
    )
    .all() as { name: string; sql: string }[];
  for (const i of indeks) sqlite.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indeks) sqlite.exec(i.sql);
  };
}

/** Writes the day rows a bulk run computed (final totals and day-ends, not increments). */
export function tulisSaldoHarian(sqlite: BetterSqlite3.Database, baris: readonly SaldoHarianRow[]): void {
  const stmt = sqlite.prepare(
    'INSERT INTO saldo_harian (buku, kode, tanggal, gerak, saldo) VALUES (?, ?, ?, ?, ?) ON CONFLICT (buku, kode, ' +
      'tanggal) DO UPDATE SET gerak = excluded.gerak, saldo = excluded.saldo',
  );
  for (const b of baris) stmt.run(b.buku, b.kode, b.tanggal, b.gerak, b.saldo);
}

/**
 * The foreign keys of `kas`, checked once per distinct value instead of once per row: the cash import's writer
 * runs with foreign_keys OFF, notes every value of a referencing column as rows pass (`catat`), and before commit
 * looks each value up in its parent table (`periksa`), which fails as SQLite's own check would (same code and
 * text), rolling the whole import back. Equivalent to the per-row check because nothing in the transaction deletes
 * or changes a parent row and the import's rows reference none of each other (batal_dari is a batch's constant).
 */
export class RujukanKas {
  private readonly berubah: { c: number; nilai: Set<unknown> }[] = [];
  private readonly tetap: { c: number; nilai: Set<unknown> }[] = [];
  private readonly cek: { tabel: string; ke: string; nilai: Set<unknown> }[] = [];

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    const fk = sqlite.prepare('PRAGMA foreign_key_list(kas)').all() as {
      table: string;
      from: string;
      to: string | null;
    }[];
    for (const k of fk) {
      const nilai = new Set<unknown>();
      this.cek.push({ tabel: k.table, ke: k.to ?? 'rowid', nilai });
      const b = (KOLOM_BERUBAH as readonly string[]).indexOf(k.from);
      const t = (KOLOM_TETAP as readonly string[]).indexOf(k.from);
      if (b >= 0) this.berubah.push({ c: b, nilai });
      else if (t >= 0) this.tetap.push({ c: t, nilai });
      else throw new Error(`kolom rujukan kas tidak dikenal: ${k.from}`);
    }
  }

  /** a batch's KOLOM_TETAP values, then its rows' KOLOM_BERUBAH values one after the other */
  catat(tetap: readonly unknown[], lot: readonly unknown[]): void {
    for (const { c, nilai } of this.tetap) if (tetap[c] != null) nilai.add(tetap[c]);
    for (const { c, nilai } of this.berubah)
      for (let i = c; i < lot.length; i += KOLOM_BERUBAH.length) if (lot[i] != null) nilai.add(lot[i]);
  }

  periksa(): void {
    for (const { tabel, ke, nilai } of this.cek) {
      const ada = this.sqlite.prepare(`SELECT 1 FROM "${tabel}" WHERE "${ke}" = ?`).pluck();
      for (const v of nilai)
        if (ada.get(v) === undefined)
          throw Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    }
  }
}
