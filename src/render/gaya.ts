// Shared looks of the workbooks the program writes itself (recap, printable books): fonts,
// borders, Indonesian number and date formats, A4 print setup.
import type ExcelJSNs from 'exceljs';

/** The rupiah format of older templates (`Rp1,500,000` under an English locale): read, never written. */
export const RP_FMT = '[$Rp-421]#,##0';
export const TGL_FMT = '[$-421]d mmmm yyyy';

/*
 * Rupiah that read as Indonesian in any viewer's locale ("Rp 1.500.000", never "Rp1,500,000").
 * A grouping comma in a format code shows the viewer's own separator (Excel ignores the [$-421]
 * locale tag for separators; LibreOffice ignores it too once a currency symbol is in the tag), so
 * the dots are written as literals and the sections pick the pattern by size. Conditional sections
 * decide the minus sign themselves, so a negative amount (a void's reversal) gets its own code, in
 * which the minus is a literal too where the section would drop it. Checked in LibreOffice under
 * en-US and id-ID (test/e2e/libreoffice.test.ts); up to Rp999.999.999 (a larger sum still shows
 * every digit, with its first group unsplit).
 */
export const RP_ID = '[>=1000000]"Rp "#"."###"."###;[>=1000]"Rp "#"."###;"Rp "0';
export const RP_ID_NEGATIF = '[<=-1000000]"Rp "#"."###"."###;[<=-1000]"-Rp "#"."###;"-Rp "0';

/** The rupiah format for one value: the negative code below zero. */
export function formatRupiah(v: unknown): string {
  return typeof v === 'number' && v < 0 ? RP_ID_NEGATIF : RP_ID;
}

/** The format a cell gets for its value: a rupiah column's per-sign code, any other format as it is. */
export function formatNilai(fmt: string | undefined, v: unknown): string | undefined {
  return fmt === RP_ID ? formatRupiah(v) : fmt;
}

/** A rupiah format of a template, old or new: the filler picks the per-sign code for it. */
export function formatRupiahKah(numFmt: string | undefined): boolean {
  return numFmt === RP_ID || numFmt === RP_ID_NEGATIF || numFmt === RP_FMT;
}

/** A quantity with a decimal comma, as text (a number format's decimal separator is the viewer's). */
export function teksKuantitas(n: number | null, satuan?: string | null): string | null {
  if (n === null) return null;
  const angka = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 3 }).format(n);
  return satuan ? `${angka} ${satuan}` : angka;
}

const TIPIS = { style: 'thin', color: { argb: 'FF000000' } } as const;
const KOTAK: Partial<ExcelJSNs.Borders> = { top: TIPIS, left: TIPIS, bottom: TIPIS, right: TIPIS };

/** A new style object for one cell (exceljs shares style objects between cells when reused). */
export function gayaSel(font: Partial<ExcelJSNs.Font> = {}, numFmt?: string, kotak = false): Partial<ExcelJSNs.Style> {
  return {
    font: { name: 'Arial', size: 10, ...font },
    alignment: { vertical: 'top', wrapText: kotak },
    ...(numFmt ? { numFmt } : {}),
    ...(kotak ? { border: structuredClone(KOTAK) } : {}),
  };
}

export function gayaJudulKolom(): Partial<ExcelJSNs.Style> {
  return {
    font: { name: 'Arial', size: 10, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: structuredClone(KOTAK),
  };
}

/**
 * A4, fit to one page wide, header rows repeated, page numbers in the footer, no gridlines: options for addWorksheet.
 */
export function opsiCetak(
  orientation: 'portrait' | 'landscape',
  printTitlesRow?: string,
): Partial<ExcelJSNs.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      showGridLines: false,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(printTitlesRow ? { printTitlesRow } : {}),
    } as Partial<ExcelJSNs.PageSetup>,
    headerFooter: { oddFooter: '&R&8Halaman &P dari &N' } as Partial<ExcelJSNs.HeaderFooter>,
    views: [{ showGridLines: false }],
  };
}

const varianRupiah = new WeakMap<object, Map<string, Partial<ExcelJSNs.Style>>>();

/**
 * A rupiah cell gets the code for its value's sign (see gaya.ts: dots and minus as literals). Styles are
 * shared by many cells, so the variant is a copy, made once per style and code.
 */
export function gayaRupiah(style: Partial<ExcelJSNs.Style>, v: unknown): Partial<ExcelJSNs.Style> {
  if (!formatRupiahKah(style.numFmt)) return style;
  const kode = formatRupiah(v);
  if (style.numFmt === kode) return style;
  let varian = varianRupiah.get(style);
  if (!varian) varianRupiah.set(style, (varian = new Map()));
  let hasil = varian.get(kode);
  if (!hasil) varian.set(kode, (hasil = { ...style, numFmt: kode }));
  return hasil;
}
