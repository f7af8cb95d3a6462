import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bacaWorkbook, jalan, unitContoh } from '../fixtures/unit-contoh.js';
import { refused, tmpDir, unitBaru, wksbm } from '../helpers.js';

let db: string;
let dir: string;

beforeAll(async () => {
  db = await unitContoh();
  dir = tmpDir();
});

/** Every text on the sheet, in row order. */
function teks(ws: ExcelJS.Worksheet): string[] {
  const semua: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string' && !c.isMerged) semua.push(c.value);
      else if (typeof c.value === 'string' && c.master === c) semua.push(c.value);
    }),
  );
  return semua;
}

async function kwitansi(...args: string[]) {
  const out = path.join(dir, `${args.join('-').replace(/[^\w-]/g, '_')}.xlsx`);
  const r = await wksbm(db, ['--json', 'kwitansi', ...args, '-o', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { hasil: r.json(), ws: (await bacaWorkbook(out)).worksheets[0]!, out };
}

describe('kwitansi', () => {
  it('a donor receipt: unit, number, donor, amount in figures and words, purpose, place, date, bendahara', async () => {
    const { hasil, ws, out } = await kwitansi('004/BKM/VII/2026');
    expect(hasil.kwitansi).toHaveLength(1);
    const k = hasil.kwitansi[0];
    expect(k).toMatchObject({
      jenis: 'kwitansi',
      judul: 'KWITANSI',
      nomor: '004/BKM/VII/2026',
      unit: { nama: 'WKSBM Ngudi Mulyo', alamat: expect.stringContaining('Kalurahan Sumberagung') },
      pihak: { label: 'Sudah terima dari', nama: 'PT Maju Jaya' },
      jumlah: 500_000,
      angka: 'Rp 500.000',
      terbilang: 'Lima ratus ribu rupiah',
      tempat_tanggal: 'Bantul, 11 Juli 2026',
      tanda_tangan: [{ jabatan: 'Bendahara,', nama: 'Siti Aminah', cap: true, meterai: false }],
      meterai: false,
    });
    const isi = teks(ws);
    for (const t of ['WKSBM NGUDI MULYO', 'KWITANSI', 'Nomor: 004/BKM/VII/2026', 'PT Maju Jaya', 'Rp 500.000'])
      expect(isi).toContain(t);
    expect(isi).toContain('Lima ratus ribu rupiah');
    expect(isi).toContain('( Siti Aminah )');
    expect(isi).toContain('cap');
    expect(isi.join(' ')).not.toContain('Meterai');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('a receipt without a donor names the source in words; default file name from the number', async () => {
    const cwd = tmpDir();
    const r = await wksbm(db, ['kwitansi', '002/BKM/VII/2026'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 kwitansi ditulis ke kwitansi-002-BKM-VII-2026.xlsx');
    const ws = (await bacaWorkbook(path.join(cwd, 'kwitansi-002-BKM-VII-2026.xlsx'))).worksheets[0]!;
    expect(teks(ws)).toContain('Jimpitan (beras atau uang)');
    expect(teks(ws)).toContain('Satu juta dua ratus lima puluh ribu rupiah');
  });

  it('a BKK gets a bukti pengeluaran signed by the recipient; an unknown one gets a line to write on', async () => {
    const santunan = (await kwitansi('002/BKK/VII/2026')).hasil.kwitansi[0];
    expect(santunan).toMatchObject({
      jenis: 'bukti_pengeluaran',
      judul: 'BUKTI PENGELUARAN KAS',
      pihak: { label: 'Dibayarkan kepada', nama: 'Ibu Wiryo' },
      terbilang: 'Tujuh ratus lima puluh ribu rupiah',
      tanda_tangan: [
        { jabatan: 'Yang menerima,', nama: 'Ibu Wiryo' },
        { jabatan: 'Bendahara,', nama: 'Siti Aminah' },
      ],
    });
    const { hasil, ws } = await kwitansi('004/BKK/VIII/2026');
    expect(hasil.kwitansi[0].pihak.nama).toBeNull();
    expect(teks(ws)).toContain('BUKTI PENGELUARAN KAS');
    expect(teks(ws).filter((t) => /^\( \.{10,} \)$/.test(t))).toHaveLength(1);
    const aid = (await kwitansi('003/BKK/VIII/2026')).hasil.kwitansi[0];
    expect(aid.pihak.nama).toBe('Mbah Sastro');
  });

  it('--triwulan: every receipt and payment of the quarter that stands, two per A4 page', async () => {
    const { hasil, ws } = await kwitansi('--triwulan', '2026-3');
    expect(hasil.kwitansi.map((k: { nomor: string }) => k.nomor)).toEqual([
      '002/BKM/VII/2026',
      '003/BKM/VII/2026',
      '004/BKM/VII/2026',
      '001/BKK/VII/2026',
      '002/BKK/VII/2026',
      '003/BKK/VIII/2026',
      '004/BKK/VIII/2026',
      '007/BKM/VIII/2026',
      '008/BKM/VIII/2026',
    ]);
    // nine receipts on the one sheet (the page count, two per A4, is checked in kwitansi-lo.test.ts)
    const judul = teks(ws).filter((t) => t === 'KWITANSI' || t === 'BUKTI PENGELUARAN KAS');
    expect(judul).toHaveLength(9);
  });

  it('a voided voucher, a void, a transfer and an unknown number get none, and say why', async () => {
    await refused(db, ['kwitansi', '005/BKM/VIII/2026'], /sudah dibatalkan oleh 006\/BKM\/VIII\/2026: .*tidak diberi/);
    await refused(db, ['kwitansi', '006/BKM/VIII/2026'], /adalah pembatalan bukti 005\/BKM\/VIII\/2026/);
    await refused(db, ['kwitansi', '001/PB/VII/2026'], /pemindahan antarakun/);
    await refused(db, ['kwitansi', '999/BKM/VII/2026'], /Bukti "999\/BKM\/VII\/2026" tidak ada di buku kas/);
    const r = await wksbm(db, ['--json', 'kwitansi', '001/PB/VII/2026']);
    expect(r.code).toBe(2);
    expect(r.json().galat).toMatchObject({ kode: 2, isian: 'nomor bukti' });
  });

  it('asks for a number or a quarter, not both; an empty quarter writes nothing', async () => {
    await refused(db, ['kwitansi'], /Sebutkan nomor bukti/);
    await refused(db, ['kwitansi', '004/BKM/VII/2026', '--triwulan', '2026-3'], /Pilih salah satu/);
    await refused(db, ['kwitansi', '--triwulan', '2025-1'], /Tidak ada bukti .* triwulan I\/2025/);
    await refused(db, ['kwitansi', '--triwulan', '2026-7'], /triwulan "2026-7" tidak sah/);
  });

  it('a meterai box above Rp 5.000.000, on the signature of whoever receives the money', async () => {
    const unit = await unitBaru();
    const besar = await jalan(
      unit,
      'kas',
      'masuk',
      '--jumlah',
      '6000000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-01',
    );
    const pas = await jalan(
      unit,
      'kas',
      'masuk',
      '--jumlah',
      '5000000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-02',
    );
    const keluar = await jalan(
      unit,
      'kas',
      'keluar',
      '--jumlah',
      '5500000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-07-03',
    );
    const out = path.join(dir, 'meterai.xlsx');
    const r = await wksbm(unit, ['--json', 'kwitansi', '--triwulan', '2026-3', '-o', out]);
    const [a, b, c] = r.json().kwitansi;
    expect([a.nomor, b.nomor, c.nomor]).toEqual([besar.nomor, pas.nomor, keluar.nomor]);
    expect([a.meterai, b.meterai, c.meterai]).toEqual([true, false, true]);
    expect(a.terbilang).toBe('Enam juta rupiah');
    expect(c.tanda_tangan.map((t: { meterai: boolean }) => t.meterai)).toEqual([true, false]);
    const isi = teks((await bacaWorkbook(out)).worksheets[0]!);
    expect(isi.filter((t) => t === 'Meterai\nRp10.000')).toHaveLength(2);
  });
});
