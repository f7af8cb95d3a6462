// Streaming the books row by row for `cetak`: whole books can be large, so nothing is materialised.
import { type Kysely, sql } from 'kysely';
import type { BarisRegister, CatatanNatura, HadirRapat, PenyaluranCetak } from '../domain/cetak.js';
import { type Rupiah, rupiahTersimpan } from '../domain/money.js';
import type { Database } from './types.js';

export interface Rentang {
  dari?: string;
  sampai?: string;
}

/** A register table in date order (or entry order when it has no date), bounded by `--dari/--sampai`. */
export function streamRegister(
  db: Kysely<Database>,
  tabel: string,
  kolomTanggal: string | undefined,
  r: Rentang,
): AsyncIterable<BarisRegister> {
  let q = db.selectFrom(tabel as 'tamu').selectAll();
  if (kolomTanggal && r.dari) q = q.where(sql.ref(kolomTanggal), '>=', r.dari);
  if (kolomTanggal && r.sampai) q = q.where(sql.ref(kolomTanggal), '<=', r.sampai);
  if (kolomTanggal) q = q.orderBy(sql.ref(kolomTanggal));
  // register tables hold only text and integer columns (schema/), so every value is a NilaiTersimpan
  return q.orderBy('id').stream() as AsyncIterable<BarisRegister>;
}

export function streamNatura(db: Kysely<Database>, r: Rentang): AsyncIterable<CatatanNatura> {
  let q = db
    .selectFrom('natura')
    .select([
      'id',
      'tanggal',
      'barang',
      'satuan',
      'arah',
      'kuantitas_mili',
      'sumber',
      'tujuan',
      'uraian',
      'batal_dari',
    ]);
  if (r.dari) q = q.where('tanggal', '>=', r.dari);
  if (r.sampai) q = q.where('tanggal', '<=', r.sampai);
  return q.orderBy('tanggal').orderBy('id').stream();
}

export function streamHadir(db: Kysely<Database>, r: Rentang): AsyncIterable<HadirRapat> {
  let q = db
    .selectFrom('rapat_hadir as h')
    .innerJoin('rapat as r', 'r.id', 'h.rapat_id')
    .select(['r.tanggal', 'r.agenda', 'h.nama', 'h.peran', 'h.asal', 'h.tamu']);
  if (r.dari) q = q.where('r.tanggal', '>=', r.dari);
  if (r.sampai) q = q.where('r.tanggal', '<=', r.sampai);
  // rapat and rapat_hadir are declared as registers (untyped columns): their schema gives these types
  return q.orderBy('r.tanggal').orderBy('r.id').orderBy('h.id').stream() as AsyncIterable<HadirRapat>;
}

type PenyaluranTersimpan = Omit<PenyaluranCetak, 'jumlah'> & { jumlah: number | null };

export async function* streamPenyaluran(db: Kysely<Database>, r: Rentang): AsyncIterable<PenyaluranCetak> {
  let q = db
    .selectFrom('penyaluran as p')
    .innerJoin('ppks as x', 'x.id', 'p.ppks_id')
    .leftJoin('kas as k', 'k.id', 'p.kas_id')
    .leftJoin('natura as t', 't.id', 'p.natura_id')
    .select([
      'p.tanggal',
      'k.nomor',
      'x.nama',
      'x.nik',
      'x.kategori',
      'p.layanan',
      'p.bentuk',
      'k.jumlah',
      't.kuantitas_mili',
    ])
    .select(['t.satuan', 't.barang', 'k.dana', 'p.asnaf', 'p.uraian']);
  if (r.dari) q = q.where('p.tanggal', '>=', r.dari);
  if (r.sampai) q = q.where('p.tanggal', '<=', r.sampai);
  const rows = q.orderBy('p.tanggal').orderBy('p.id').stream() as AsyncIterable<PenyaluranTersimpan>;
  for await (const p of rows)
    yield { ...p, jumlah: p.jumlah === null ? null : rupiahTersimpan(p.jumlah, `Entri kas ${p.nomor}`) };
}

/** Saldo of every entry before `dari` (the opening line of a printed cash book). */
export async function saldoSebelum(db: Kysely<Database>, dari: string, arah?: string): Promise<Rupiah> {
  const r = await sql<{ s: number }>`
    SELECT coalesce(sum(CASE arah WHEN 'masuk' THEN jumlah WHEN 'keluar' THEN -jumlah ELSE 0 END), 0) AS s
    FROM kas WHERE tanggal < ${dari} AND (${arah ?? null} IS NULL OR arah = ${arah ?? null})`.execute(db);
  return rupiahTersimpan(r.rows[0]?.s ?? 0, 'Saldo awal');
}
