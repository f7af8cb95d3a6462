// Receipts on paper: each one a block of rows across A4 portrait, two to a page, a dashed line
// to cut along between them. The figures come as text already in Indonesian form ("Rp 1.500.000"),
// so no spreadsheet locale can print them otherwise.
import type ExcelJSNs from 'exceljs';
import type { Kwitansi, Penandatangan } from '../reports/kwitansi.js';
import { gabungkan } from './gabung.js';
import { gayaSel, opsiCetak } from './gaya.js';
import { simpanPribadi } from './simpan-xlsx.js';
import { loadExcelJS } from './templat.js';

/** A: margin, B: labels, C: colon, D–H: values; signatures over B:D (left) and F:H (right), the stamp in E. */
const LEBAR = [2, 17, 2, 15, 13, 14, 14, 14];
const TIPIS = { style: 'thin', color: { argb: 'FF000000' } } as const;
const PUTUS = { style: 'dashed', color: { argb: 'FF777777' } } as const;
const kotak = (b: typeof TIPIS | typeof PUTUS): Partial<ExcelJSNs.Borders> => ({
  top: b,
  left: b,
  bottom: b,
  right: b,
});

/** Per receipt: rows down from its first row (r), so two fit on one A4 page with room to spare. */
const BARIS_PER_KWITANSI = 19;

type Tulis = (sel: string, nilai: string | null, gaya?: Partial<ExcelJSNs.Style>, sampai?: string) => void;

function penulis(ws: ExcelJSNs.Worksheet): Tulis {
  // styled before merging: exceljs copies the first cell's style (its borders) to every merged cell
  return (sel, nilai, gaya = {}, sampai) => {
    const c = ws.getCell(sel);
    c.value = nilai;
    c.style = { ...gayaSel(), ...gaya, font: { name: 'Arial', size: 10, ...gaya.font } };
    if (sampai) gabungkan(ws, `${sel}:${sampai}`);
  };
}

const tengah = (font: Partial<ExcelJSNs.Font> = {}, extra: Partial<ExcelJSNs.Style> = {}) => ({
  font,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } as Partial<ExcelJSNs.Alignment>,
  ...extra,
});
const kiri = (font: Partial<ExcelJSNs.Font> = {}, extra: Partial<ExcelJSNs.Style> = {}) => ({
  font,
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 } as Partial<ExcelJSNs.Alignment>,
  ...extra,
});

const TINGGI = [20, 26, 8, 26, 16, 10, 24, 36, 36, 12, 26, 18, 16, 22, 22, 22, 22, 16, 22];

function kepala(tulis: Tulis, k: Kwitansi, r: number): void {
  tulis(`A${r}`, k.unit.nama.toUpperCase(), tengah({ bold: true, size: 12 }), `H${r}`);
  tulis(`A${r + 1}`, k.unit.alamat, tengah({ size: 9 }, { border: { bottom: { style: 'medium' } } }), `H${r + 1}`);
  tulis(`A${r + 3}`, k.judul, tengah({ bold: true, size: 14, underline: true }), `H${r + 3}`);
  tulis(`A${r + 4}`, `Nomor: ${k.nomor}`, tengah(), `H${r + 4}`);
}

function isi(tulis: Tulis, k: Kwitansi, r: number): void {
  const baris = (n: number, label: string, nilai: string, gaya: Partial<ExcelJSNs.Style>) => {
    tulis(`B${n}`, label, kiri());
    tulis(`C${n}`, ':', tengah());
    tulis(`D${n}`, nilai, gaya, `H${n}`);
  };
  baris(r + 6, k.pihak.label, k.pihak.nama ?? '.'.repeat(60), kiri({ bold: true }));
  const abu = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
  baris(r + 7, 'Uang sejumlah', k.terbilang, kiri({ italic: true, bold: true }, { fill: abu, border: kotak(TIPIS) }));
  baris(r + 8, k.untuk.label, k.untuk.isi, kiri());
  tulis(
    `B${r + 10}`,
    k.angka,
    kiri({ bold: true, size: 14 }, { border: kotak(TIPIS), fill: abu, alignment: { vertical: 'middle', indent: 1 } }),
    `D${r + 10}`,
  );
  tulis(`F${r + 10}`, k.tempat_tanggal, tengah(), `H${r + 10}`);
}

/** The signature blocks: the position, room to sign (over the stamp duty when one is due), the name. */
function tandaTangan(tulis: Tulis, k: Kwitansi, r: number): void {
  const blok =
    k.tanda_tangan.length === 1
      ? [['F', 'H']]
      : [
          ['B', 'D'],
          ['F', 'H'],
        ];
  k.tanda_tangan.forEach((t: Penandatangan, i) => {
    const [a, z] = blok[i]!;
    tulis(`${a}${r + 11}`, t.jabatan, tengah(), `${z}${r + 11}`);
    const nama = t.nama ? `( ${t.nama} )` : `( ${'.'.repeat(36)} )`;
    tulis(`${a}${r + 16}`, nama, tengah({ bold: true }), `${z}${r + 16}`);
    if (t.meterai) {
      const m = a === 'F' ? 'F' : 'B';
      tulis(`${m}${r + 12}`, 'Meterai\nRp10.000', tengah({ size: 8 }, { border: kotak(TIPIS) }), `${m}${r + 14}`);
    }
    if (t.cap)
      tulis(
        `E${r + 12}`,
        'cap',
        tengah({ size: 8, color: { argb: 'FF999999' } }, { border: kotak(PUTUS) }),
        `E${r + 15}`,
      );
  });
}

/** The dashed line to cut along, under every receipt. */
function garisPotong(ws: ExcelJSNs.Worksheet, r: number): void {
  for (let c = 1; c <= LEBAR.length; c++) ws.getRow(r).getCell(c).border = { bottom: PUTUS };
}

function tulisSatu(ws: ExcelJSNs.Worksheet, k: Kwitansi, r: number): void {
  TINGGI.forEach((t, i) => {
    ws.getRow(r + i).height = t;
  });
  const tulis = penulis(ws);
  kepala(tulis, k, r);
  isi(tulis, k, r);
  tandaTangan(tulis, k, r);
  garisPotong(ws, r + BARIS_PER_KWITANSI - 1);
}

/** Writes the receipts, two per A4 page, into one .xlsx (owner-only: it names donors and recipients). */
export async function tulisKwitansi(keluar: string, daftar: Kwitansi[]): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  const ws = wb.addWorksheet('Kwitansi', opsiCetak('portrait'));
  ws.columns = LEBAR.map((width) => ({ width }));
  daftar.forEach((k, i) => {
    const r = i * BARIS_PER_KWITANSI + 1;
    tulisSatu(ws, k, r);
    if (i % 2 === 1 && i < daftar.length - 1) ws.getRow(r + BARIS_PER_KWITANSI - 1).addPageBreak();
  });
  await simpanPribadi(wb, keluar);
}
