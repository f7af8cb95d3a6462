// Queries on the cash book. The rules that decide what may be written live in src/ledger.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { EntriKas, SaldoPerKode } from '../domain/kas.js';
import { rupiahTersimpan } from '../domain/money.js';
import type { Bukti, Database, KasRow } from './types.js';

export type Kas = Selectable<KasRow>;

export async function lastHash(
  db: Kysely<Database>,
  tabel: 'kas' | 'natura',
): Promise<{ id: number; hash: string } | undefined> {
  return db.selectFrom(tabel).select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The last voucher sequence of a kind in a year (0 before the first). */
export async function urutTerakhir(db: Kysely<Database>, bukti: Bukti, tahun: number): Promise<number> {
  const r = await db
    .selectFrom('kas')
    .select(sql<number>`coalesce(max(urut), 0)`.as('maks'))
    .where('bukti', '=', bukti)
    .where('tahun', '=', tahun)
    .executeTakeFirstOrThrow();
  return Number(r.maks);
}

export async function insertKas(db: Kysely<Database>, row: Kas): Promise<void> {
  await db.insertInto('kas').values(row).execute();
}

export async function findKasByNomor(db: Kysely<Database>, nomor: string): Promise<Kas | undefined> {
  return db.selectFrom('kas').selectAll().where('nomor', '=', nomor).executeTakeFirst();
}

export async function findKasById(db: Kysely<Database>, id: number): Promise<Kas | undefined> {
  return db.selectFrom('kas').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReversal(db: Kysely<Database>, id: number): Promise<Kas | undefined> {
  return db.selectFrom('kas').selectAll().where('batal_dari', '=', id).executeTakeFirst();
}

export interface KasFilter {
  dari?: string;
  sampai?: string;
  dana?: string;
  akun?: string;
  arah?: 'masuk' | 'keluar';
}

/** Entries in book order (date, then posting order), with the voucher they void or that voided them. */
function queryBukuKas(db: Kysely<Database>, f: KasFilter) {
  let q = db
    .selectFrom('kas as k')
    .leftJoin('kas as asal', 'asal.id', 'k.batal_dari')
    .leftJoin('kas as pembatal', 'pembatal.batal_dari', 'k.id')
    .select([
      'k.id',
      'k.nomor',
      'k.bukti',
      'k.tanggal',
      'k.arah',
      'k.jumlah',
      'k.sumber',
      'k.jenis',
      'k.layanan',
      'k.asnaf',
      'k.dana',
    ])
    .select(['k.akun', 'k.akun_tujuan', 'k.donatur_id', 'k.kegiatan_id', 'k.uraian', 'k.batal_dari'])
    .select(['asal.nomor as nomor_batal', 'pembatal.nomor as dibatalkan_oleh']);
  if (f.dari) q = q.where('k.tanggal', '>=', f.dari);
  if (f.sampai) q = q.where('k.tanggal', '<=', f.sampai);
  if (f.dana) q = q.where('k.dana', '=', f.dana);
  if (f.akun) q = q.where((eb) => eb.or([eb('k.akun', '=', f.akun!), eb('k.akun_tujuan', '=', f.akun!)]));
  if (f.arah) q = q.where('k.arah', '=', f.arah);
  // the opening balance is no receipt: a book of receipts leaves it out
  if (f.arah === 'masuk') q = q.where('k.bukti', '<>', 'SA');
  return q.orderBy('k.tanggal').orderBy('k.id');
}

/** A row as SQLite returns it: the amount is a plain number until it is checked. */
type EntriTersimpan = Omit<EntriKas, 'jumlah'> & { jumlah: number };

function keEntriKas(r: EntriTersimpan): EntriKas {
  return { ...r, jumlah: rupiahTersimpan(r.jumlah, `Entri kas ${r.nomor}`) };
}

export async function listKas(db: Kysely<Database>, f: KasFilter): Promise<EntriKas[]> {
  return (await queryBukuKas(db, f).execute()).map(keEntriKas);
}

/**
 * The same entries read one by one straight from SQLite (no promise per row, kysely would await each): the
 * printed cash book and a long quarter's workbook (one reading, as its rows are written). Each call runs the query
 * anew.
 */
export function* iterasiKas(sqlite: BetterSqlite3.Database, db: Kysely<Database>, f: KasFilter): Iterable<EntriKas> {
  const { sql: teks, parameters } = queryBukuKas(db, f).compile();
  const stmt = sqlite.prepare(teks).raw();
  const k = Object.fromEntries(stmt.columns().map((c, i) => [c.name, i])) as Record<keyof EntriKas, number>;
  // rows as arrays, made into entries of one shape here (quicker than an object per row from SQLite)
  for (const v of stmt.iterate(...parameters) as Iterable<never[]>) {
    const nomor = v[k.nomor];
    yield {
      id: v[k.id],
      nomor,
      bukti: v[k.bukti],
      tanggal: v[k.tanggal],
      arah: v[k.arah],
      jumlah: rupiahTersimpan(v[k.jumlah], `Entri kas ${nomor}`),
      sumber: v[k.sumber],
      jenis: v[k.jenis],
      layanan: v[k.layanan],
      asnaf: v[k.asnaf],
      dana: v[k.dana],
      akun: v[k.akun],
      akun_tujuan: v[k.akun_tujuan],
      donatur_id: v[k.donatur_id],
      kegiatan_id: v[k.kegiatan_id],
      uraian: v[k.uraian],
      batal_dari: v[k.batal_dari],
      nomor_batal: v[k.nomor_batal],
      dibatalkan_oleh: v[k.dibatalkan_oleh],
    };
  }
}

function keSaldo(rows: { kode: string; saldo: number }[], apa: 'dana' | 'akun'): SaldoPerKode {
  return new Map(rows.map((r) => [r.kode, rupiahTersimpan(r.saldo, `Saldo ${apa} ${r.kode}`)]));
}

/**
 * Balances per fund or account at the end of `sampai` (bawaan: everything): each one indexed row of
 * `saldo_harian`, the day totals the write path keeps (and `periksa` checks against the books), so the
 * cost does not grow with the ledger's age. The one way balances are read.
 */
async function saldoPerKode(db: Kysely<Database>, buku: 'dana' | 'akun', sampai?: string): Promise<SaldoPerKode> {
  const tabel = sql.table(buku);
  const rows = await sql<{ kode: string; saldo: number }>`
    SELECT t.kode AS kode, coalesce((SELECT h.saldo FROM saldo_harian h
      WHERE h.buku = ${buku} AND h.kode = t.kode AND h.tanggal <= ${sampai ?? '9999-12-31'}
      ORDER BY h.tanggal DESC LIMIT 1), 0) AS saldo
    FROM ${tabel} t ORDER BY t.dibuat, t.kode`.execute(db);
  return keSaldo(rows.rows, buku);
}

export const saldoDana = (db: Kysely<Database>, sampai?: string) => saldoPerKode(db, 'dana', sampai);

/** A transfer leaves its `akun` and enters its `akun_tujuan` (as saldo_harian counts it). */
export const saldoAkun = (db: Kysely<Database>, sampai?: string) => saldoPerKode(db, 'akun', sampai);

/** The newest voucher of one kind in one year (numbering follows entry order, not dates). */
export async function buktiTerakhir(db: Kysely<Database>, bukti: Bukti, tahun: number): Promise<Kas | undefined> {
  return db
    .selectFrom('kas')
    .selectAll()
    .where('bukti', '=', bukti)
    .where('tahun', '=', tahun)
    .orderBy('urut', 'desc')
    .executeTakeFirst();
}

/** Vouchers that are neither a void nor voided, newest first. */
export async function listBelumBatal(db: Kysely<Database>): Promise<Kas[]> {
  return db
    .selectFrom('kas')
    .selectAll()
    .where('batal_dari', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('kas as p').select('p.id').whereRef('p.batal_dari', '=', 'kas.id'))))
    .orderBy('id', 'desc')
    .execute();
}
