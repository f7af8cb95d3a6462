// What `wksbm periksa` asks SQLite for besides the books' walks: the file's own check and its constraints (CHECK,
// foreign keys), the reversals, the stock book's day totals and the stored day totals (the cash book's are added up
// on its walk). Each only reads, so each can run on a connection of its own in a worker thread
// (src/ledger/periksa-samping.ts) while the main thread walks the books.
import type BetterSqlite3 from 'better-sqlite3';
import { type LanggarCek, langgarCek } from './cek-tabel.js';
import { galatRusak } from './galat.js';
import type { SaldoHarianRow } from './types.js';

/** The books' totals and reversals, in one read (bacaJumlah). */
export interface HasilJumlah {
  /** reversals whose direction, amount, fund or accounts do not mirror the entry they void */
  batalSalah: { id: number; nomor: string }[];
  /** stock totals per day and item: [tanggal, arah, barang, satuan of the group's first row, kuantitas_mili] */
  harianNatura: unknown[][];
  saldoHarian: SaldoHarianRow[];
}

/** SQLite's findings of damage, then the rows that fail their table's CHECK (langgarCek) or foreign keys. */
export interface HasilBerkas {
  /** non-empty: the file is damaged, and nothing else was checked */
  rusak: string[];
  langgar: LanggarCek[];
  kunciAsing: { table: string; rowid: number; parent: string }[];
}

/**
 * SQLite's own check (quick_check: every page and record readable, NOT NULL, every index's entries counted; or the
 * full integrity_check when `lengkap`), without the tables' CHECK constraints: those are asked of each table as one
 * query (langgarCek) at a third of the cost. Then the foreign keys: the constraints together, beside the walks.
 */
export function cekBerkas(sqlite: BetterSqlite3.Database, lengkap: boolean): HasilBerkas {
  try {
    // the connection may be the caller's own (in-thread): its setting is put back
    const abaikan = sqlite.pragma('ignore_check_constraints', { simple: true }) as number;
    sqlite.pragma('ignore_check_constraints = ON');
    let r: Record<string, string>[];
    try {
      r = sqlite.pragma(lengkap ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    } finally {
      sqlite.pragma(`ignore_check_constraints = ${abaikan ? 'ON' : 'OFF'}`);
    }
    const rusak = r.map((x) => Object.values(x)[0]!).filter((x) => x !== 'ok');
    if (rusak.length) return { rusak, langgar: [], kunciAsing: [] };
    const langgar = langgarCek(sqlite);
    return { rusak, langgar, kunciAsing: sqlite.pragma('foreign_key_check') as HasilBerkas['kunciAsing'] };
  } catch (err) {
    if (galatRusak(err)) return { rusak: [(err as Error).message], langgar: [], kunciAsing: [] };
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

export function bacaJumlah(sqlite: BetterSqlite3.Database): HasilJumlah {
  const semua = (q: string) => sqlite.prepare(q).raw(true).all() as unknown[][];
  const baca = sqlite.transaction(
    (): HasilJumlah => ({
      harianNatura: semua(`SELECT tanggal, arah, barang, satuan, sum(kuantitas_mili), min(id) AS awal FROM natura
        GROUP BY tanggal, arah, barang ORDER BY awal`).map((r) => r.slice(0, 5)),
      saldoHarian: sqlite.prepare('SELECT * FROM saldo_harian').all() as SaldoHarianRow[],
      batalSalah: sqlite.prepare(BATAL_SALAH).all() as HasilJumlah['batalSalah'],
    }),
  );
  return baca.deferred();
}
