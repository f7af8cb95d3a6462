import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { kodeSegelLaporan } from '../../src/domain/segel.js';
import { RP_ID } from '../../src/render/gaya.js';
import { bacaWorkbook, barisDengan, HARAP, kas, unitContoh } from '../fixtures/unit-contoh.js';
import { captureIo, ROOT, refused, tmpDir, ukuranZipDiubah, unitBaru, wksbm } from '../helpers.js';

let dir: string;
let a: string;
let b: string;
let c: string;
let d: string;
let unitA: string;
let unitB: string;

/** Re-saved through exceljs: formula results dropped (as some programs do) and/or one cell typed over. */
async function simpanUlang(
  dari: string,
  ke: string,
  o: { buangCache?: boolean; sel?: [string, number] },
): Promise<void> {
  const wb = await bacaWorkbook(dari);
  if (o.sel) wb.getWorksheet('Keuangan')!.getCell(o.sel[0]).value = o.sel[1];
  if (o.buangCache)
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value;
          if (v && typeof v === 'object' && 'formula' in v) c.value = { formula: v.formula } as ExcelJS.CellValue;
        }),
      );
  await wb.xlsx.writeFile(ke);
}

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
  it('a workbook whose sheets inflate past what they state, or past 256 MB: listed, the recap goes on', async () => {
    const asli = fs.readFileSync(b);
    const sheet = (n: string) => n.startsWith('xl/worksheets/');
    const bom = path.join(dir, 'bom.xlsx');
    const bohong = path.join(dir, 'bohong.xlsx');
    fs.writeFileSync(bom, ukuranZipDiubah(asli, sheet, 300 * 2 ** 20));
    fs.writeFileSync(bohong, ukuranZipDiubah(asli, sheet, 100));
    const out = path.join(dir, 'rekap-bom.xlsx');
    const r = await wksbm(await unitBaru(), ['--json', 'rekap', a, bom, bohong, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.json().unit).toBe(1);
    expect(r.json().bermasalah).toEqual([
      {
        berkas: bom,
        masalah:
          'berisi bagian yang terlalu besar untuk laporan triwulan (lebih dari 256 MB setelah dibuka): tidak dibaca',
      },
      { berkas: bohong, masalah: 'tidak bisa dibaca sebagai laporan triwulan wksbm' },
    ]);
  });

  it('recaps units, lists a workbook edited by hand after export and an unreadable one, writes the recap', async () => {
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

  it('refuses _data whose hash was recomputed: the kode segel no longer matches; periksa --laporan too', async () => {
    const diubah = path.join(dir, 'kode-beda.xlsx');
    const wb = await bacaWorkbook(b);
    const ws = wb.getWorksheet('_data')!;
    const json = String(ws.getCell('A1').value).replace('"saldo_akhir":400000', '"saldo_akhir":900000');
    expect(json).toContain('"saldo_akhir":900000');
    ws.getCell('A1').value = json;
    ws.getCell('A2').value = createHash('sha256').update(json, 'utf8').digest('hex');
    await wb.xlsx.writeFile(diubah);
    const kode = (JSON.parse(json) as { segel: { kode: string } }).segel.kode;
    const r = await wksbm(await unitBaru(), ['--json', 'rekap', b, diubah, '-o', path.join(dir, 'rekap-kode.xlsx')]);
    const masalah = `angka di sheet _data tidak cocok dengan kode segel ${kode}: data diubah setelah diekspor`;
    expect(r.json().bermasalah).toEqual([
      { berkas: diubah, masalah, unit: expect.objectContaining({ nama: 'Sido Rukun' }) },
    ]);
    expect(r.json().kode_segel).toEqual([{ berkas: b, nama: 'Sido Rukun', periode: 'III/2026', kode_segel: kode }]);
    const p = await wksbm(unitB, ['periksa', '--laporan', diubah]);
    expect(p.code).toBe(1);
    expect(p.stdout).toContain(`${diubah} tidak bisa diperiksa: ${masalah}`);
  });

  it('refuses a _data amount that is not whole rupiah, even with its hash and kode segel recomputed', async () => {
    const pecahan = path.join(dir, 'pecahan.xlsx');
    const wb = await bacaWorkbook(b);
    const ws = wb.getWorksheet('_data')!;
    const isi = JSON.parse(String(ws.getCell('A1').value).replace('"saldo_awal":0,', '"saldo_awal":0.5,'));
    expect(isi.laporan.keuangan.saldo_awal).toBe(0.5);
    isi.segel.kode = kodeSegelLaporan(isi.segel.rantai, isi);
    const json = JSON.stringify(isi);
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
    expect(r.json().bermasalah).toEqual([{ berkas: pecahan, masalah, unit: expect.objectContaining({ tahun: 2026 }) }]);
    expect(r.stderr).toBe(`Perhatian: ${pecahan}: ${masalah}\n`);
    expect(r.json().total.saldo_akhir).toBe(400_000);
  });

  it('names the edited value cell in words, also when the saving program dropped cached formula results', async () => {
    const ws = (await bacaWorkbook(a)).getWorksheet('Keuangan')!;
    const alamat = `F${barisDengan(ws, 'B', 'Donatur dan proposal')}`;
    const tanpaCache = path.join(dir, 'tanpa-cache.xlsx');
    const diubah = path.join(dir, 'f11-tanpa-cache.xlsx');
    const diubahCache = path.join(dir, 'f11.xlsx');
    await simpanUlang(a, tanpaCache, { buangCache: true });
    await simpanUlang(a, diubah, { buangCache: true, sel: [alamat, 2_500_000] });
    await simpanUlang(a, diubahCache, { sel: [alamat, 2_500_000] });
    const r = await wksbm(await unitBaru(), [
      '--json',
      'rekap',
      tanpaCache,
      diubah,
      diubahCache,
      '-o',
      path.join(dir, 'r.xlsx'),
    ]);
    const masalah =
      `diubah setelah diekspor di Keuangan!${alamat} Donatur dan proposal: ` +
      'Rp 2.500.000 di berkas, Rp 500.000 menurut data';
    // the untouched workbook without cached results counts; the two edited ones name the value cell
    expect(r.json().unit).toBe(1);
    expect(r.json().bermasalah.map((m: { masalah: string }) => m.masalah)).toEqual([masalah, masalah]);
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

describe('rekap --unit (the Dinas desk) and --csv', () => {
  const DAFTAR = path.join(ROOT, 'test', 'fixtures', 'daftar-unit.csv');
  let t: string;
  let luar: string;

  beforeAll(async () => {
    // Tunas Harapan sends an edited workbook; "=Karya Bakti" is not on the list (and tests formula-safe CSV)
    const unitT = await unitBaru();
    await wksbm(unitT, ['profil', 'ubah', '--nama', 'Tunas Harapan', '--kalurahan', 'Patalan']);
    t = path.join(dir, 't.xlsx');
    await wksbm(unitT, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', t]);
    const ws = (await bacaWorkbook(t)).getWorksheet('Keuangan')!;
    await ubahSel(t, 'Keuangan', `F${barisDengan(ws, 'B', 'Saldo awal triwulan')}`, 1);
    const unitL = await unitBaru();
    await wksbm(unitL, ['profil', 'ubah', '--nama', '=Karya Bakti', '--kalurahan', 'Canden']);
    luar = path.join(dir, 'luar.xlsx');
    await wksbm(unitL, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', luar]);
  });

  it('who sent, who is missing, who sent twice or edited; totals per kapanewon and kalurahan', async () => {
    const lagi = path.join(dir, 'b-lagi.xlsx');
    fs.copyFileSync(b, lagi);
    const csv = path.join(dir, 'rekap.csv');
    const args = ['rekap', a, b, lagi, t, luar, '--unit', DAFTAR, '--csv', csv, '-o', path.join(dir, 'meja.xlsx')];
    const r = await wksbm(await unitBaru(), ['--json', ...args]);
    expect(r.code).toBe(0);
    const meja = r.json().daftar;
    expect(meja.unit.map((u: { nama: string; status: string }) => [u.nama, u.status])).toEqual([
      ['Ngudi Mulyo', 'terkirim'],
      ['Sido Rukun', 'ganda'],
      ['Tunas Harapan', 'diubah'],
      ['Maju Jaya', 'belum'],
    ]);
    expect(meja.unit[1].berkas).toEqual([b, lagi]);
    expect(meja.luar_daftar).toEqual([
      { berkas: luar, nama: '=Karya Bakti', kalurahan: 'Canden', kapanewon: 'Jetis', periode: 'III/2026' },
    ]);
    const jetis = meja.per_kapanewon.find((w: { kapanewon: string }) => w.kapanewon === 'Jetis');
    expect(jetis).toMatchObject({ terdaftar: 3, terkirim: 1, belum: 0, bermasalah: 2 });
    expect(jetis.saldo_akhir).toBe(HARAP.saldoAkhir + 400_000);
    expect(meja.per_kapanewon.find((w: { kapanewon: string }) => w.kapanewon === 'Pajangan')).toMatchObject({
      terdaftar: 1,
      belum: 1,
      saldo_akhir: 0,
    });
    expect(meja.per_kalurahan.map((w: { kalurahan: string }) => w.kalurahan)).toEqual([
      'Canden',
      'Patalan',
      'Sumberagung',
      'Guwosari',
    ]);

    // one flat row per counted unit and quarter: ; and a BOM, every figure a column, formula-safe text
    const teks = fs.readFileSync(csv, 'utf8');
    expect(teks.startsWith('\ufeffkode_unit;kode_segel;berkas;unit.nama;')).toBe(true);
    const [kepala, ...baris] = teks.slice(1).trimEnd().split('\r\n');
    const kolom = kepala!.split(';');
    expect(kolom).toContain('keuangan.penerimaan.donatur.jumlah');
    expect(kolom).toContain('ppks.LUT.baru');
    expect(baris).toHaveLength(3);
    const ngudi = baris.find((x) => x.startsWith('BTL-JTS-001;'))!.split(';');
    expect(ngudi[kolom.indexOf('keuangan.penerimaan.donatur.jumlah')]).toBe('500000');
    expect(ngudi[kolom.indexOf('keuangan.saldo_akhir')]).toBe(String(HARAP.saldoAkhir));
    expect(baris.find((x) => x.includes('Canden'))!.split(';')[kolom.indexOf('unit.nama')]).toBe("'=Karya Bakti");

    // at a terminal: the same desk as tables, within 100 columns
    const { io, out } = captureIo();
    io.terminal = { out: { columns: 100 } as NodeJS.WriteStream };
    expect(await main(['node', 'wksbm', ...args], { io })).toBe(0);
    const layar = out.join('');
    expect(layar).toContain('belum mengirim');
    expect(layar).toMatch(/│ dikirim/);
    expect(layar).toContain('Laporan triwulan III/2026:');
    expect(layar).toContain('1 dari 4 laporan unit terkirim; 1 belum mengirim; 2 ganda atau bermasalah.');
    expect(Math.max(...layar.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('refuses a list without unit, kalurahan, kapanewon columns, or a unit twice (exit 2, no file)', async () => {
    const db = await unitBaru();
    const buruk = path.join(dir, 'buruk.csv');
    fs.writeFileSync(buruk, 'No,Nama\n1,Ngudi Mulyo\n');
    const out = path.join(dir, 'tidak-ditulis.xlsx');
    const r = await refused(db, ['rekap', a, '--unit', buruk, '-o', out], /Daftar unit .*buruk\.csv tidak punya kolom/);
    expect(fs.existsSync(out)).toBe(false);
    const j = await wksbm(db, ['--json', 'rekap', a, '--unit', buruk, '-o', out]);
    expect(j.json().galat).toMatchObject({ kode: 2, isian: 'unit' });
    expect(r.stdout).toBe('');
    const ganda = path.join(dir, 'ganda.csv');
    fs.writeFileSync(
      ganda,
      'Kode WKSBM,Nama Lembaga,Kecamatan,Desa\nA,Ngudi Mulyo,Jetis,Sumberagung\n' +
        'B,WKSBM Ngudi  Mulyo,Jetis,Sumberagung\n',
    );
    await refused(
      db,
      ['rekap', a, '--unit', ganda, '-o', out],
      /memuat "WKSBM Ngudi {2}Mulyo" dua kali \(baris 2 dan 3\)/,
    );
    await refused(db, ['rekap', a, '--csv', path.join(dir, 'x.csv'), '--pemisah', '|', '-o', out], /pemisah "\|"/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
