import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { angka, bacaWorkbook, barisDengan, HARAP, unitContoh } from '../fixtures/unit-contoh.js';
import { tmpDir, unitBaru, wksbm } from '../helpers.js';

// rupiah with literal dots in any locale (src/render/gaya.ts); a negative amount has its own code
const RP = '[>=1000000]"Rp "#"."###"."###;[>=1000]"Rp "#"."###;"Rp "0';
const RP_NEGATIF = '[<=-1000000]"Rp "#"."###"."###;[<=-1000]"-Rp "#"."###;"-Rp "0';
const TGL = '[$-421]d mmmm yyyy';

let db: string;
let dir: string;
let file: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  db = await unitContoh();
  dir = tmpDir();
  const r = await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  file = path.join(dir, 'laporan-triwulan-III-2026-ngudi-mulyo.xlsx');
  expect(r.stdout).toContain('laporan-triwulan-III-2026-ngudi-mulyo.xlsx');
  wb = await bacaWorkbook(file);
});

describe('laporan triwulan: the workbook', () => {
  it('has the eight sheets in order and a hidden _data', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Identitas',
      'Keuangan',
      'Buku Kas',
      'Penyaluran',
      'Kegiatan',
      'Rapat',
      'PPKS',
      'PSKS & Jejaring',
      '_data',
    ]);
    expect(wb.getWorksheet('_data')!.state).toBe('hidden');
    expect(wb.getWorksheet('Keuangan')!.state).toBe('visible');
  });

  it('heads every sheet with the quarter, the unit and the period', () => {
    for (const ws of wb.worksheets.filter((w) => w.name !== '_data')) {
      expect(ws.getCell('A1').value).toBe('LAPORAN TRIWULAN III TAHUN 2026');
      expect(ws.getCell('A2').value).toBe('WAHANA KESEJAHTERAAN SOSIAL BERBASIS MASYARAKAT (WKSBM) Ngudi Mulyo');
      expect(ws.getCell('A3').value).toBe(
        'Padukuhan Jetis · Kalurahan Sumberagung · Kapanewon Jetis · Kabupaten Bantul',
      );
      expect(ws.getCell('A4').value).toBe('Periode 1 Juli 2026 – 30 September 2026');
    }
  });

  it('Keuangan: saldo awal, every sumber row, payments by jenis and layanan, totals as formulas, cached values', () => {
    const ws = wb.getWorksheet('Keuangan')!;
    const awal = ws.getCell(`F${barisDengan(ws, 'B', 'Saldo awal triwulan')}`);
    expect(awal.value).toBe(HARAP.saldoAwal);
    expect(awal.numFmt).toBe(RP);
    const sumber = [
      'Usaha WKSBM (sewa tenda, warung, katering)',
      'Donatur dan proposal',
      'Kerja sama dan CSR',
      'Zakat maal',
      'Penjualan barang bekas',
      'Jimpitan (beras atau uang)',
      'Iuran dana kematian',
      'Arisan',
      'Iuran anggota',
      'Lainnya',
    ];
    const r0 = barisDengan(ws, 'B', sumber[0]!);
    for (const [i, s] of sumber.entries()) expect(ws.getCell(`B${r0 + i}`).value).toBe(s);
    expect(ws.getCell(`F${r0}`).value).toBe(HARAP.penerimaan.usaha);
    expect(ws.getCell(`F${r0 + 2}`).value).toBe(0);
    expect(ws.getCell(`F${r0 + 5}`).value).toBe(HARAP.penerimaan.jimpitan);
    const totalPen = ws.getCell(`F${barisDengan(ws, 'B', 'Jumlah penerimaan')}`);
    expect(totalPen.value).toEqual({ formula: `SUM(F${r0}:F${r0 + 9})`, result: HARAP.totalPenerimaan });
    expect(totalPen.numFmt).toBe(RP);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Penyaluran bantuan PPKS: Jaminan sosial')}`).value).toBe(300_000);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Penyaluran bantuan PPKS: Pencegahan')}`).value).toBe(0);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Santunan kematian')}`).value).toBe(750_000);
    const rPeng = barisDengan(ws, 'B', 'Jumlah pengeluaran');
    expect(angka(ws.getCell(`F${rPeng}`))).toBe(HARAP.totalPengeluaran);
    const rAkhir = barisDengan(ws, 'B', 'Saldo akhir triwulan (1 + 2 − 3)');
    const rTotalPen = barisDengan(ws, 'B', 'Jumlah penerimaan');
    expect(ws.getCell(`F${rAkhir}`).value).toEqual({
      formula: `F${barisDengan(ws, 'B', 'Saldo awal triwulan')}+F${rTotalPen}-F${rPeng}`,
      result: HARAP.saldoAkhir,
    });
  });

  it('Keuangan: balances per fund and per account at the quarter end agree with kas saldo', async () => {
    const ws = wb.getWorksheet('Keuangan')!;
    const dana = (await wksbm(db, ['--json', 'kas', 'saldo', '--per', 'dana', '--tanggal', '2026-09-30'])).json();
    const akun = (await wksbm(db, ['--json', 'kas', 'saldo', '--per', 'akun', '--tanggal', '2026-09-30'])).json();
    expect(dana.per).toEqual(HARAP.perDana);
    expect(akun.per).toEqual(HARAP.perAkun);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Dana umum')}`).value).toBe(HARAP.perDana.umum);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Dana kematian')}`).value).toBe(HARAP.perDana.kematian);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'BRI Unit Bantul')}`).value).toBe(HARAP.perAkun.bri);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Kas tunai')}`).value).toBe(HARAP.perAkun.tunai);
    expect(akun.total).toBe(HARAP.saldoAkhir);
  });

  it('Keuangan: rice opening, in, out (sold and given) and closing in kg, decimal comma', async () => {
    const ws = wb.getWorksheet('Keuangan')!;
    const kepala = barisDengan(ws, 'A', 'C. PERSEDIAAN NATURA (BARANG)') + 1;
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => ws.getCell(`${c}${kepala}`).value)).toEqual([
      'No',
      'Barang (satuan)',
      'Awal',
      'Masuk',
      'Keluar',
      'Akhir',
    ]);
    const r = barisDengan(ws, 'B', 'beras (kg)');
    expect(r).toBe(kepala + 1);
    const { awal, masuk, keluar, akhir } = HARAP.beras;
    expect(awal + masuk - keluar).toBe(akhir);
    // kg as text with a decimal comma: a number format's decimal point would be the viewer's
    expect(['A', 'C', 'D', 'E', 'F'].map((c) => ws.getCell(`${c}${r}`).value)).toEqual([1, '5', '12,5', '15', '2,5']);
    expect(ws.getCell(`B${r + 1}`).value ?? null).toBeNull(); // one item only
    expect((await wksbm(db, ['--json', 'natura', 'saldo', '--tanggal', '2026-09-30'])).json()).toEqual({
      beras: { kuantitas: akhir, satuan: 'kg' },
    });
  });

  it('signatures the Indonesian way on every signed sheet: Ketua left, Bendahara right, Lurah centred below', () => {
    const blok: [string, string, string][] = [
      ['Keuangan', 'B', 'D'],
      ['Buku Kas', 'B', 'H'],
      ['Penyaluran', 'B', 'G'],
      ['Kegiatan', 'B', 'G'],
      ['Rapat', 'B', 'F'],
      ['PPKS', 'B', 'F'],
      ['PSKS & Jejaring', 'B', 'D'],
    ];
    for (const [nama, kiri, kanan] of blok) {
      const ws = wb.getWorksheet(nama)!;
      const tempat = barisDengan(ws, kanan, 'Bantul, 22 November 2026');
      expect(tempat, nama).toBeGreaterThan(0);
      // the officers side by side on one row, their names on one row below
      expect(ws.getCell(`${kiri}${tempat + 1}`).value, nama).toBe('Ketua WKSBM Ngudi Mulyo');
      expect(ws.getCell(`${kanan}${tempat + 1}`).value, nama).toBe('Bendahara');
      const namaBaris = barisDengan(ws, kiri, '( Sukardi )');
      expect(ws.getCell(`${kanan}${namaBaris}`).value, nama).toBe('( Siti Aminah )');
      // "Mengetahui, Lurah …" below both, merged across the sheet and centred
      const tahu = barisDengan(ws, 'A', 'Mengetahui,');
      expect(tahu, nama).toBeGreaterThan(namaBaris);
      expect(ws.getCell(`A${tahu + 1}`).value).toBe('Lurah Sumberagung');
      expect(ws.getCell(`A${tahu}`).alignment?.horizontal).toBe('center');
      expect(ws.getCell(`${kanan}${tahu}`).isMerged, nama).toBe(true);
      expect(barisDengan(ws, 'A', '( Suharjo )'), nama).toBeGreaterThan(tahu);
    }
  });

  it('Buku Kas: the quarter as kas daftar shows it, dates as dates, voids, reversals, JUMLAH formulas', async () => {
    const ws = wb.getWorksheet('Buku Kas')!;
    const daftar = (await wksbm(db, ['--json', 'kas', 'daftar', '--triwulan', '2026-3'])).json() as {
      nomor: string;
      penerimaan: number;
      pengeluaran: number;
      saldo: number;
      tanggal: string;
    }[];
    const r0 = barisDengan(ws, 'D', 'Saldo awal');
    expect(ws.getCell(`J${r0}`).value).toBe(HARAP.saldoAwal);
    daftar.forEach((d, i) => {
      const r = r0 + 1 + i;
      expect(ws.getCell(`C${r}`).value).toBe(d.nomor);
      const t = ws.getCell(`B${r}`);
      expect(t.value).toBeInstanceOf(Date);
      expect((t.value as Date).toISOString().slice(0, 10)).toBe(d.tanggal);
      expect(t.numFmt).toBe(TGL);
      // dates centred, clear of the voucher number beside them
      expect(t.alignment?.horizontal).toBe('center');
      expect(ws.getCell(`H${r}`).value ?? 0).toBe(d.penerimaan);
      expect(ws.getCell(`I${r}`).value ?? 0).toBe(d.pengeluaran);
      expect(ws.getCell(`J${r}`).value).toEqual({ formula: `J${r - 1}+H${r}-I${r}`, result: d.saldo });
      expect(ws.getCell(`J${r}`).numFmt).toBe(RP);
      expect(ws.getCell(`H${r}`).numFmt).toBe(d.penerimaan < 0 ? RP_NEGATIF : RP);
    });
    expect(daftar.some((d) => d.penerimaan === -150_000)).toBe(true);
    // words, never codes; the Akun column; a voided row keeps its uraian; every row the same height
    const kolom = (r: number) => ['D', 'E', 'F', 'G'].map((c) => ws.getCell(`${c}${r}`).value);
    expect(ws.getCell('G7').value).toBe('Akun');
    // recorded without uraian: the row reads as its source
    expect(kolom(r0 + 2)).toEqual(['Iuran dana kematian', 'Iuran dana kematian', 'Dana kematian', 'Kas tunai']);
    const pindah = r0 + 1 + daftar.findIndex((d) => d.nomor.includes('/PB/'));
    expect(kolom(pindah).slice(1)).toEqual(['Pemindahan antarakun', null, 'Kas tunai → BRI Unit Bantul']);
    const batal = barisDengan(ws, 'D', 'Sewa tenda (dibatalkan 006/BKM/VIII/2026)');
    expect(batal).toBeGreaterThan(r0);
    const tinggi = new Set(daftar.map((_, i) => ws.getRow(r0 + 1 + i).height ?? 15));
    expect(tinggi.size).toBe(1);
    const semua = JSON.stringify(ws.getSheetValues());
    for (const kode of ['iuran_kematian', 'santunan_kematian', 'tunai→', '"umum"']) expect(semua).not.toContain(kode);
    const rj = barisDengan(ws, 'D', 'JUMLAH');
    expect(rj).toBe(r0 + daftar.length + 1);
    expect(ws.getCell(`H${rj}`).value).toEqual({
      formula: `SUM(H${r0 + 1}:H${rj - 1})`,
      result: HARAP.totalPenerimaan,
    });
    expect(ws.getCell(`I${rj}`).value).toEqual({
      formula: `SUM(I${r0 + 1}:I${rj - 1})`,
      result: HARAP.totalPengeluaran,
    });
    expect(ws.getCell(`J${rj}`).value).toEqual({ formula: `J${r0}+H${rj}-I${rj}`, result: HARAP.saldoAkhir });
    expect(ws.pageSetup.printTitlesRow).toBe('7:7');
  });

  it('Penyaluran: recipient, category, service, form, amount or quantity with unit, fund/asnaf; JUMLAH', () => {
    const ws = wb.getWorksheet('Penyaluran')!;
    expect(ws.getRow(7).values).toEqual([
      undefined,
      'No',
      'Tanggal',
      'No. Bukti',
      'Penerima (NIK, alamat)',
      'Kategori PPKS',
      'Layanan',
      'Bentuk dan uraian',
      'Nilai (Rp) / jumlah',
      'Dana / asnaf',
    ]);
    const baris = (r: number) => ['D', 'E', 'F', 'G', 'H', 'I'].map((c) => ws.getCell(`${c}${r}`).value);
    const r = barisDengan(ws, 'D', 'Mbah Sastro\nNIK 3402••••••••0003\nRT 03, Jetis');
    expect(baris(r)).toEqual([
      'Mbah Sastro\nNIK 3402••••••••0003\nRT 03, Jetis',
      'Lanjut Usia Terlantar',
      'Jaminan sosial',
      'Uang: Bantuan lansia',
      300_000,
      'Dana umum',
    ]);
    const s = barisDengan(ws, 'D', 'Ibu Wiryo\nRT 02 Jetis');
    expect(String(ws.getCell(`G${s}`).value)).toContain('alm. Bpk. Wiryo');
    expect(ws.getCell(`H${s}`).value).toBe(750_000);
    // rice given from stock: its quantity with the unit, no money value and no BKK
    const b = barisDengan(ws, 'D', 'Mbah Darmo'); // registered without NIK or address
    expect((ws.getCell(`B${b}`).value as Date).toISOString().slice(0, 10)).toBe('2026-09-02');
    expect(ws.getCell(`C${b}`).value ?? null).toBeNull();
    expect(baris(b).slice(1)).toEqual([
      'Lanjut Usia Terlantar',
      'Jaminan sosial',
      'Barang: beras; Beras untuk lansia',
      '5 kg',
      'Natura (barang)',
    ]);
    expect(b).toBe(r + 1);
    // wrapped text gets the lines it needs, the same for every row
    expect(ws.getRow(r).height).toBeGreaterThan(15);
    expect(ws.getRow(s).height).toBe(ws.getRow(r).height);
    const rj = barisDengan(ws, 'D', 'JUMLAH');
    expect(angka(ws.getCell(`H${rj}`))).toBe(1_050_000);
    const semua = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(semua).not.toContain('3402014507500003');
  });

  it('Kegiatan and Rapat: cost from the linked BKK, attendance counted', () => {
    const k = wb.getWorksheet('Kegiatan')!;
    const r = barisDengan(k, 'C', 'Posyandu lansia');
    expect(k.getCell(`G${r}`).value).toBe(25);
    expect(k.getCell(`H${r}`).value).toBe(200_000);
    const rp = wb.getWorksheet('Rapat')!;
    const q = barisDengan(rp, 'E', 'Evaluasi triwulan');
    expect(rp.getCell(`F${q}`).value).toBe(3);
    expect((rp.getCell(`B${q}`).value as Date).toISOString().slice(0, 10)).toBe('2026-08-15');
  });

  it('PPKS: all 26 categories as rows with L, P, total at quarter end, new, aided and aid value', () => {
    const ws = wb.getWorksheet('PPKS')!;
    const r0 = barisDengan(ws, 'B', 'Anak Balita Terlantar');
    // numbered 1–26 by name: the codes stay in _data, not on paper
    expect(Array.from({ length: 26 }, (_, i) => ws.getCell(`A${r0 + i}`).value)).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
    expect(ws.getCell(`B${r0 + 7}`).value).toBe('Lanjut Usia Terlantar');
    expect(ws.getCell(`B${r0 + 23}`).value).toBe('Fakir Miskin');
    // every PPKS was registered (--terdaftar) in Q3, so each is terdata and baru; aid counts by its date
    const lut = r0 + 7;
    // LUT: Mbah Sastro (P, Rp 300.000) and Mbah Darmo (L, 5 kg rice) both aided this quarter
    const kolom = ['C', 'D', 'E', 'F', 'G', 'H'];
    expect(kolom.map((c) => ws.getCell(`${c}${lut}`).value)).toEqual([1, 1, 2, 2, 2, 300_000]);
    // FM: never aided
    expect(kolom.map((c) => ws.getCell(`${c}${r0 + 23}`).value)).toEqual([1, 0, 1, 1, 0, 0]);
    expect(ws.getCell(`A${r0 + 25}`).value).toBe(26);
    expect(ws.getCell(`E${r0 + 26}`).value).toEqual({ formula: `SUM(E${r0}:E${r0 + 25})`, result: 3 });
  });

  it("PSKS & Jejaring: categories, partners and donors registered by the quarter end; the quarter's donations", () => {
    const ws = wb.getWorksheet('PSKS & Jejaring')!;
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Pekerja Sosial Masyarakat')}`).value).toBe(1);
    expect(ws.getCell(`D${barisDengan(ws, 'B', 'Pekerja Sosial Masyarakat')}`).value).toBe(1);
    expect(ws.getCell(`E${barisDengan(ws, 'B', 'Karang Taruna')}`).value).toBe(1);
    expect(ws.getCell(`C${barisDengan(ws, 'B', 'Puskesmas Jetis')}`).value).toBe('Instansi');
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Donatur perorangan')}`).value).toBe(1);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Donatur CSR')}`).value).toBe(1);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Jumlah donatur')}`).value).toMatchObject({ result: 2 });
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Donatur baru triwulan ini')}`).value).toBe(2);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Sumbangan donatur triwulan ini (Rp)')}`).value).toBe(500_000);
  });

  it('Identitas: real dates and numbers; print setup per sheet', () => {
    const ws = wb.getWorksheet('Identitas')!;
    const t = ws.getCell(`C${barisDengan(ws, 'B', 'Tanggal laporan')}`);
    expect((t.value as Date).toISOString().slice(0, 10)).toBe('2026-11-22');
    expect(t.numFmt).toBe(TGL);
    expect(typeof ws.getCell(`C${barisDengan(ws, 'B', 'Jumlah anggota dan pengurus')}`).value).toBe('number');
    for (const w of wb.worksheets.filter((x) => x.name !== '_data')) {
      expect(w.pageSetup.paperSize).toBe(9);
      expect(w.pageSetup.orientation).toBe(['Identitas', 'Keuangan'].includes(w.name) ? 'portrait' : 'landscape');
      expect(w.pageSetup.fitToPage).toBe(true);
      expect(w.pageSetup.fitToWidth).toBe(1);
      expect(w.pageSetup.fitToHeight).toBe(0);
      // the sheet's name and the page counted across the workbook (no fixed first page number)
      expect(w.headerFooter.oddFooter).toContain('&A&RHalaman &P dari &N');
      expect(w.views[0]?.showGridLines).toBe(false);
    }
  });

  it('_data holds the model as JSON with its SHA-256, the same figures --json prints', async () => {
    const ws = wb.getWorksheet('_data')!;
    const json = String(ws.getCell('A1').value);
    expect(ws.getCell('A2').value).toBe(createHash('sha256').update(json).digest('hex'));
    expect(ws.getCell('A3').value).toBe('wksbm-laporan-triwulan/1');
    const data = JSON.parse(json);
    const model = (await wksbm(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'])).json();
    expect(data.laporan.keuangan).toEqual(model.keuangan);
    expect(data.laporan.ppks).toEqual(model.ppks);
    expect(model.keuangan.saldo_akhir).toBe(HARAP.saldoAkhir);
    expect(model.keuangan.total_penerimaan).toBe(HARAP.totalPenerimaan);
    expect(
      Object.fromEntries(model.keuangan.per_akun.map((a: { kode: string; saldo: number }) => [a.kode, a.saldo])),
    ).toEqual(HARAP.perAkun);
    // the figures only: the cash book row by row is asked for with --rinci
    expect(model.buku_kas).toBeUndefined();
    expect(model.jumlah_entri_kas).toBe(HARAP.barisBukuKas);
    const rinci = (
      await wksbm(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '--rinci'])
    ).json();
    expect(rinci.buku_kas.length).toBe(HARAP.barisBukuKas);
    expect(rinci.buku_kas.at(-1).saldo).toBe(HARAP.saldoAkhir);
    expect({ ...rinci, buku_kas: undefined }).toEqual({ ...model, buku_kas: undefined });
    expect(model.natura).toEqual([{ barang: 'beras', satuan: 'kg', ...HARAP.beras }]);
    expect(json).not.toContain('Mbah Sastro');
  });
});

describe('laporan triwulan: other quarters', () => {
  it('Q4 opens with Q3 closing balance', async () => {
    const q4 = (await wksbm(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '4'])).json();
    expect(q4.keuangan.saldo_awal).toBe(HARAP.saldoAkhir);
    expect(q4.keuangan.total_penerimaan).toBe(100_000);
    const out = path.join(dir, 'q4.xlsx');
    expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '4', '-o', out])).code).toBe(0);
    const ws = (await bacaWorkbook(out)).getWorksheet('Keuangan')!;
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Saldo awal triwulan')}`).value).toBe(HARAP.saldoAkhir);
  });

  it('an empty quarter gives a complete workbook of zeros', async () => {
    const kosong = await unitBaru();
    // a Jawa Tengah unit: level names and the signer's title come from the profile
    expect(
      (
        await wksbm(kosong, [
          'profil',
          'ubah',
          '--sebutan-lurah',
          'Kepala Desa',
          '--sebutan-kalurahan',
          'Desa',
          '--sebutan-kapanewon',
          'Kecamatan',
          '--sebutan-padukuhan',
          'Dusun',
        ])
      ).code,
    ).toBe(0);
    const out = path.join(tmpDir(), 'kosong.xlsx');
    const r = await wksbm(kosong, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '1', '-o', out]);
    expect(r.code).toBe(0);
    const w = await bacaWorkbook(out);
    expect(w.worksheets).toHaveLength(9);
    const ws = w.getWorksheet('Keuangan')!;
    expect(barisDengan(ws, 'A', 'Kepala Desa Sumberagung')).toBeGreaterThan(0);
    expect(ws.getCell('A3').value).toBe('Dusun Jetis · Desa Sumberagung · Kecamatan Jetis · Kabupaten Bantul');
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Saldo awal triwulan')}`).value).toBe(0);
    expect(ws.getCell(`F${barisDengan(ws, 'B', 'Arisan')}`).value).toBe(0);
    expect(angka(ws.getCell(`F${barisDengan(ws, 'B', 'Saldo akhir triwulan (1 + 2 − 3)')}`))).toBe(0);
    const kas = w.getWorksheet('Buku Kas')!;
    const r0 = barisDengan(kas, 'D', 'Saldo awal');
    expect(kas.getCell(`A${r0 + 1}`).value).toBe('–');
    expect(barisDengan(kas, 'D', 'JUMLAH')).toBe(r0 + 2);
    const ppks = w.getWorksheet('PPKS')!;
    const p0 = barisDengan(ppks, 'B', 'Anak Balita Terlantar');
    expect(ppks.getCell(`B${p0 + 25}`).value).toBe('Komunitas Adat Terpencil');
    expect(w.getWorksheet('Penyaluran')!.getCell('A8').value).toBe('–');
    const json = JSON.parse(String(w.getWorksheet('_data')!.getCell('A1').value));
    expect(json.laporan.keuangan.saldo_akhir).toBe(0);
    expect(json.laporan.ppks).toHaveLength(26);
  });

  it('--tanggal sets the report date of the signature', async () => {
    const out = path.join(dir, 'bertanggal.xlsx');
    expect(
      (
        await wksbm(db, [
          'laporan',
          'triwulan',
          '--tahun',
          '2026',
          '--triwulan',
          '3',
          '--tanggal',
          '05/10/2026',
          '-o',
          out,
        ])
      ).code,
    ).toBe(0);
    const ws = (await bacaWorkbook(out)).getWorksheet('Keuangan')!;
    expect(barisDengan(ws, 'D', 'Bantul, 5 Oktober 2026')).toBeGreaterThan(0);
  });

  it('refuses a quarter that is not 1..4 (exit 2) and writes nothing', async () => {
    const d = tmpDir();
    const r = await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '5'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('triwulan "5" tidak dikenal');
    expect(fs.readdirSync(d)).toEqual([]);
  });
});
