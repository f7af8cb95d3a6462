// Receipts and the residents' notice as a person holds them: LibreOffice converts them headless to
// PDF; the pages are counted and their words read back (poppler's pdfinfo and pdftotext).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bacaWorkbook, unitContoh } from '../fixtures/unit-contoh.js';
import { tmpDir, wksbm } from '../helpers.js';

const ada = (p: string) => spawnSync('sh', ['-c', `command -v ${p}`], { encoding: 'utf8' }).stdout.trim();
const soffice = ada('soffice');
const poppler = ada('pdftotext') && ada('pdfinfo');
// In CI (CI=true) a missing LibreOffice or poppler is a failure, not a skip: .ci/run installs both.
const lewati = !(soffice && poppler) && !process.env.CI;

function kePdf(dir: string, ...berkas: string[]): void {
  const profil = path.join(dir, 'profil-lo');
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profil}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...berkas],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice gagal (${r.status}): ${r.stderr}`);
}

function halaman(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const kata = (pdf: string) => spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;

/** The smallest font size set on any cell of the workbook (exceljs reads Calibri 11 where none is set). */
async function hurufTerkecil(file: string): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (const ws of (await bacaWorkbook(file)).worksheets)
    ws.eachRow((row) => row.eachCell((c) => void (min = Math.min(min, c.font?.size ?? 11))));
  return min;
}

describe.skipIf(lewati)('LibreOffice prints the receipts and the notice', () => {
  let dir: string;

  beforeAll(async () => {
    expect(soffice, 'soffice not found: install libreoffice-calc-nogui (see .ci/run)').not.toBe('');
    expect(poppler, 'pdftotext/pdfinfo not found: install poppler-utils (see .ci/run)').not.toBe('');
    dir = tmpDir();
    const db = await unitContoh();
    const tulis = async (args: string[]) => expect((await wksbm(db, args)).code).toBe(0);
    await tulis(['kwitansi', '--triwulan', '2026-3', '-o', path.join(dir, 'kwitansi.xlsx')]);
    await tulis(['kwitansi', '002/BKK/VII/2026', '-o', path.join(dir, 'satu.xlsx')]);
    await tulis(['cetak', 'pengumuman', '--triwulan', '2026-3', '-o', path.join(dir, 'pengumuman.xlsx')]);
    kePdf(dir, ...['kwitansi', 'satu', 'pengumuman'].map((n) => path.join(dir, `${n}.xlsx`)));
  }, 240_000);

  it('receipts: two per A4 page, amounts and words in Indonesian, nothing cut off', async () => {
    const pdf = path.join(dir, 'kwitansi.pdf');
    expect(halaman(pdf)).toBe(5); // nine receipts and payments in the quarter
    expect(halaman(path.join(dir, 'satu.pdf'))).toBe(1);
    const teks = kata(pdf);
    expect(teks).not.toContain('###');
    expect(teks.match(/KWITANSI/g)).toHaveLength(5);
    expect(teks.match(/BUKTI PENGELUARAN KAS/g)).toHaveLength(4);
    expect(teks).toContain('Rp 1.250.000');
    expect(teks).toContain('Satu juta dua ratus lima puluh ribu rupiah');
    expect(teks).toContain('Bantul, 3 Juli 2026');
    expect(teks).toContain('( Siti Aminah )');
    // each page holds the two receipts in book order
    const halaman2 = teks.split('\f')[1]!;
    expect(halaman2.indexOf('004/BKM/VII/2026')).toBeLessThan(halaman2.indexOf('001/BKK/VII/2026'));
    expect(await hurufTerkecil(path.join(dir, 'kwitansi.xlsx'))).toBeGreaterThanOrEqual(8);
  });

  it('the notice: exactly one page, figures in rupiah, no names', async () => {
    const pdf = path.join(dir, 'pengumuman.pdf');
    expect(halaman(pdf)).toBe(1);
    const teks = kata(pdf);
    expect(teks).not.toContain('###');
    expect(teks).toContain('PENGUMUMAN LAPORAN TRIWULAN III TAHUN 2026');
    expect(teks).toMatch(/Jumlah penerimaan\s+Rp 3\.245\.000/);
    expect(teks).toMatch(/Saldo akhir triwulan\s+Rp 2\.950\.000/);
    expect(teks).toContain('Lanjut Usia Terlantar');
    expect(teks).not.toMatch(/Mbah|Wiryo|3402/);
    expect(await hurufTerkecil(path.join(dir, 'pengumuman.xlsx'))).toBeGreaterThanOrEqual(8);
  });
});
