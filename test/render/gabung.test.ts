// gabungkan: the same merges as exceljs's mergeCells, in the same order, refusing an overlap the same way.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { gabungkan } from '../../src/render/gabung.js';

const RENTANG = ['A1:H1', 'B3:D3', 'F3:H5', 'A7:A9', 'C7:E7', 'B20:C21'];

function lembar(gabung: (ws: ExcelJS.Worksheet, r: string) => void) {
  const ws = new ExcelJS.Workbook().addWorksheet('S');
  for (const r of RENTANG) {
    ws.getCell(r.split(':')[0]!).value = r;
    gabung(ws, r);
  }
  return ws;
}

describe('gabungkan', () => {
  it('merges as mergeCells does: the same ranges in the same order, the same master and merged cells', () => {
    const kita = lembar(gabungkan);
    const exceljs = lembar((ws, r) => ws.mergeCells(r));
    expect(kita.model.merges).toEqual(exceljs.model.merges);
    expect(kita.model.merges).toEqual(RENTANG);
    for (const a of ['A1', 'H1', 'G4', 'A9', 'E7', 'C21', 'B2', 'D5'])
      expect([kita.getCell(a).isMerged, kita.getCell(a).master.address], a).toEqual([
        exceljs.getCell(a).isMerged,
        exceljs.getCell(a).master.address,
      ]);
  });

  it('refuses a range over cells already merged, leaving the sheet as it was', () => {
    const ws = lembar(gabungkan);
    for (const r of ['G5:H6', 'A8:B8', 'A1:A2', 'C20:D20'])
      expect(() => gabungkan(ws, r), r).toThrow('bertumpuk dengan sel gabungan lain');
    expect(ws.model.merges).toEqual(RENTANG);
    gabungkan(ws, 'D20:E21');
    expect(ws.model.merges).toEqual([...RENTANG, 'D20:E21']);
  });
});
