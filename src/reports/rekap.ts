// The Dinas recap: many units' quarterly figures (from their workbooks' _data) side by side.
import { jumlahSemua, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import type { RingkasanLaporan } from './laporan-triwulan.js';

/** Who a workbook says it is from: the unit and the quarter. */
export interface IdentitasUnit {
  nama: string;
  padukuhan: string;
  kalurahan: string;
  kapanewon: string;
  kabupaten: string;
  tahun: number;
  triwulan: number;
}

export interface UnitMasuk {
  berkas: string;
  laporan: RingkasanLaporan;
  kode_segel: string;
}

export interface Bermasalah {
  berkas: string;
  masalah: string;
  /** the unit an edited workbook names, when its `_data` still reads */
  unit?: IdentitasUnit;
}

/** Who a report is from; also of a `_data` read back before its amounts are checked. */
export function identitasLaporan(l: {
  unit: Record<string, unknown>;
  periode: { tahun: number; triwulan: number };
}): IdentitasUnit {
  const s = (v: unknown) => String(v ?? '');
  const u = l.unit;
  return {
    nama: s(u.nama),
    padukuhan: s(u.padukuhan),
    kalurahan: s(u.kalurahan),
    kapanewon: s(u.kapanewon),
    kabupaten: s(u.kabupaten),
    tahun: l.periode.tahun,
    triwulan: l.periode.triwulan,
  };
}

const kunciGanda = (u: IdentitasUnit) =>
  [u.nama, u.padukuhan, u.kalurahan, u.kapanewon, u.kabupaten, u.tahun, u.triwulan].join('|');

/** The same unit and quarter twice (a resent file) is counted once: the later files become problems. */
export function pilahGanda(hasil: (UnitMasuk | Bermasalah)[]): { masuk: UnitMasuk[]; bermasalah: Bermasalah[] } {
  const dilihat = new Map<string, string>();
  const masuk: UnitMasuk[] = [];
  const bermasalah: Bermasalah[] = [];
  for (const h of hasil) {
    if ('masalah' in h) {
      bermasalah.push(h);
      continue;
    }
    const unit = identitasLaporan(h.laporan);
    const sudah = dilihat.get(kunciGanda(unit));
    if (sudah) bermasalah.push({ berkas: h.berkas, masalah: pesan.rekapGanda(sudah), unit });
    else {
      dilihat.set(kunciGanda(unit), h.berkas);
      masuk.push(h);
    }
  }
  return { masuk, bermasalah };
}

export interface BarisRekap {
  no: number;
  berkas: string;
  nama: string;
  padukuhan: string;
  kalurahan: string;
  kapanewon: string;
  kabupaten: string;
  periode: string;
  kode_segel: string;
  saldo_awal: Rupiah;
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  saldo_akhir: Rupiah;
  ppks: number;
  ppks_baru: number;
  penerima_bantuan: number;
  nilai_bantuan: Rupiah;
  kegiatan: number;
  rapat: number;
  donatur: number;
  sumbangan_donatur: Rupiah;
}

/** The figures of a unit's row that the recap adds up, in the order of its columns and of `total`. */
export const ANGKA_REKAP = [
  'saldo_awal',
  'penerimaan',
  'pengeluaran',
  'saldo_akhir',
  'ppks',
  'ppks_baru',
  'penerima_bantuan',
  'nilai_bantuan',
  'kegiatan',
  'rapat',
  'donatur',
  'sumbangan_donatur',
] as const;

export type TotalRekap = Pick<BarisRekap, (typeof ANGKA_REKAP)[number]>;

export interface Rekap {
  periode: string[];
  unit: BarisRekap[];
  total: TotalRekap;
  ppks: { nomor: number; kode: string; nama: string; per_unit: number[]; jumlah: number }[];
  bermasalah: Bermasalah[];
}

const jumlah = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function rekapLaporan(masuk: UnitMasuk[], bermasalah: Bermasalah[]): Rekap {
  const unit = masuk.map((m, i) => barisUnit(i + 1, m));
  return {
    periode: [...new Set(unit.map((u) => u.periode))],
    unit,
    total: totalRekap(unit),
    ppks: ppksPerUnit(masuk),
    bermasalah,
  };
}

function barisUnit(no: number, { berkas, laporan: l, kode_segel }: UnitMasuk): BarisRekap {
  return {
    no,
    berkas,
    kode_segel,
    nama: String(l.unit.nama ?? ''),
    padukuhan: String(l.unit.padukuhan ?? ''),
    kalurahan: String(l.unit.kalurahan ?? ''),
    kapanewon: String(l.unit.kapanewon ?? ''),
    kabupaten: String(l.unit.kabupaten ?? ''),
    periode: `${l.periode.romawi}/${l.periode.tahun}`,
    saldo_awal: l.keuangan.saldo_awal,
    penerimaan: l.keuangan.total_penerimaan,
    pengeluaran: l.keuangan.total_pengeluaran,
    saldo_akhir: l.keuangan.saldo_akhir,
    ppks: jumlah(l.ppks.map((p) => p.jumlah)),
    ppks_baru: jumlah(l.ppks.map((p) => p.baru)),
    penerima_bantuan: jumlah(l.ppks.map((p) => p.menerima)),
    nilai_bantuan: jumlahSemua(l.ppks.map((p) => p.nilai)),
    kegiatan: l.jumlah_kegiatan,
    rapat: l.jumlah_rapat,
    donatur: l.donatur.jumlah,
    sumbangan_donatur: l.donatur.sumbangan,
  };
}

/** Money columns add up as Rupiah, counts as counts; the keys keep the order of ANGKA_REKAP. */
function totalRekap(unit: BarisRekap[]): TotalRekap {
  const uang = (
    k: 'saldo_awal' | 'penerimaan' | 'pengeluaran' | 'saldo_akhir' | 'nilai_bantuan' | 'sumbangan_donatur',
  ) => jumlahSemua(unit.map((u) => u[k]));
  const hitung = (k: 'ppks' | 'ppks_baru' | 'penerima_bantuan' | 'kegiatan' | 'rapat' | 'donatur') =>
    jumlah(unit.map((u) => u[k]));
  return {
    saldo_awal: uang('saldo_awal'),
    penerimaan: uang('penerimaan'),
    pengeluaran: uang('pengeluaran'),
    saldo_akhir: uang('saldo_akhir'),
    ppks: hitung('ppks'),
    ppks_baru: hitung('ppks_baru'),
    penerima_bantuan: hitung('penerima_bantuan'),
    nilai_bantuan: uang('nilai_bantuan'),
    kegiatan: hitung('kegiatan'),
    rapat: hitung('rapat'),
    donatur: hitung('donatur'),
    sumbangan_donatur: uang('sumbangan_donatur'),
  };
}

/** Categories as the units list them (the official 26), in number order, with each unit's count. */
function ppksPerUnit(masuk: UnitMasuk[]): Rekap['ppks'] {
  const kategori = new Map<string, { nomor: number; kode: string; nama: string }>();
  for (const { laporan } of masuk) {
    for (const p of laporan.ppks)
      if (!kategori.has(p.kode)) kategori.set(p.kode, { nomor: p.nomor, kode: p.kode, nama: p.nama });
  }
  return [...kategori.values()]
    .sort((a, b) => a.nomor - b.nomor)
    .map((k) => {
      const per_unit = masuk.map(({ laporan }) => laporan.ppks.find((p) => p.kode === k.kode)?.jumlah ?? 0);
      return { ...k, per_unit, jumlah: jumlah(per_unit) };
    });
}
