// The recap at the terminal (units counted, the Dinas desk, totals per kapanewon and kalurahan) and
// its flat CSV for a provincial data system.
import path from 'node:path';
import { formatRupiah } from '../domain/money.js';
import type { BarisMeja, MejaDinas, StatusUnit, TotalWilayah } from '../reports/meja-dinas.js';
import type { BarisRekap } from '../reports/rekap.js';
import type { TabelDatar } from '../reports/rekap-datar.js';
import { simpanTeksPribadi } from './pribadi.js';
import { type Gaya, type Kolom, renderCsv, renderTable } from './teks.js';

export const STATUS: Record<StatusUnit, string> = {
  terkirim: 'terkirim',
  belum: 'belum mengirim',
  ganda: 'dikirim dua kali',
  diubah: 'berkas diubah',
};

export function tabelUnit(gaya: Gaya, unit: BarisRekap[]): string {
  const kolom: Kolom<BarisRekap>[] = [
    { header: 'Nama WKSBM', key: 'nama', value: (u) => u.nama, lentur: true },
    { header: 'Kalurahan', key: 'kalurahan', value: (u) => u.kalurahan },
    { header: 'Kapanewon', key: 'kapanewon', value: (u) => u.kapanewon },
    { header: 'Triwulan', key: 'periode', value: (u) => u.periode },
    { header: 'Kode segel', key: 'kode_segel', value: (u) => u.kode_segel },
    { header: 'Saldo akhir', key: 'saldo_akhir', value: (u) => formatRupiah(u.saldo_akhir), align: 'right' },
  ];
  return renderTable(gaya, kolom, unit);
}

export function tabelMeja(gaya: Gaya, meja: MejaDinas, kode: Map<string, string>): string {
  const satuPeriode = new Set(meja.unit.map((u) => u.periode)).size <= 1;
  const kolom: Kolom<BarisMeja>[] = [
    { header: 'Kode', key: 'kode', value: (u) => u.kode },
    { header: 'Nama WKSBM', key: 'nama', value: (u) => u.nama, lentur: true },
    { header: 'Kapanewon', key: 'kapanewon', value: (u) => u.kapanewon, lentur: true },
    { header: 'Kalurahan', key: 'kalurahan', value: (u) => u.kalurahan, lentur: true },
    ...(satuPeriode ? [] : [{ header: 'Triwulan', key: 'periode', value: (u: BarisMeja) => u.periode }]),
    { header: 'Status', key: 'status', value: (u) => STATUS[u.status], lentur: true },
    { header: 'Kode segel', key: 'kode_segel', value: (u) => (u.status === 'terkirim' ? kode.get(u.berkas[0]!) : '') },
    { header: 'Berkas', key: 'berkas', value: (u) => u.berkas.map((b) => path.basename(b)).join(', '), lentur: true },
  ];
  const judul = satuPeriode && meja.unit[0]?.periode ? `Laporan triwulan ${meja.unit[0].periode}:\n` : '';
  return judul + renderTable(gaya, kolom, meja.unit);
}

export function tabelLuarDaftar(gaya: Gaya, meja: MejaDinas): string {
  const kolom: Kolom<MejaDinas['luar_daftar'][number]>[] = [
    { header: 'Nama WKSBM', key: 'nama', value: (u) => u.nama, lentur: true },
    { header: 'Kapanewon', key: 'kapanewon', value: (u) => u.kapanewon },
    { header: 'Kalurahan', key: 'kalurahan', value: (u) => u.kalurahan },
    { header: 'Triwulan', key: 'periode', value: (u) => u.periode },
    { header: 'Berkas', key: 'berkas', value: (u) => path.basename(u.berkas), lentur: true },
  ];
  return renderTable(gaya, kolom, meja.luar_daftar);
}

export function tabelWilayah(gaya: Gaya, baris: TotalWilayah[], perKalurahan: boolean): string {
  const rp = (k: 'penerimaan' | 'saldo_akhir' | 'nilai_bantuan') => (t: TotalWilayah) => formatRupiah(t[k]);
  const kolom: Kolom<TotalWilayah>[] = [
    { header: 'Kapanewon', key: 'kapanewon', value: (t) => t.kapanewon, lentur: true },
    ...(perKalurahan
      ? [{ header: 'Kalurahan', key: 'kalurahan', value: (t: TotalWilayah) => t.kalurahan ?? '', lentur: true }]
      : []),
    { header: 'Unit', key: 'terdaftar', value: (t) => t.terdaftar, align: 'right' },
    { header: 'Kirim', key: 'terkirim', value: (t) => t.terkirim, align: 'right' },
    { header: 'Belum', key: 'belum', value: (t) => t.belum, align: 'right' },
    { header: 'Masalah', key: 'bermasalah', value: (t) => t.bermasalah, align: 'right' },
    { header: 'Penerimaan', key: 'penerimaan', value: rp('penerimaan'), align: 'right' },
    { header: 'Saldo akhir', key: 'saldo_akhir', value: rp('saldo_akhir'), align: 'right' },
    // per kalurahan the table is one column wider: aid and PPKS stay in the per-kapanewon table and --json
    ...(perKalurahan
      ? []
      : [
          { header: 'Bantuan', key: 'nilai_bantuan', value: rp('nilai_bantuan'), align: 'right' as const },
          { header: 'PPKS', key: 'ppks', value: (t: TotalWilayah) => t.ppks, align: 'right' as const },
        ]),
  ];
  return renderTable(gaya, kolom, baris);
}

/** The flat rows as CSV (separator as asked, BOM, formula-safe cells), owner-only like every file we write. */
export async function tulisCsvRekap(t: TabelDatar, keluar: string, pemisah: string): Promise<void> {
  const teks = renderCsv(
    t.kolom,
    t.baris.map((r) => t.kolom.map((k) => r[k] ?? '')),
    pemisah,
  );
  await simpanTeksPribadi(keluar, teks);
}
