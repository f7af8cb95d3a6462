// The Dinas recap workbook (units' workbooks are read back in src/import/laporan-unit.ts).
import path from 'node:path';
import type ExcelJSNs from 'exceljs';
import { ANGKA_REKAP, type Rekap } from '../reports/rekap.js';
import { angkaKeKolom } from './a1.js';
import { formatNilai, gayaJudulKolom, gayaSel, opsiCetak, RP_ID } from './gaya.js';
import { tulisSementara } from './pribadi.js';
import { loadExcelJS } from './templat.js';

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
  ['kode_segel', 'Kode segel', 16],
  ['berkas', 'Berkas', 30],
];

/** Written as a stream, each row committed when done: a thousand units' recap stays small in memory. */
export async function tulisRekap(r: Rekap, keluar: string, tanggal: string): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const siap = await tulisSementara(keluar, async (filename) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
    wb.creator = 'wksbm';
    const sheets = [tulisSheetRekap(wb, r, tanggal), tulisSheetPpks(wb, r), tulisSheetBermasalah(wb, r)];
    for (const ws of sheets) ws.commit();
    await wb.commit();
  });
  siap.pasang();
}

type Buku = Pick<ExcelJSNs.Workbook, 'addWorksheet'>;

/** One row per unit, amounts as numbers in the Rupiah format, and a JUMLAH row of SUM formulas. */
function tulisSheetRekap(wb: Buku, r: Rekap, tanggal: string): ExcelJSNs.Worksheet {
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
    ws.getRow(5 + j).commit();
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
  return ws;
}

function isAngkaRekap(k: string): k is (typeof ANGKA_REKAP)[number] {
  return (ANGKA_REKAP as readonly string[]).includes(k);
}

function tulisSheetPpks(wb: Buku, r: Rekap): ExcelJSNs.Worksheet {
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
  return wp;
}

function tulisSheetBermasalah(wb: Buku, r: Rekap): ExcelJSNs.Worksheet {
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
  return wm;
}
