// What `wksbm periksa` asks SQLite for besides the hash chains: the file's own check, foreign keys, the
// books' day totals (grouped in SQL, not summed row by row in JavaScript), the stored day totals, and
// the cash rows whose voucher number may be wrong. All of it reads one snapshot, so it can run on a
// second connection in a worker thread (periksa-pekerja.ts) while the main thread walks the hash chains.
import type BetterSqlite3 from 'better-sqlite3';
import { galatRusak } from './galat.js';
import type { SaldoHarianRow } from './types.js';

export interface HasilSql {
  /** SQLite's integrity findings (quick_check, or integrity_check when `lengkap`); non-empty: nothing else read */
  rusak: string[];
  kunciAsing: { table: string; rowid: number; parent: string }[];
  /** cash totals per day and kind: [tanggal, arah, dana, akun, akun_tujuan, jumlah], by each group's first id */
  harianKas: unknown[][];
  /** stock totals per day and item: [tanggal, arah, barang, satuan of the group's first row, kuantitas_mili] */
  harianNatura: unknown[][];
  saldoHarian: SaldoHarianRow[];
  /** the cash rows whose voucher number must be looked at (buktiRagu) */
  bukti: unknown[][];
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

const BULAN = Array.from({ length: 12 }, (_, i) => i + 1);
const ROMAWI = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const bulanKe = (b: number) => `WHEN '${String(b).padStart(2, '0')}' THEN '${ROMAWI[b - 1]}'`;
const romawiSql = `CASE substr(tanggal, 6, 2) ${BULAN.map(bulanKe).join(' ')} END`;

/**
 * A cash row whose number might not be `formatNomor(urut, bukti, tanggal)` or whose year is not its date's.
 * Wide on purpose: any row SQLite cannot judge as JavaScript would (not an ISO date, not whole numbers) is
 * listed, and periksa decides each listed row with formatNomor itself.
 */
const NOMOR_RAGU = `(typeof(urut) <> 'integer' OR urut < 0 OR typeof(tahun) <> 'integer'
  OR typeof(bukti) <> 'text' OR typeof(tanggal) <> 'text'
  OR tanggal NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  OR tahun <> CAST(substr(tanggal, 1, 4) AS INTEGER)
  OR nomor IS NOT printf('%03d/%s/%s/%s', urut, bukti, ${romawiSql}, substr(tanggal, 1, 4)))`;

/** Voucher series (kind and year) with a number used twice, a gap, or a number that is not a whole number. */
const SERI_RAGU = `SELECT bukti, tahun FROM kas GROUP BY bukti, tahun
  HAVING sum(typeof(urut) <> 'integer') > 0
    OR sum(urut > 0) <> count(DISTINCT CASE WHEN urut > 0 THEN urut END)
    OR coalesce(max(CASE WHEN urut > 0 THEN urut END), 0) <> count(DISTINCT CASE WHEN urut > 0 THEN urut END)`;

/**
 * The cash rows whose voucher number must be looked at, in id order, as [id, bukti, tahun, urut, nomor,
 * tanggal, seri]: every row of a series SQLite finds with a number used twice or missing (seri 1), and
 * any other row whose number or year may not fit its date (seri 0).
 */
export function buktiRagu(sqlite: BetterSqlite3.Database): unknown[][] {
  const semua = (q: string, ...p: unknown[]) =>
    sqlite
      .prepare(q)
      .raw(true)
      .all(...p) as unknown[][];
  const kolom = 'id, bukti, tahun, urut, nomor, tanggal';
  const seri = semua(SERI_RAGU).flatMap((s) =>
    semua(`SELECT ${kolom}, 1 FROM kas WHERE bukti IS ? AND tahun IS ?`, ...s),
  );
  const diSeri = new Set(seri.map((r) => r[0]));
  const lain = semua(`SELECT ${kolom}, 0 FROM kas WHERE ${NOMOR_RAGU}`).filter((r) => !diSeri.has(r[0]));
  return [...seri, ...lain].sort((a, b) => Number(a[0]) - Number(b[0]));
}

/** Everything of HasilSql, read in one read transaction on `sqlite`. */
export function bacaSql(sqlite: BetterSqlite3.Database, lengkap: boolean): HasilSql {
  const kosong: HasilSql = { rusak: [], kunciAsing: [], harianKas: [], harianNatura: [], saldoHarian: [], bukti: [] };
  const baca = sqlite.transaction((): HasilSql => {
    const rusak = cekBerkas(sqlite, lengkap);
    if (rusak.length) return { ...kosong, rusak };
    const semua = (q: string) => sqlite.prepare(q).raw(true).all() as unknown[][];
    return {
      rusak,
      kunciAsing: sqlite.pragma('foreign_key_check') as HasilSql['kunciAsing'],
      harianKas: semua(`SELECT tanggal, arah, dana, akun, akun_tujuan, sum(jumlah), min(id) AS awal FROM kas
        GROUP BY tanggal, arah, dana, akun, akun_tujuan ORDER BY awal`).map((r) => r.slice(0, 6)),
      harianNatura: semua(`SELECT tanggal, arah, barang, satuan, sum(kuantitas_mili), min(id) AS awal FROM natura
        GROUP BY tanggal, arah, barang ORDER BY awal`).map((r) => r.slice(0, 5)),
      saldoHarian: sqlite.prepare('SELECT * FROM saldo_harian').all() as SaldoHarianRow[],
      bukti: buktiRagu(sqlite),
    };
  });
  return baca.deferred();
}

/**
 * The worker thread's module: beside this one in the tsc output and in the bundle (scripts/bundle.js
 * builds it as its own entry point). From the TypeScript sources (vitest) there is none: undefined.
 */
function modulPekerja(): URL | undefined {
  return import.meta.url.endsWith('.ts') ? undefined : new URL('./periksa-pekerja.js', import.meta.url);
}

/**
 * bacaSql on a second connection in a worker thread, so it runs beside whatever the caller does next
 * on its own connection; in this thread (when there is no worker module or the file is in memory) it
 * runs now. Either way the answer is awaited.
 */
export function bacaSqlSamping(sqlite: BetterSqlite3.Database, lengkap: boolean): Promise<HasilSql> {
  const modul = modulPekerja();
  if (!modul || sqlite.memory) return Promise.resolve().then(() => bacaSql(sqlite, lengkap));
  // loaded here, not at start-up, like the cash import's writer (src/db/kas-bulk.ts)
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(modul, { workerData: { berkas: sqlite.name, lengkap } });
    worker.once('message', (m: { hasil: HasilSql } | { galat: { message: string; code?: string } }) => {
      if ('hasil' in m) resolve(m.hasil);
      else reject(Object.assign(new Error(m.galat.message), { code: m.galat.code }));
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('pemeriksa SQL berhenti tanpa jawaban')));
  });
}
