// Shared looks of the workbooks the program writes itself (recap, printable books): fonts,
// borders, Indonesian number and date formats, A4 print setup.
import type ExcelJSNs from 'exceljs';

export const RP_FMT = '[$Rp-421]#,##0';
export const TGL_FMT = '[$-421]d mmmm yyyy';

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
