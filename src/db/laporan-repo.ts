// Reading the books for the quarterly report: everything the report model needs, nothing computed.
// Rows become the domain types of src/domain/laporan.ts here, amounts checked into Rupiah.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type {
  BahanLaporan,
  DonaturTerdata,
  JejaringTerdata,
  KegiatanBaris,
  NaturaGerak,
  PenyaluranBaris,
  PosKas,
  PpksTerdata,
  ProfilUnit,
  PsksTerdata,
  RapatBaris,
  ReferensiLaporan,
  SantunanBaris,
} from '../domain/laporan.js';
import { KOLOM_UNIT } from '../domain/laporan.js'; // a value beside the types above
import { type Rupiah, rupiahTersimpan } from '../domain/money.js';
import { iterasiKas, listKas, saldoAkun, saldoDana } from './kas-repo.js';
import { getProfil, type Profil } from './profil-repo.js';
import { loadReferensi, type Referensi } from './referensi-repo.js';
import type { Database } from './types.js';

type Tersimpan<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const uangAtauNull = (v: number | null | undefined, tempat: string): Rupiah | null =>
  v === null || v === undefined ? null : rupiahTersimpan(v, tempat);

/**
 * Loads the books for the quarter [dari, sampai]; `sebelum` is the day before `dari`. The entries one
 * by one only with `rinci`, or as a stream to read (and read again) from `aliran`, the same file's
 * SQLite handle (the workbook's cash book): the figures come from sums the index answers.
 */
export async function loadBahanLaporan(
  db: Kysely<Database>,
  dari: string,
  sampai: string,
  sebelum: string,
  rinci = true,
  aliran?: BetterSqlite3.Database,
): Promise<BahanLaporan | undefined> {
  const profilPenuh = await getProfil(db);
  if (!profilPenuh) return undefined;
  const [ref, saldoAwalAkun, saldoAkhirDana, saldoAkhirAkun, { pos: kasPerPos, sumbanganDonatur }, kas] =
    await Promise.all([
      loadReferensi(db),
      saldoAkun(db, sebelum),
      saldoDana(db, sampai),
      saldoAkun(db, sampai),
      loadPosKas(db, dari, sampai),
      rinci ? listKas(db, { dari, sampai }) : null,
    ]);
  return {
    dari,
    sampai,
    profil: profilUnit(profilPenuh),
    cap: profilPenuh.cap ? { buffer: Buffer.from(profilPenuh.cap), mime: profilPenuh.cap_mime ?? 'image/png' } : null,
    ref: referensiLaporan(ref),
    saldoAwalAkun,
    saldoAkhirDana,
    saldoAkhirAkun,
    kas,
    ...(aliran ? { aliranKas: () => iterasiKas(aliran, db, { dari, sampai }) } : {}),
    kasPerPos,
    natura: await loadNatura(db, sampai),
    penyaluran: await loadPenyaluran(db, dari, sampai),
    santunan: await loadSantunan(db, dari, sampai),
    kegiatan: await loadKegiatan(db, dari, sampai),
    rapat: await loadRapat(db, dari, sampai),
    ...(await loadTerdata(db)),
    sumbanganDonatur,
    jejaring: await loadJejaring(db),
    jumlahAnggota: await countAnggotaAktif(db),
  };
}

function profilUnit(p: Profil): ProfilUnit {
  return Object.fromEntries(KOLOM_UNIT.map((k) => [k, p[k] ?? null])) as ProfilUnit;
}

function referensiLaporan(r: Referensi): ReferensiLaporan {
  const kode = (x: { kode: string; nama: string }) => ({ kode: x.kode, nama: x.nama });
  const bernomor = (x: { kode: string; nama: string; nomor: number }) => ({
    kode: x.kode,
    nama: x.nama,
    nomor: x.nomor,
  });
  return {
    dana: r.dana.map(kode),
    akun: r.akun.map(kode),
    sumber: r.sumber.map(kode),
    jenis: r.jenis.map((j) => ({ ...kode(j), perlu_layanan: Boolean(j.perlu_layanan) })),
    layanan: r.layanan.map(kode),
    ppks: r.ppks.map(bernomor),
    psks: r.psks.map(bernomor),
  };
}

/**
 * The quarter's entries summed per arah, sumber, jenis and layanan, in one pass over the quarter's range
 * of `kas_pos`: summed first per day in the index's own order (no sort of the quarter's entries), then
 * the few day sums per post (a sort of about 90 × the posts instead of every entry: 2.5× faster). The same
 * pass sums what came in from donors (donatur_id is in the index too), over every post at the end.
 */
async function loadPosKas(
  db: Kysely<Database>,
  dari: string,
  sampai: string,
): Promise<{ pos: PosKas[]; sumbanganDonatur: Rupiah }> {
  const r = await sql<Omit<PosKas, 'jumlah'> & { jumlah: number; donatur: number }>`
    SELECT arah, sumber, jenis, layanan, sum(jumlah) AS jumlah, sum(entri) AS entri,
           sum(sum(donatur)) OVER () AS donatur FROM (
      SELECT tanggal, arah, sumber, jenis, layanan, sum(jumlah) AS jumlah, count(*) AS entri,
             sum(CASE WHEN arah = 'masuk' AND donatur_id IS NOT NULL THEN jumlah ELSE 0 END) AS donatur FROM kas
      WHERE tanggal BETWEEN ${dari} AND ${sampai} GROUP BY tanggal, arah, sumber, jenis, layanan
    ) GROUP BY arah, sumber, jenis, layanan`.execute(db);
  const tempat = (p: Omit<PosKas, 'jumlah'>) => `Jumlah kas ${[p.arah, p.sumber ?? p.jenis, p.layanan].join(' ')}`;
  return {
    pos: r.rows.map(({ donatur: _, ...p }) => ({
      ...p,
      jumlah: rupiahTersimpan(p.jumlah, tempat(p)),
      entri: Number(p.entri),
    })),
    sumbanganDonatur: rupiahTersimpan(r.rows[0]?.donatur ?? 0, 'Sumbangan donatur'),
  };
}

async function loadNatura(db: Kysely<Database>, sampai: string): Promise<NaturaGerak[]> {
  const r = await sql<NaturaGerak>`
    SELECT tanggal, barang, satuan, arah, kuantitas_mili FROM natura
    WHERE tanggal <= ${sampai} ORDER BY barang, tanggal, id`.execute(db);
  return r.rows.map((g) => ({ ...g, kuantitas_mili: Number(g.kuantitas_mili) }));
}

/** The voiding entry's amount or number, when the void was posted by the quarter's end. */
const batal = (kolom: 'jumlah' | 'nomor', sampai: string): RawBuilder<unknown> =>
  sql`(SELECT ${sql.ref(`r.${kolom}`)} FROM kas r WHERE r.batal_dari = k.id AND r.tanggal <= ${sampai})`;

async function loadPenyaluran(db: Kysely<Database>, dari: string, sampai: string): Promise<PenyaluranBaris[]> {
  const r = await sql<Tersimpan<PenyaluranBaris, 'jumlah' | 'jumlah_batal'>>`
    SELECT p.id, p.tanggal, p.layanan, p.bentuk, p.uraian, p.asnaf, k.nomor, k.jumlah, k.dana,
           ${batal('jumlah', sampai)} AS jumlah_batal, ${batal('nomor', sampai)} AS nomor_batal,
           t.kuantitas_mili, t.barang, t.satuan,
           x.id AS ppks_id, x.nama, x.nik, x.alamat, x.rt, x.padukuhan, x.kategori
    FROM penyaluran p JOIN ppks x ON x.id = p.ppks_id
    LEFT JOIN kas k ON k.id = p.kas_id LEFT JOIN natura t ON t.id = p.natura_id
    WHERE p.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY p.tanggal, p.id`.execute(db);
  return r.rows.map((p) => ({
    ...p,
    jumlah: uangAtauNull(p.jumlah, `Entri kas ${p.nomor}`),
    jumlah_batal: uangAtauNull(p.jumlah_batal, `Pembatalan ${p.nomor}`),
    kuantitas_mili: n(p.kuantitas_mili),
  }));
}

// CROSS JOIN keeps the order written: the few death benefits each find their entry by id, instead of every
// entry of the quarter looking for a benefit
async function loadSantunan(db: Kysely<Database>, dari: string, sampai: string): Promise<SantunanBaris[]> {
  const r = await sql<Tersimpan<SantunanBaris, 'jumlah' | 'jumlah_batal'>>`
    SELECT s.id, k.tanggal, k.nomor, k.jumlah, k.dana,
           ${batal('jumlah', sampai)} AS jumlah_batal, ${batal('nomor', sampai)} AS nomor_batal,
           s.almarhum, s.tanggal_wafat, s.ahli_waris, s.hubungan, s.alamat
    FROM santunan s CROSS JOIN kas k ON k.id = s.kas_id
    WHERE k.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY k.tanggal, k.id`.execute(db);
  return r.rows.map((s) => ({
    ...s,
    jumlah: rupiahTersimpan(s.jumlah, `Entri kas ${s.nomor}`),
    jumlah_batal: uangAtauNull(s.jumlah_batal, `Pembatalan ${s.nomor}`),
  }));
}

async function loadKegiatan(db: Kysely<Database>, dari: string, sampai: string): Promise<KegiatanBaris[]> {
  const r = await sql<Tersimpan<KegiatanBaris, 'biaya'>>`
    SELECT g.id, g.tanggal, g.nama, g.jenis, g.layanan, g.tempat, g.sasaran, g.peserta, g.hasil,
           coalesce((SELECT sum(k.jumlah) FROM kas k
                     WHERE k.kegiatan_id = g.id AND k.arah = 'keluar' AND k.tanggal <= ${sampai}), 0) AS biaya
    FROM kegiatan g WHERE g.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY g.tanggal, g.id`.execute(db);
  return r.rows.map((g) => ({
    ...g,
    biaya: rupiahTersimpan(g.biaya, `Biaya kegiatan ${g.id}`),
    peserta: n(g.peserta),
  }));
}

async function loadRapat(db: Kysely<Database>, dari: string, sampai: string): Promise<RapatBaris[]> {
  const r = await sql<RapatBaris>`
    SELECT r.id, r.tanggal, r.jenis, r.tempat, r.agenda, r.keputusan,
           (SELECT count(*) FROM rapat_hadir h WHERE h.rapat_id = r.id) AS hadir
    FROM rapat r WHERE r.tanggal BETWEEN ${dari} AND ${sampai} ORDER BY r.tanggal, r.id`.execute(db);
  return r.rows.map((x) => ({ ...x, hadir: Number(x.hadir) }));
}

// registered by the quarter's end / within it: the day the user gave (`terdaftar`), not when it was typed in. Rows
// alike in what the report counts come as one line with their number (`n`): the report reads a few lines a day
// registered, not the whole register
async function loadTerdata(
  db: Kysely<Database>,
): Promise<{ ppks: PpksTerdata[]; psks: PsksTerdata[]; donatur: DonaturTerdata[] }> {
  const ppks = await sql<PpksTerdata>`
    SELECT jk, kategori, terdaftar AS terdata, tanggal_meninggal AS meninggal, count(*) AS n
    FROM ppks GROUP BY jk, kategori, terdaftar, tanggal_meninggal`.execute(db);
  const psks = await sql<PsksTerdata>`
    SELECT jenis, kategori, terdaftar AS terdata, wilayah, count(*) AS n
    FROM psks GROUP BY jenis, kategori, terdaftar, wilayah`.execute(db);
  const donatur = await sql<DonaturTerdata>`
    SELECT jenis, terdaftar AS terdata, count(*) AS n FROM donatur GROUP BY jenis, terdaftar`.execute(db);
  return { ppks: ppks.rows, psks: psks.rows, donatur: donatur.rows };
}

async function loadJejaring(db: Kysely<Database>): Promise<JejaringTerdata[]> {
  const r = await sql<JejaringTerdata>`
    SELECT nama, jenis, bidang, sejak, nomor_kerjasama, terdaftar AS terdata FROM jejaring ORDER BY nama, id`.execute(
    db,
  );
  return r.rows;
}

async function countAnggotaAktif(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM anggota WHERE aktif = 1`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
