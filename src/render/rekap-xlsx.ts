// Reading units' quarterly workbooks back (checking that _data and the visible figures are as
// exported) and writing the Dinas recap workbook.
import path from 'node:path';
import type ExcelJSNs from 'exceljs';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { bacaRingkasan, type RingkasanLaporan, VERSI_FORMAT } from '../reports/laporan-triwulan.js';
import { ANGKA_REKAP, type Bermasalah, type Rekap, type UnitMasuk } from '../reports/rekap.js';
import { angkaKeKolom } from './a1.js';
import { formatNilai, gayaJudulKolom, gayaSel, opsiCetak, RP_ID } from './gaya.js';
import { FORMAT_DATA, hashData, type IsiData, SHEET_DATA } from './laporan-xlsx.js';
import { siapkanBerkasPribadi } from './pribadi.js';
import { loadExcelJS } from './templat.js';

function teks(v: ExcelJSNs.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

function angkaSel(v: ExcelJSNs.CellValue): number | undefined {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  return undefined;
}

/** Reads one unit's workbook; a problem is returned, never thrown, so the recap goes on. */
export async function bacaLaporanUnit(berkas: string): Promise<UnitMasuk | Bermasalah> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(berkas);
  } catch {
    return { berkas, masalah: pesan.rekapTidakTerbaca() };
  }
  const isi = bacaIsiData(wb);
  if (typeof isi === 'string') return { berkas, masalah: isi };
  let laporan: RingkasanLaporan;
  try {
    laporan = bacaRingkasan(isi.laporan);
  } catch (e) {
    if (e instanceof UserError) return { berkas, masalah: e.message };
    throw e;
  }
  const selBeda = periksaSel(wb, isi.sel ?? {});
  return selBeda ? { berkas, masalah: selBeda } : { berkas, laporan };
}

/** The `_data` of a workbook this program wrote, for `periksa --laporan`; or what is wrong with it. */
export async function bacaDataLaporan(berkas: string): Promise<IsiData | string> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(berkas);
  } catch {
    return pesan.rekapTidakTerbaca();
  }
  return bacaIsiData(wb);
}

/** The JSON of the hidden `_data` sheet, checked against its hash and format; or what is wrong with it. */
function bacaIsiData(wb: ExcelJSNs.Workbook): IsiData | string {
  const ws = wb.getWorksheet(SHEET_DATA);
  let json = ws ? teks(ws.getCell('A1').value) : null;
  // a JSON longer than a cell holds continues in B1, C1, …
  for (let k = 2; ws && json !== null; k++) {
    const lanjut = teks(ws.getCell(1, k).value);
    if (lanjut === null) break;
    json += lanjut;
  }
  if (!ws || json === null) return pesan.rekapTanpaData();
  if (hashData(json) !== teks(ws.getCell('A2').value)) return pesan.rekapHashBeda();
  let isi: IsiData;
  try {
    isi = JSON.parse(json) as IsiData;
  } catch {
    return pesan.rekapHashBeda();
  }
  if (isi.format !== FORMAT_DATA || isi.versi !== VERSI_FORMAT) return pesan.rekapVersi(`${isi.format}/${isi.versi}`);
  return isi;
}

/** Every visible number a marker wrote must still read as exported; the first changed cell is named. */
function periksaSel(wb: ExcelJSNs.Workbook, sel: Record<string, number>): string | null {
  for (const [alamat, asli] of Object.entries(sel)) {
    const i = alamat.lastIndexOf('!');
    const sheet = wb.getWorksheet(alamat.slice(0, i));
    const nilai = sheet ? sheet.getCell(alamat.slice(i + 1)).value : null;
    // exceljs reads a cached 0 of a formula back as no result at all; such a cell can only be taken as it is
    const nolRumus =
      asli === 0 && nilai !== null && typeof nilai === 'object' && 'formula' in nilai && nilai.result === undefined;
    const v = nolRumus ? 0 : angkaSel(nilai);
    if (v === undefined || Math.abs(v - asli) > 1e-6) return pesan.rekapSelBeda(alamat, asli, teksSekarang(nilai));
  }
  return null;
}

function teksSekarang(v: ExcelJSNs.CellValue): string {
  if (v === null || v === undefined) return 'kosong';
  return String(angkaSel(v) ?? teks(v) ?? JSON.stringify(v));
}

const JUDUL_REKAP: [keyof Rekap['unit'][number], string, number, string?][] = [
  ['no', 'No', 5],
  ['nama', 'Nama WKSBM', 24],
  ['padukuhan', 'Padukuhan', 14],
  ['kalurahan', 'Kalurahan', 14],
  ['kapanewon', 'Kapanewon', 14],
  ['kabupaten', 'Kabupaten', 12],
  ['periode', 'Triwulan', 10],
  ['saldo_awal', 'Saldo awal', 17, RP_ID],
  ['penerimaan', 'Penerimaan', 17, RP_ID],
  ['pengeluaran', 'Pengeluaran', 17, RP_ID],
  ['saldo_akhir', 'Saldo akhir', 17, RP_ID],
  ['ppks', 'PPKS terdata', 10, '#,##0'],
  ['ppks_baru', 'PPKS baru', 10, '#,##0'],
  ['penerima_bantuan', 'Penerima bantuan', 11, '#,##0'],
  ['nilai_bantuan', 'Nilai bantuan', 17, RP_ID],
  ['kegiatan', 'Kegiatan', 10, '#,##0'],
  ['rapat', 'Rapat', 8, '#,##0'],
  ['donatur', 'Donatur', 9, '#,##0'],
  ['sumbangan_donatur', 'Sumbangan donatur', 17, RP_ID],
  ['berkas', 'Berkas', 30],
];

export async function tulisRekap(r: Rekap, keluar: string, tanggal: string): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  tulisSheetRekap(wb, r, tanggal);
  tulisSheetPpks(wb, r);
  tulisSheetBermasalah(wb, r);
  siapkanBerkasPribadi(keluar);
  await wb.xlsx.writeFile(keluar);
}

/** One row per unit, amounts as numbers in the Rupiah format, and a JUMLAH row of SUM formulas. */
function tulisSheetRekap(wb: ExcelJSNs.Workbook, r: Rekap, tanggal: string): void {
  const ws = wb.addWorksheet('Rekap', opsiCetak('landscape', '4:4'));
  ws.getCell('A1').value = `REKAPITULASI LAPORAN TRIWULAN WKSBM ${r.periode.join(', ')}`;
  ws.getCell('A1').style = gayaSel({ bold: true, size: 12 });
  ws.getCell('A2').value = `${r.unit.length} unit; ${r.bermasalah.length} berkas bermasalah; direkap ${tanggal}`;
  JUDUL_REKAP.forEach(([, judul, lebar], i) => {
    ws.getColumn(i + 1).width = lebar;
    const c = ws.getCell(4, i + 1);
    c.value = judul;
    c.style = gayaJudulKolom();
  });
  r.unit.forEach((u, j) => {
    JUDUL_REKAP.forEach(([k, , , fmt], i) => {
      const c = ws.getCell(5 + j, i + 1);
      c.value = k === 'berkas' ? path.basename(u.berkas) : u[k];
      c.style = gayaSel({}, formatNilai(fmt, c.value), true);
    });
  });
  const akhir = 5 + r.unit.length;
  JUDUL_REKAP.forEach(([k, , , fmt], i) => {
    const c = ws.getCell(akhir, i + 1);
    if (k === 'nama') c.value = 'JUMLAH';
    else if (isAngkaRekap(k)) {
      const kol = angkaKeKolom(i + 1);
      c.value = r.unit.length ? { formula: `SUM(${kol}5:${kol}${akhir - 1})`, result: r.total[k], date1904: false } : 0;
    }
    c.style = gayaSel({ bold: true }, formatNilai(fmt, isAngkaRekap(k) ? r.total[k] : null), true);
  });
}

function isAngkaRekap(k: string): k is (typeof ANGKA_REKAP)[number] {
  return (ANGKA_REKAP as readonly string[]).includes(k);
}

function tulisSheetPpks(wb: ExcelJSNs.Workbook, r: Rekap): void {
  const wp = wb.addWorksheet('PPKS', opsiCetak('landscape', '3:3'));
  wp.getCell('A1').value = 'JUMLAH PPKS PER KATEGORI PER UNIT';
  wp.getCell('A1').style = gayaSel({ bold: true, size: 12 });
  const kepala = ['No', 'Kategori PPKS', 'Kode', ...r.unit.map((u) => u.nama), 'Jumlah'];
  kepala.forEach((t, i) => {
    const c = wp.getCell(3, i + 1);
    c.value = t;
    c.style = gayaJudulKolom();
    wp.getColumn(i + 1).width = i === 1 ? 48 : i === 0 ? 5 : i === 2 ? 8 : 14;
  });
  r.ppks.forEach((p, j) => {
    const b = 4 + j;
    const nilai: ExcelJSNs.CellValue[] = [p.nomor, p.nama, p.kode, ...p.per_unit];
    nilai.forEach((v, i) => {
      const c = wp.getCell(b, i + 1);
      c.value = v;
      c.style = gayaSel({}, i >= 3 ? '#,##0' : undefined, true);
    });
    const c = wp.getCell(b, kepala.length);
    const dari = angkaKeKolom(4);
    const sampai = angkaKeKolom(3 + r.unit.length);
    c.value = r.unit.length ? { formula: `SUM(${dari}${b}:${sampai}${b})`, result: p.jumlah, date1904: false } : 0;
    c.style = gayaSel({ bold: true }, '#,##0', true);
  });
}

function tulisSheetBermasalah(wb: ExcelJSNs.Workbook, r: Rekap): void {
  const wm = wb.addWorksheet('Bermasalah', opsiCetak('landscape', '3:3'));
  wm.getCell('A1').value = 'BERKAS YANG TIDAK DIREKAP';
  wm.getCell('A1').style = gayaSel({ bold: true, size: 12 });
  ['No', 'Berkas', 'Masalah'].forEach((t, i) => {
    const c = wm.getCell(3, i + 1);
    c.value = t;
    c.style = gayaJudulKolom();
  });
  wm.getColumn(1).width = 5;
  wm.getColumn(2).width = 45;
  wm.getColumn(3).width = 80;
  r.bermasalah.forEach((m, j) => {
    [j + 1, m.berkas, m.masalah].forEach((v, i) => {
      const c = wm.getCell(4 + j, i + 1);
      c.value = v;
      c.style = gayaSel({}, undefined, true);
    });
  });
}
