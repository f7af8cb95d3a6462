// What `wksbm periksa` asks SQLite for besides the books' walks: the file's own check, foreign keys and
// reversals, the stock book's day totals and the stored day totals (the cash book's are added up on its walk).
// Each only reads, so each can run on a connection of its own in a worker thread (src/ledger/periksa-samping.ts)
// while the main thread walks the books.
import type BetterSqlite3 from 'better-sqlite3';
import { galatRusak } from './galat.js';
import type { SaldoHarianRow } from './types.js';

export interface HasilSql {
  /** SQLite's integrity findings (quick_check, or integrity_check when `lengkap`); non-empty: the rest empty */
  rusak: string[];
  kunciAsing: { table: string; rowid: number; parent: string }[];
  /** reversals whose direction, amount, fund or accounts do not mirror the entry they void */
  batalSalah: { id: number; nomor: string }[];
  /** stock totals per day and item: [tanggal, arah, barang, satuan of the group's first row, kuantitas_mili] */
  harianNatura: unknown[][];
  saldoHarian: SaldoHarianRow[];
}

/** SQLite's own check: quick_check (every page and record readable, constraints) or the full integrity_check. */
export function cekBerkas(sqlite: BetterSqlite3.Database, lengkap: boolean): string[] {
  try {
    const r = sqlite.pragma(lengkap ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    return r.map((x) => Object.values(x)[0]!).filter((x) => x !== 'ok');
  } catch (err) {
    if (galatRusak(err)) return [(err as Error).message];
    throw err;
  }
}

/** Reversals whose direction, amount, fund or accounts do not mirror the entry they void (or void nothing). */
const BATAL_SALAH = `
  SELECT r.id, r.nomor FROM kas r LEFT JOIN kas a ON a.id = r.batal_dari
  WHERE r.batal_dari IS NOT NULL
    AND (a.id IS NULL OR a.arah IS NOT r.arah OR a.jumlah <> -r.jumlah OR a.dana IS NOT r.dana OR a.akun IS NOT
      r.akun OR a.akun_tujuan IS NOT r.akun_tujuan)
  ORDER BY r.id`;

/** The books' totals, references and reversals: everything of HasilSql but SQLite's own check, in one read. */
export type HasilJumlah = Omit<HasilSql, 'rusak'>;

export function bacaJumlah(sqlite: BetterSqlite3.Database): HasilJumlah {
  const semua = (q: string) => sqlite.prepare(q).raw(true).all() as unknown[][];
  const baca = sqlite.transaction(
    (): HasilJumlah => ({
      kunciAsing: sqlite.pragma('foreign_key_check') as HasilSql['kunciAsing'],
      harianNatura: semua(`SELECT tanggal, arah, barang, satuan, sum(kuantitas_mili), min(id) AS awal FROM natura
        GROUP BY tanggal, arah, barang ORDER BY awal`).map((r) => r.slice(0, 5)),
      saldoHarian: sqlite.prepare('SELECT * FROM saldo_harian').all() as SaldoHarianRow[],
      batalSalah: sqlite.prepare(BATAL_SALAH).all() as HasilSql['batalSalah'],
    }),
  );
  return baca.deferred();
}
