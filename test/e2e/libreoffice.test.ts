// A real spreadsheet program reads the quarterly workbook: LibreOffice converts it headless to PDF
// (under an English locale, and the printed pages are checked as a Dinas officer reads them) and,
// recalculating every formula on load, to CSV per sheet; no cached value may change.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { angka, bacaWorkbook, HARAP, unitContoh } from '../fixtures/unit-contoh.js';
import { tmpDir, unitBaru, wksbm } from '../helpers.js';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
// In CI (CI=true) a missing LibreOffice or poppler-utils is a failure, not a skip: .ci/run installs them.
const lewati = (!soffice || !pdftotext) && !process.env.CI;

function jalankan(args: string[], profil: string): void {
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${profil}`, '--headless', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`soffice gagal (${r.status}): ${r.stderr}`);
}

/**
 * A LibreOffice profile that recalculates every formula of an .xlsx when loading it, set to an English
 * locale: rupiah must still print the Indonesian way ("Rp 1.500.000", never "Rp1,500,000").
 */
function profilHitungUlang(dir: string): string {
  const profil = path.join(dir, 'profil-lo');
  fs.mkdirSync(path.join(profil, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profil, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">` +
      `<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">` +
      `<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`,
  );
  return profil;
}

/** Compares every formula's cached value in `file` with LibreOffice's recalculated CSV of its sheet. */
async function cocokHitungUlang(file: string, lembar: (nama: string) => string[][]): Promise<number> {
  const wb = await bacaWorkbook(file);
  let dicek = 0;
  for (const ws of wb.worksheets.filter((w) => w.name !== '_data')) {
    const csv = lembar(ws.name);
    ws.eachRow((row, r) =>
      row.eachCell((c, k) => {
        if (c.value && typeof c.value === 'object' && 'formula' in c.value) {
          dicek++;
          expect(Number(csv[r - 1]?.[k - 1]), `${ws.name}!${c.address} ${c.value.formula}`).toBe(angka(c));
        }
      }),
    );
  }
  return dicek;
}

/** Every word of a PDF with its page and box (pdftotext -bbox). */
function kataPdf(pdf: string): { halaman: number; tinggi: number; teks: string }[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const out: { halaman: number; tinggi: number; teks: string }[] = [];
  let halaman = 0;
  for (const baris of html.split('\n')) {
    if (baris.includes('<page ')) halaman++;
    const m = /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(baris);
    if (m) out.push({ halaman, tinggi: Number(m[2]) - Number(m[1]), teks: m[3]! });
  }
  return out;
}

const teksHalaman = (pdf: string, i: number) =>
  spawnSync('pdftotext', ['-f', String(i), '-l', String(i), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;

const CSV_SEMUA = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

describe.skipIf(lewati)('LibreOffice reads the quarterly workbook', () => {
  let dir: string;
  let file: string;
  let profil: string;

  beforeAll(async () => {
    expect(soffice, 'soffice not found: install libreoffice-calc-nogui (see .ci/run)').not.toBe('');
    expect(pdftotext, 'pdftotext not found: install poppler-utils (see .ci/run)').not.toBe('');
    dir = tmpDir();
    file = path.join(dir, 'laporan.xlsx');
    const db = await unitContoh();
    expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', file])).code).toBe(0);
    profil = profilHitungUlang(dir);
  });

  it('prints as an officer reads it: pages numbered across, no ###, no text below 8 pt, rupiah in Indonesian', () => {
    jalankan(['--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), file], profil);
    const pdf = path.join(dir, 'pdf', 'laporan.pdf');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const n = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // eight sheets; Buku Kas, Penyaluran and PPKS run over a page or keep their signatures whole on the next
    expect(n).toBeGreaterThanOrEqual(9);
    expect(n).toBeLessThanOrEqual(14);
    const halaman = Array.from({ length: n }, (_, i) => teksHalaman(pdf, i + 1));
    halaman.forEach((t, i) => {
      expect(t, `halaman ${i + 1}`).toContain(`Halaman ${i + 1} dari ${n}`);
      expect(t, `halaman ${i + 1}`).not.toContain('###');
      // rupiah with dots whatever the locale; never the English "Rp1,500,000"
      expect(t, `halaman ${i + 1}`).not.toMatch(/Rp ?-?\d{1,3},\d{3}/);
      // a signature block is never cut by a page break: the officers, then the Lurah's name, on one page
      if (t.includes('Ketua WKSBM') || t.includes('Mengetahui,'))
        expect(t, `halaman ${i + 1}`).toMatch(/Ketua WKSBM[\s\S]*Bendahara[\s\S]*Mengetahui,[\s\S]*\( \S[^)]* \)/);
      // ... and never alone on its page: a numbered row or a JUMLAH row of what it signs prints above it (the
      // repeated column titles do not count)
      if (t.includes('Ketua WKSBM'))
        expect(t.slice(0, t.indexOf('Ketua WKSBM')), `halaman ${i + 1}`).toMatch(/^\s*(\d+\s+\S|JUMLAH)/m);
    });
    const semua = halaman.join('\n');
    const rp = (v: number) => `Rp ${v.toLocaleString('id-ID')}`;
    for (const v of [HARAP.totalPenerimaan, HARAP.totalPengeluaran, HARAP.saldoAkhir, 750_000])
      expect(semua).toContain(rp(v));
    expect(semua).toContain('-Rp 150.000'); // the void's reversal
    expect(semua).toMatch(/12,5\s+15\s+2,5/); // rice in kg with a decimal comma
    const keuangan = halaman.find((t) => t.includes('Kode segel buku:'))!;
    expect(keuangan, 'the seal on the signed page').toContain('Mengetahui,');
    // no word below 8 pt: word boxes measured against the 12 pt title of the (unscaled) Identitas page
    const kata = kataPdf(pdf);
    const judul = kata.find((w) => w.halaman === 1 && w.teks === 'LAPORAN')!;
    const kecil = kata.filter((w) => w.tinggi < (judul.tinggi * 8) / 12 - 0.05);
    expect(kecil.slice(0, 5), 'words printed below 8 pt').toEqual([]);
  });

  it('recalculated, every sheet shows the same figures and no cached formula value changes', async () => {
    const out = path.join(dir, 'csv');
    // 12th token -1: every sheet to its own CSV; values unformatted
    jalankan(['--convert-to', CSV_SEMUA, '--outdir', out, file], profil);
    const lembar = (nama: string): string[][] =>
      parse(fs.readFileSync(path.join(out, `laporan-${nama}.csv`), 'utf8'), { relax_column_count: true });
    const keuangan = lembar('Keuangan');
    const baris = (rows: string[][], kolom: number, teks: string) => rows.find((r) => r[kolom] === teks)!;
    expect(baris(keuangan, 1, 'Saldo awal triwulan')[5]).toBe(String(HARAP.saldoAwal));
    expect(baris(keuangan, 1, 'Jumlah penerimaan')[5]).toBe(String(HARAP.totalPenerimaan));
    expect(baris(keuangan, 1, 'Jumlah pengeluaran')[5]).toBe(String(HARAP.totalPengeluaran));
    expect(baris(keuangan, 1, 'Saldo akhir triwulan (1 + 2 − 3)')[5]).toBe(String(HARAP.saldoAkhir));
    const kas = lembar('Buku Kas');
    expect(baris(kas, 3, 'JUMLAH').slice(7, 10)).toEqual([
      String(HARAP.totalPenerimaan),
      String(HARAP.totalPengeluaran),
      String(HARAP.saldoAkhir),
    ]);
    expect(baris(kas, 1, '03/07/2026')?.[2]).toBe('002/BKM/VII/2026');

    // Every formula cell's cached value equals what LibreOffice computed.
    const dicek = await cocokHitungUlang(file, lembar);
    expect(dicek).toBeGreaterThan(20);
  });

  it('a workbook opened and saved again in LibreOffice (recalculated) still passes rekap', async () => {
    const out = path.join(dir, 'disimpan');
    jalankan(['--convert-to', 'xlsx', '--outdir', out, file], profil);
    const r = await wksbm(path.join(dir, 'tidak-dipakai.sqlite'), [
      '--json',
      'rekap',
      path.join(out, 'laporan.xlsx'),
      '-o',
      path.join(dir, 'rekap.xlsx'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.json().unit).toBe(1);
    expect(r.json().total.saldo_akhir).toBe(HARAP.saldoAkhir);
  });

  it("prints a book's signature whole and under its last rows, where it would split or stand alone", async () => {
    // on A4 portrait LibreOffice fits 47 cash rows a page: with 44 the block used to split across two pages, with
    // 46 it stood alone on the second
    for (const n of [44, 46]) {
      const db = await unitBaru();
      const csv = path.join(dir, `kas-${n}.csv`);
      const baris = Array.from(
        { length: n },
        (_, i) => `0${(i % 9) + 1}/03/2026,Jimpitan ${i + 1},jimpitan,umum,10000,`,
      );
      fs.writeFileSync(csv, ['Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar', ...baris].join('\n'));
      expect((await wksbm(db, ['kas', 'impor', csv])).code).toBe(0);
      const buku = path.join(dir, `buku-${n}.xlsx`);
      expect((await wksbm(db, ['cetak', 'kas', '-o', buku])).code).toBe(0);
      const keluar = path.join(dir, `pdf-${n}`);
      jalankan(['--convert-to', 'pdf', '--outdir', keluar, buku], profil);
      const pdf = path.join(keluar, `buku-${n}.pdf`);
      const jumlah = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
      const halaman = Array.from({ length: jumlah }, (_, i) => teksHalaman(pdf, i + 1));
      const ttd = halaman.filter((t) => /Mengetahui|Ketua|Bendahara/.test(t));
      expect(ttd, `${n} baris`).toHaveLength(1);
      expect(ttd[0], `${n} baris`).toMatch(/Mengetahui,[\s\S]*Ketua[\s\S]*\( \S[^)]* \)/);
      const atas = ttd[0]!.slice(0, ttd[0]!.indexOf('Mengetahui'));
      expect(atas.match(/^\s*\d+\s+\d+ Maret 2026/gm)?.length ?? 0, `${n} baris`).toBeGreaterThanOrEqual(2);
    }
  });

  it('reads the recap and a printed book too', async () => {
    const rekap = path.join(dir, 'rekap-lo.xlsx');
    expect((await wksbm(path.join(dir, 'tidak-dipakai.sqlite'), ['rekap', file, '-o', rekap])).code).toBe(0);
    const out = path.join(dir, 'csv-rekap');
    jalankan(['--convert-to', CSV_SEMUA, '--outdir', out, rekap], profil);
    const lembar = (nama: string): string[][] =>
      parse(fs.readFileSync(path.join(out, `rekap-lo-${nama}.csv`), 'utf8'), { relax_column_count: true });
    expect(lembar('Rekap').find((r) => r[1] === 'JUMLAH')?.[10]).toBe(String(HARAP.saldoAkhir));
    expect(await cocokHitungUlang(rekap, lembar)).toBeGreaterThan(20);
    const db = await unitContoh();
    const buku = path.join(dir, 'buku-kas.xlsx');
    expect((await wksbm(db, ['cetak', 'kas', '-o', buku])).code).toBe(0);
    jalankan(['--convert-to', CSV_SEMUA, '--outdir', path.join(dir, 'csv-buku'), buku], profil);
    const csv = fs.readdirSync(path.join(dir, 'csv-buku'));
    expect(csv).toHaveLength(1);
    const rows: string[][] = parse(fs.readFileSync(path.join(dir, 'csv-buku', csv[0]!), 'utf8'), {
      relax_column_count: true,
    });
    expect(rows.find((r) => r[2] === '001/BKK/VII/2026')?.[8]).toBe('45000');
  });
});
