// The Dinas recap: many units' quarterly figures (from their workbooks' _data) side by side.
import type { RingkasanLaporan } from './laporan-triwulan.js';

export interface UnitMasuk {
  berkas: string;
  laporan: RingkasanLaporan;
}

export interface Bermasalah {
  berkas: string;
  masalah: string;
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
  saldo_awal: number;
  penerimaan: number;
  pengeluaran: number;
  saldo_akhir: number;
  ppks: number;
  ppks_baru: number;
  penerima_bantuan: number;
  nilai_bantuan: number;
  kegiatan: number;
  rapat: number;
  donatur: number;
  sumbangan_donatur: number;
}

export const ANGKA_REKAP = ['saldo_awal', 'penerimaan', 'pengeluaran', 'saldo_akhir', 'ppks', 'ppks_baru', 'penerima_bantuan', 'nilai_bantuan', 'kegiatan', 'rapat', 'donatur', 'sumbangan_donatur'] as const;

export interface Rekap {
  periode: string[];
  unit: BarisRekap[];
  total: Record<(typeof ANGKA_REKAP)[number], number>;
  ppks: { nomor: number; kode: string; nama: string; per_unit: number[]; jumlah: number }[];
  bermasalah: Bermasalah[];
}

const jumlah = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function rekapLaporan(masuk: UnitMasuk[], bermasalah: Bermasalah[]): Rekap {
  const unit: BarisRekap[] = masuk.map(({ berkas, laporan: l }, i) => ({
    no: i + 1,
    berkas,
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
    nilai_bantuan: jumlah(l.ppks.map((p) => p.nilai)),
    kegiatan: l.jumlah_kegiatan,
    rapat: l.jumlah_rapat,
    donatur: l.donatur.jumlah,
    sumbangan_donatur: l.donatur.sumbangan,
  }));
  const total = Object.fromEntries(ANGKA_REKAP.map((k) => [k, jumlah(unit.map((u) => u[k]))])) as Rekap['total'];
  // Categories as the units list them (the official 26), in number order.
  const kategori = new Map<string, { nomor: number; kode: string; nama: string }>();
  for (const { laporan } of masuk) for (const p of laporan.ppks) if (!kategori.has(p.kode)) kategori.set(p.kode, { nomor: p.nomor, kode: p.kode, nama: p.nama });
  const ppks = [...kategori.values()]
    .sort((a, b) => a.nomor - b.nomor)
    .map((k) => {
      const per_unit = masuk.map(({ laporan }) => laporan.ppks.find((p) => p.kode === k.kode)?.jumlah ?? 0);
      return { ...k, per_unit, jumlah: jumlah(per_unit) };
    });
  return { periode: [...new Set(unit.map((u) => u.periode))], unit, total, ppks, bermasalah };
}
