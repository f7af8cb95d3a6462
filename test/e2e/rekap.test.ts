import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RP_ID } from '../../src/render/gaya.js';
import { bacaWorkbook, barisDengan, HARAP, kas, unitContoh } from '../fixtures/unit-contoh.js';
import { tmpDir, unitBaru, wksbm } from '../helpers.js';

let dir: string;
let a: string;
let b: string;
let c: string;
let d: string;
let unitA: string;
let unitB: string;

async function ubahSel(file: string, sheet: string, alamat: string, nilai: ExcelJS.CellValue): Promise<void> {
  const wb = await bacaWorkbook(file);
  wb.getWorksheet(sheet)!.getCell(alamat).value = nilai;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = tmpDir();
  unitA = await unitContoh({ nama: 'Ngudi Mulyo' });
  unitB = await unitBaru();
  await wksbm(unitB, ['profil', 'ubah', '--nama', 'Sido Rukun', '--padukuhan', 'Bakulan']);
  await kas(unitB, 'masuk', '--jumlah', '400000', '--sumber', 'iuran', '--tanggal', '2026-08-01');
  a = path.join(dir, 'a.xlsx');
  b = path.join(dir, 'b.xlsx');
  c = path.join(dir, 'c.xlsx');
  d = path.join(dir, 'd.xlsx');
  for (const [db, f] of [
    [unitA, a],
    [unitB, b],
    [unitA, c],
    [unitA, d],
  ] as const)
    expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', f])).code).toBe(0);
});

describe('rekap', () => {
  it('recaps units, lists a workbook edited by hand after export and an unreadable one, and still writes the recap', async () => {
    // c: a visible figure changed; d: the figures in _data changed (hash no longer matches)
    const wbC = await bacaWorkbook(c);
    const ws = wbC.getWorksheet('Keuangan')!;
    const alamat = `F${barisDengan(ws, 'B', 'Saldo awal triwulan')}`;
    await ubahSel(c, 'Keuangan', alamat, 9_999_999);
    const wbD = await bacaWorkbook(d);
    const data = wbD.getWorksheet('_data')!;
    data.getCell('A1').value = String(data.getCell('A1').value).replace(
      `"saldo_awal":${HARAP.saldoAwal}`,
      '"saldo_awal":5',
    );
    await wbD.xlsx.writeFile(d);
    const rusak = path.join(dir, 'rusak.xlsx');
    fs.writeFileSync(rusak, 'bukan xlsx');

    const out = path.join(dir, 'rekap.xlsx');
    const salinan = path.join(dir, 'a-dikirim-lagi.xlsx');
    fs.copyFileSync(a, salinan);
    const r = await wksbm(await unitBaru(), ['--json', 'rekap', a, b, c, d, rusak, salinan, '-o', out]);
    expect(r.code).toBe(0);
    const hasil = r.json();
    expect(hasil.unit).toBe(2);
    expect(hasil.bermasalah.map((m: { berkas: string }) => path.basename(m.berkas))).toEqual([
      'c.xlsx',
      'd.xlsx',
      'rusak.xlsx',
      'a-dikirim-lagi.xlsx',
    ]);
    expect(hasil.bermasalah[3].masalah).toContain('sudah direkap dari');
    expect(hasil.bermasalah[0].masalah).toContain(`Keuangan!${alamat}`);
    expect(hasil.bermasalah[1].masalah).toContain('hash');
    expect(r.stderr).toContain('c.xlsx');
    expect(hasil.total.saldo_akhir).toBe(HARAP.saldoAkhir + 400_000);

    const w = await bacaWorkbook(out);
    const rekap = w.getWorksheet('Rekap')!;
    const ra = barisDengan(rekap, 'B', 'Ngudi Mulyo');
    const rb = barisDengan(rekap, 'B', 'Sido Rukun');
    expect(rekap.getCell(`K${ra}`).value).toBe(HARAP.saldoAkhir);
    expect(rekap.getCell(`K${rb}`).value).toBe(400_000);
    expect(rekap.getCell(`C${rb}`).value).toBe('Bakulan');
    const rj = barisDengan(rekap, 'B', 'JUMLAH');
    expect(rekap.getCell(`K${rj}`).value).toEqual({
      formula: `SUM(K5:K${rj - 1})`,
      result: HARAP.saldoAkhir + 400_000,
    });
    expect(rekap.getCell(`I${rj}`).numFmt).toBe(RP_ID);
    expect(rekap.getCell(`K${ra}`).numFmt).toBe(RP_ID);
    const ppks = w.getWorksheet('PPKS')!;
    const lut = barisDengan(ppks, 'B', 'Lanjut Usia Terlantar');
    // unitContoh() registers its two LUT residents in Q3 (--terdaftar)
    expect([ppks.getCell(`D${lut}`).value, ppks.getCell(`E${lut}`).value]).toEqual([2, 0]);
    expect(ppks.getCell(`F${lut}`).value).toEqual({ formula: `SUM(D${lut}:E${lut})`, result: 2 });
    expect(barisDengan(ppks, 'B', 'Komunitas Adat Terpencil') - barisDengan(ppks, 'B', 'Anak Balita Terlantar')).toBe(
      25,
    );
    const masalah = w.getWorksheet('Bermasalah')!;
    expect(masalah.getCell('B4').value).toBe(c);
    expect(masalah.getCell('B6').value).toBe(rusak);
  });

  it('reads a _data JSON that continues past A1 (cells hold at most 32 767 characters)', async () => {
    const dibagi = path.join(dir, 'dibagi.xlsx');
    const wb = await bacaWorkbook(b);
    const ws = wb.getWorksheet('_data')!;
    const json = String(ws.getCell('A1').value);
    ws.getCell('A1').value = json.slice(0, 1000);
    ws.getCell('B1').value = json.slice(1000, 2000);
    ws.getCell('C1').value = json.slice(2000);
    await wb.xlsx.writeFile(dibagi);
    const r = await wksbm(await unitBaru(), ['--json', 'rekap', dibagi, '-o', path.join(dir, 'rekap-dibagi.xlsx')]);
    expect(r.stderr).toBe('');
    expect(r.json().total.saldo_akhir).toBe(400_000);
  });

  it('refuses a _data amount that is not whole rupiah, even with a hash that matches, naming the field', async () => {
    const pecahan = path.join(dir, 'pecahan.xlsx');
    const wb = await bacaWorkbook(b);
    const ws = wb.getWorksheet('_data')!;
    const json = String(ws.getCell('A1').value).replace('"saldo_awal":0,', '"saldo_awal":0.5,');
    expect(json).toContain('"saldo_awal":0.5,');
    ws.getCell('A1').value = json;
    ws.getCell('A2').value = createHash('sha256').update(json, 'utf8').digest('hex');
    await wb.xlsx.writeFile(pecahan);
    const r = await wksbm(await unitBaru(), [
      '--json',
      'rekap',
      b,
      pecahan,
      '-o',
      path.join(dir, 'rekap-pecahan.xlsx'),
    ]);
    expect(r.code).toBe(0);
    const masalah = 'isian keuangan.saldo_awal di sheet _data bernilai "0.5", bukan rupiah bulat';
    expect(r.json().bermasalah).toEqual([{ berkas: pecahan, masalah }]);
    expect(r.stderr).toBe(`Perhatian: ${pecahan}: ${masalah}\n`);
    expect(r.json().total.saldo_akhir).toBe(400_000);
  });

  it('with no readable workbook it still writes the recap and exits 1', async () => {
    const rusak = path.join(dir, 'x.xlsx');
    fs.writeFileSync(rusak, 'x');
    const out = path.join(dir, 'kosong.xlsx');
    const r = await wksbm(await unitBaru(), ['rekap', rusak, '-o', out]);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
  });
});
