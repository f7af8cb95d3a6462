// Printable books: one sheet with a heading, bordered columns, the rows streamed in order (so a
// whole book never sits in memory), a signature block, and A4 print setup.
import type ExcelJSNs from 'exceljs';
import { angkaKeKolom } from './a1.js';
import {
  type JenisKolom,
  type NilaiCetak,
  nilaiContoh,
  nilaiSel,
  type SisaBaris,
  sambunganBuku,
} from './cetak-alir.js';
import { formatNilai, gayaJudulKolom, gayaRupiah, gayaSel, opsiCetak, RP_ID, TGL_FMT } from './gaya.js';
import { periksaKeluaran, tulisSementara } from './pribadi.js';
import { tulisSambung } from './sambung-xlsx.js';
import { simpanPribadi } from './simpan-xlsx.js';
import { loadExcelJS, type Sambungan, TINGGI_BIASA, tinggiUntuk, ukuranHalaman } from './templat.js';

export type { JenisKolom, NilaiCetak };

export interface KolomCetak {
  judul: string;
  lebar: number;
  jenis: JenisKolom;
  /** the least row height (points) this column needs, e.g. room for a signature */
  tinggiMin?: number;
}

export interface KepalaCetak {
  judul: string;
  baris: string[];
  orientasi: 'portrait' | 'landscape';
}

export interface TandaTangan {
  tempatTanggal: string;
  kiri: [jabatan: string, nama: string];
  kanan: [jabatan: string, nama: string];
}

const FORMAT: Record<JenisKolom, string | undefined> = {
  teks: undefined,
  tanggal: TGL_FMT,
  rupiah: RP_ID,
  angka: '#,##0',
  kuantitas: '#,##0.0##',
};

/**
 * Wrapped text does not grow a row when the file is opened: give long rows the lines they need. The
 * columns' widths and least height are worked out once, for every row of the book.
 */
function tinggiKolom(kolom: KolomCetak[]): (isi: NilaiCetak[]) => number | undefined {
  const muat = kolom.map((k) => Math.max(4, Math.floor(k.lebar * 1.2) - 1));
  const min = Math.max(0, ...kolom.map((k) => k.tinggiMin ?? 0));
  return (isi) => {
    let baris = 1;
    for (let i = 0; i < isi.length; i++) {
      const v = isi[i];
      if (typeof v === 'string') baris = Math.max(baris, Math.ceil(v.length / muat[i]!));
    }
    const perlu = baris > 1 ? tinggiUntuk(baris) : 0;
    return Math.max(perlu, min) || undefined;
  };
}

/** Body cells: text kept off the borders by an indent, numbers to the right, the same indent from the border. */
function gayaIsi(jenis: JenisKolom): Partial<ExcelJSNs.Style> {
  const g = gayaSel({}, FORMAT[jenis], true);
  const kanan = jenis === 'rupiah' || jenis === 'angka' || jenis === 'kuantitas';
  return { ...g, alignment: { ...g.alignment, horizontal: kanan ? 'right' : 'left', vertical: 'middle', indent: 1 } };
}

/** Adds the next row: values, a style per column, an optional height, merged across the sheet; returns its number. */
type Tambah = (
  isi: ExcelJSNs.CellValue[],
  gaya: (i: number) => Partial<ExcelJSNs.Style>,
  tinggi?: number,
  gabung?: boolean,
) => number;

/**
 * Writes the book; returns the number of data rows. exceljs lays out the sheet with two sample rows where the
 * numbered rows go, and the rows are streamed into the file in their place (cetak-alir.ts), so a whole book never
 * sits in memory. A book without rows is written by exceljs alone, with "–" in its one row.
 */
export async function tulisBuku(
  keluar: string,
  kepala: KepalaCetak,
  kolom: KolomCetak[],
  baris: AsyncIterable<NilaiCetak[]> | Iterable<NilaiCetak[]>,
  ttd: TandaTangan,
  pembuka?: NilaiCetak[],
): Promise<number> {
  periksaKeluaran(keluar);
  const sisa: SisaBaris =
    Symbol.iterator in baris
      ? { sinkron: true, it: baris[Symbol.iterator]() }
      : { sinkron: false, it: baris[Symbol.asyncIterator]() };
  try {
    const pertama = await sisa.it.next();
    const semua: KolomCetak[] = [{ judul: 'No', lebar: 6, jenis: 'angka' }, ...kolom];
    const { wb, ws, nama, tambah } = await lembarBuku(kepala, semua);
    tulisKepala(tambah, kepala, semua);
    if (pembuka) tulisPembuka(tambah, kolom, pembuka);
    if (pertama.done) {
      tambah(['–', ...kolom.map(() => null)], () => gayaSel({}, undefined, true));
      tulisTandaTangan(tambah, ttd, semua.length);
      await simpanPribadi(wb, keluar);
      return 0;
    }
    const jenis = semua.map((k) => k.jenis);
    const awal = tulisContoh(tambah, jenis);
    const ttdAkhir = tulisTandaTangan(tambah, ttd, semua.length);
    const tinggiAtas = (r: number) => ws.getRow(r).height || TINGGI_BIASA;
    const halaman = { ukuran: ukuranHalaman(ws, tinggiAtas), tinggiAtas, ttd: ttdAkhir - (awal + 1) };
    const alir = sambunganBuku({
      ...{ sheet: nama, awal, jenis, tinggi: tinggiKolom(kolom), halaman },
      ...{ pertama: pertama.value, sisa },
    });
    await simpanSambung(Buffer.from(await wb.xlsx.writeBuffer()), alir, keluar);
    return alir.jumlah();
  } finally {
    await sisa.it.return?.();
  }
}

/** The book's one sheet (named from its title, A4, the column titles repeated on every page) in a new workbook. */
async function lembarBuku(kepala: KepalaCetak, semua: KolomCetak[]) {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  const judulBaris = kepala.baris.length + 3;
  const nama = kepala.judul.slice(0, 31).replace(/[[\]*?/\\:]/g, ' ');
  const ws = wb.addWorksheet(nama, opsiCetak(kepala.orientasi, `${judulBaris}:${judulBaris}`));
  ws.columns = semua.map((k) => ({ width: k.lebar }));
  return { wb, ws, nama, tambah: penulisBaris(ws, angkaKeKolom(semua.length)) };
}

/** The rows streamed into exceljs's workbook, written whole to a private scratch file, then put in place. */
async function simpanSambung(buf: Buffer, alir: Sambungan, keluar: string): Promise<void> {
  (await tulisSementara(keluar, (sementara) => tulisSambung(buf, [alir], sementara))).pasang();
}

/** Rows go into the in-memory sheet one after the other. */
function penulisBaris(ws: ExcelJSNs.Worksheet, kolomAkhir: string): Tambah {
  let r = 0;
  return (isi, gaya, tinggi, gabung = false) => {
    const row = ws.getRow(++r);
    isi.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.style = gaya(i);
    });
    if (tinggi) row.height = tinggi;
    if (gabung) ws.mergeCells(`A${r}:${kolomAkhir}${r}`);
    return r;
  };
}

/** The title, the unit and period lines centred across the sheet, a blank row, then the column headers. */
function tulisKepala(tambah: Tambah, kepala: KepalaCetak, semua: KolomCetak[]): void {
  const tengah = (font: Partial<ExcelJSNs.Font> = {}): Partial<ExcelJSNs.Style> => ({
    ...gayaSel(font),
    alignment: { horizontal: 'center' },
  });
  tambah([kepala.judul.toUpperCase()], () => tengah({ bold: true, size: 12 }), undefined, true);
  for (const b of kepala.baris) tambah([b], () => tengah(), undefined, true);
  tambah([], () => ({}));
  tambah(
    semua.map((k) => k.judul),
    () => gayaJudulKolom(),
    30,
  );
}

/** An unnumbered opening line, e.g. the cash book's "Saldo awal" when printing from a date. */
function tulisPembuka(tambah: Tambah, kolom: KolomCetak[], pembuka: NilaiCetak[]): void {
  const jenis = (i: number) => (i === 0 ? 'angka' : kolom[i - 1]!.jenis);
  const isi = [null, ...pembuka.map((v, i) => nilaiSel(v, kolom[i]!.jenis))];
  tambah(isi, (i) => gayaSel({}, formatNilai(FORMAT[jenis(i)], isi[i]), true));
}

/**
 * The two sample rows of the numbered rows (cetak-alir.ts), in each column's body style; the second with a rupiah
 * column's style for an amount below zero. Returns the first's row number.
 */
function tulisContoh(tambah: Tambah, jenis: JenisKolom[]): number {
  const gaya = jenis.map(gayaIsi);
  const contoh = (negatif: boolean) => {
    const isi = nilaiContoh(jenis, negatif);
    return tambah(isi, (i) => gayaRupiah(gaya[i]!, isi[i]));
  };
  const awal = contoh(false);
  contoh(true);
  return awal;
}

/** Signature block: left and right thirds of the sheet. Returns its last row. */
function tulisTandaTangan(tambah: Tambah, ttd: TandaTangan, jumlahKolom: number): number {
  const kiri = 2;
  const kanan = Math.max(jumlahKolom - 1, 3);
  const ttdBaris = (a: string | null, b: string | null, tebal = false) => {
    const isi: ExcelJSNs.CellValue[] = [];
    isi[kiri - 1] = a;
    isi[kanan - 1] = b;
    return tambah(isi, () => ({ ...gayaSel({ bold: tebal }), alignment: { horizontal: 'center' } }));
  };
  tambah([], () => ({}));
  ttdBaris(null, ttd.tempatTanggal);
  ttdBaris('Mengetahui,', ttd.kanan[0]);
  ttdBaris(ttd.kiri[0], null);
  for (let i = 0; i < 3; i++) tambah([], () => ({}));
  return ttdBaris(`( ${ttd.kiri[1]} )`, `( ${ttd.kanan[1]} )`, true);
}

/** Book 13 and the profile: a small sheet of label and value, with the stamp image. */
export async function tulisProfil(
  keluar: string,
  kepala: KepalaCetak,
  isi: [string, NilaiCetak, JenisKolom][],
  cap: { buffer: Buffer; extension: 'png' | 'jpeg' } | null,
): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wksbm';
  const ws = wb.addWorksheet('Profil dan Cap', opsiCetak('portrait'));
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 50;
  ws.getCell('A1').value = kepala.judul.toUpperCase();
  ws.getCell('A1').style = { ...gayaSel({ bold: true, size: 12 }), alignment: { horizontal: 'center' } };
  ws.mergeCells('A1:B1');
  kepala.baris.forEach((b, i) => {
    ws.getCell(`A${i + 2}`).value = b;
    ws.getCell(`A${i + 2}`).style = { ...gayaSel(), alignment: { horizontal: 'center' } };
    ws.mergeCells(`A${i + 2}:B${i + 2}`);
  });
  const awal = kepala.baris.length + 3;
  isi.forEach(([label, v, jenis], i) => {
    const a = ws.getCell(`A${awal + i}`);
    a.value = label;
    a.style = gayaSel({ bold: true }, undefined, true);
    const b = ws.getCell(`B${awal + i}`);
    b.value = nilaiSel(v, jenis);
    b.style = {
      ...gayaSel({}, formatNilai(FORMAT[jenis], b.value), true),
      alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    };
  });
  const capBaris = awal + isi.length + 1;
  ws.getCell(`A${capBaris}`).value = cap ? 'Cap / stempel (buku 13):' : 'Cap / stempel (buku 13): belum ada';
  ws.getCell(`A${capBaris}`).style = gayaSel({ bold: true });
  if (cap) {
    const id = wb.addImage({ buffer: cap.buffer as unknown as ExcelJSNs.Buffer, extension: cap.extension });
    ws.addImage(id, { tl: { col: 1, row: capBaris - 1 }, ext: { width: 130, height: 130 }, editAs: 'oneCell' });
  }
  await simpanPribadi(wb, keluar);
}
