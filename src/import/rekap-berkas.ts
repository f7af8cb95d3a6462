// `rekap` as one service: units' workbooks read one at a time (only `_data` and the sheets their
// figures sit on), resent ones set aside, the kabupaten's list checked against them, and the recap
// workbook and flat CSV written.

import { periksaKeluaran } from '../render/pribadi.js';
import { tulisCsvRekap } from '../render/rekap-teks.js';
import { tulisRekap } from '../render/rekap-xlsx.js';
import { kunciUnit, type MejaDinas, mejaDinas } from '../reports/meja-dinas.js';
import {
  type Bermasalah,
  identitasLaporan,
  pilahGanda,
  type Rekap,
  rekapLaporan,
  type UnitMasuk,
} from '../reports/rekap.js';
import { rekapDatar } from '../reports/rekap-datar.js';
import { bacaDaftarUnit } from './daftar-unit.js';
import { bacaLaporanUnit } from './laporan-unit.js';

export interface OpsiRekap {
  keluar: string;
  tanggal: string;
  /** the kabupaten's list of units */
  daftar?: string;
  csv?: { keluar: string; pemisah: string };
  /** told of each workbook that is not counted, as it is met */
  bermasalah(m: Bermasalah): void;
}

export async function rekapBerkas(
  berkas: string[],
  o: OpsiRekap,
): Promise<{ keluar: string; rekap: Rekap; meja?: MejaDinas; csv?: { keluar: string; baris: number } }> {
  // the outputs and the list first: bad input, refused before any workbook is read or written
  const masukan = o.daftar === undefined ? berkas : [...berkas, o.daftar];
  periksaKeluaran(o.keluar, masukan);
  if (o.csv) periksaKeluaran(o.csv.keluar, [...masukan, o.keluar]);
  const daftar = o.daftar === undefined ? undefined : await bacaDaftarUnit(o.daftar);
  const hasil: (UnitMasuk | Bermasalah)[] = [];
  for (const b of berkas) hasil.push(bacaLaporanUnit(b));
  const { masuk, bermasalah } = pilahGanda(hasil);
  for (const m of bermasalah) o.bermasalah(m);
  const rekap = rekapLaporan(masuk, bermasalah);
  await tulisRekap(rekap, o.keluar, o.tanggal);
  const meja = daftar ? mejaDinas(daftar, masuk, bermasalah) : undefined;
  let csv: { keluar: string; baris: number } | undefined;
  if (o.csv) {
    const kode = new Map((daftar ?? []).map((d) => [kunciUnit(d), d.kode]));
    const tabel = rekapDatar(masuk, (m) => kode.get(kunciUnit(identitasLaporan(m.laporan))) ?? '');
    await tulisCsvRekap(tabel, o.csv.keluar, o.csv.pemisah);
    csv = { keluar: o.csv.keluar, baris: tabel.baris.length };
  }
  return { keluar: o.keluar, rekap, meja, csv };
}
