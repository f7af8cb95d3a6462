// `wksbm impor …` end to end through the CLI (the real binary where a process matters): the sample files, a corpus of
// real-world variants
// made here (encodings, delimiters, titles, synonyms, bad values, duplicates), safety and reversal.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, snapshot, sqlite, tmpDir, ukuranZipDiubah, unitBaru, wksbm, wksbmBin } from '../helpers.js';

const DATA = path.join(ROOT, 'test', 'fixtures', 'data');
const contoh = (f: string) => path.join(DATA, f);

function tulis(dir: string, nama: string, isi: string | Buffer): string {
  const f = path.join(dir, nama);
  fs.writeFileSync(f, isi);
  return f;
}

function ringkas(r: { json(): any }) {
  const { dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak } = r.json();
  return { dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak };
}

function donatur(db: string): Record<string, any>[] {
  const s = sqlite(db);
  try {
    return s.prepare('SELECT * FROM donatur ORDER BY id').all() as Record<string, any>[];
  } finally {
    s.close();
  }
}

async function periksaBersih(db: string): Promise<void> {
  const p = await wksbm(db, ['periksa', '--json']);
  expect(p.json(), p.stdout).toEqual({ ok: true, temuan: [] });
}

const DONATUR_CSV =
  [
    'Nama;Alamat;No HP;Jenis',
    'Bpk. Sukardi;Jetis RT 01;0812-1000-2000;Perorangan',
    'Ibu Wartini;Jetis RT 02;+62 813 2000 3000;Lembaga',
    'Toko Maju;Jl. Parangtritis;;CSR',
  ].join('\r\n') + '\r\n';

describe('the sample files in test/fixtures/data', () => {
  it('donatur-rt03.csv: one person twice, a row with no name, an empty row; importing again adds nothing', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['impor', 'donatur', contoh('donatur-rt03.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ringkas(r)).toEqual({ dibaca: 28, ditambah: 26, sudah_ada: 1, mungkin_ganda: 0, ditolak: 1 });
    const baris = r.json().baris;
    expect(baris.find((b: any) => b.keputusan === 'sudah_ada')).toMatchObject({
      baris: 27,
      ringkas: 'Bapak Sukardi',
      alasan: expect.stringContaining('H. Sukardi'),
    });
    expect(baris.find((b: any) => b.keputusan === 'ditolak')).toMatchObject({
      baris: 28,
      alasan: expect.stringContaining('Nama tidak boleh kosong'),
    });
    const rows = donatur(db);
    expect(rows).toHaveLength(26);
    // stored as written, phones normalised, every row carries the import
    expect(rows[0]).toMatchObject({
      nama: 'H. Sukardi',
      hp: '081210002000',
      alamat: 'Jetis, RT 02',
      jenis: 'perorangan',
      impor_id: r.json().impor_id,
    });
    expect(rows[1]).toMatchObject({
      nama: 'Bpk. Suparmi',
      hp: '081310372091',
      jenis: 'lembaga',
      keterangan: 'rutin bulanan',
    });
    expect(rows[2]!.hp).toBe('081410742182');
    expect(rows.at(-1)).toMatchObject({ nama: 'Toko Bangunan Maju Jaya', hp: '0274367111' });

    const lagi = await wksbm(db, ['donatur', 'impor', contoh('donatur-rt03.csv'), '--json']); // the book's own form
    expect(ringkas(lagi)).toEqual({ dibaca: 28, ditambah: 0, sudah_ada: 27, mungkin_ganda: 0, ditolak: 1 });
    expect(donatur(db)).toHaveLength(26);
  });

  it('donatur-pkk.xlsx: title rows above the header, TELP., amounts as numbers and as text', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['impor', 'donatur', contoh('donatur-pkk.xlsx'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ringkas(r)).toEqual({ dibaca: 12, ditambah: 12, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
    const rows = donatur(db);
    expect(rows.map((d) => d.janji)).toEqual([
      100000, 100000, 50000, 10000, 100000, 10000, 20000, 25000, 10000, 10000, 25000, 15000,
    ]);
    expect(rows[0]).toMatchObject({ nama: 'Giyanto', hp: '081347003100', alamat: 'Jetis RT 01' });
    expect(ringkas(await wksbm(db, ['impor', 'donatur', contoh('donatur-pkk.xlsx'), '--json']))).toEqual({
      dibaca: 12,
      ditambah: 0,
      sudah_ada: 12,
      mungkin_ganda: 0,
      ditolak: 0,
    });
  });

  it('PKK list after RT 03: same name, other phone is "mungkin ganda", added only with --terima-mirip', async () => {
    const db = await unitBaru();
    await wksbm(db, ['impor', 'donatur', contoh('donatur-rt03.csv')]);
    const r = await wksbm(db, ['donatur', 'impor', contoh('donatur-pkk.xlsx'), '--kolom', 'hp=TELP.', '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 12, ditambah: 10, sudah_ada: 0, mungkin_ganda: 2, ditolak: 0 });
    const mirip = r.json().baris.filter((b: any) => b.keputusan === 'mungkin_ganda');
    expect(mirip.map((b: any) => b.ringkas)).toEqual(['Giyanto', 'H. Sri Lestari']);
    expect(mirip[0].alasan).toContain('Hj. Giyanto');
    const terima = await wksbm(db, ['impor', 'donatur', contoh('donatur-pkk.xlsx'), '--terima-mirip', '--json']);
    expect(ringkas(terima)).toEqual({ dibaca: 12, ditambah: 2, sudah_ada: 10, mungkin_ganda: 0, ditolak: 0 });
  });

  it('kas-juli-2026.csv: 14 entries, vouchers, funds; importing again adds nothing; ledger checks clean', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ringkas(r)).toEqual({ dibaca: 14, ditambah: 14, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
    const saldo = (await wksbm(db, ['kas', 'saldo', '--json'])).json();
    expect(saldo.per).toMatchObject({ umum: 1_125_000 - 45_000, kematian: 1_200_000 - 750_000 });
    const daftar = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(daftar.map((d: any) => d.nomor)).toContain('012/BKM/VII/2026');
    expect(daftar.map((d: any) => d.nomor)).toContain('002/BKK/VII/2026');
    await periksaBersih(db);
    expect(ringkas(await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']))).toEqual({
      dibaca: 14,
      ditambah: 0,
      sudah_ada: 14,
      mungkin_ganda: 0,
      ditolak: 0,
    });
    expect((await wksbm(db, ['kas', 'daftar', '--json'])).json()).toHaveLength(14);
  });
});

describe('encodings, delimiters, titles and header words', () => {
  const baris = (p: string) => [
    `Nama${p}Alamat${p}No HP`,
    `Déwi Sukmawati${p}Jetis RT 01${p}081211112222`,
    `Bpk. Suparno${p}Jetis RT 02${p}081322223333`,
  ];

  const varian: [string, (dir: string) => string][] = [
    ['UTF-8 with BOM, ;', (d) => tulis(d, 'a.csv', '\ufeff' + baris(';').join('\r\n'))],
    ['UTF-8 without BOM, ,', (d) => tulis(d, 'b.csv', baris(',').join('\n') + '\n')],
    ['tab-separated', (d) => tulis(d, 'c.tsv', baris('\t').join('\n'))],
    ['Windows-1252', (d) => tulis(d, 'd.csv', Buffer.from(baris(';').join('\r\n'), 'latin1'))],
    [
      'UTF-16LE with BOM',
      (d) =>
        tulis(d, 'e.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(baris('\t').join('\r\n'), 'utf16le')])),
    ],
    [
      'UTF-16BE with BOM',
      (d) =>
        tulis(
          d,
          'f.csv',
          Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(baris(';').join('\r\n'), 'utf16le').swap16()]),
        ),
    ],
    [
      'title rows and a blank row above the header',
      (d) => tulis(d, 'g.csv', ['DAFTAR DONATUR RT 03;;', 'Tahun 2026;;', ';;', ...baris(';')].join('\r\n')),
    ],
  ];
  for (const [nama, buat] of varian) {
    it(nama, async () => {
      const db = await unitBaru();
      const r = await wksbm(db, ['impor', 'donatur', buat(tmpDir()), '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(ringkas(r)).toEqual({ dibaca: 2, ditambah: 2, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
      expect(donatur(db).map((d) => [d.nama, d.alamat, d.hp])).toEqual([
        ['Déwi Sukmawati', 'Jetis RT 01', '081211112222'],
        ['Bpk. Suparno', 'Jetis RT 02', '081322223333'],
      ]);
    });
  }

  it('header synonyms in other words and cases; quoted fields with line breaks', async () => {
    const db = await unitBaru();
    const f = tulis(
      tmpDir(),
      'x.csv',
      'NAMA LENGKAP,Alamat Rumah,WA,Ket.\r\nSuyatno,"Jetis\r\nRT 05",0815-5555-6666,"kata ""baik"""\r\n',
    );
    const r = await wksbm(db, ['impor', 'donatur', f, '--json']);
    expect(ringkas(r)).toMatchObject({ dibaca: 1, ditambah: 1 });
    expect(donatur(db)[0]).toMatchObject({
      nama: 'Suyatno',
      alamat: 'Jetis\r\nRT 05',
      hp: '081555556666',
      keterangan: 'kata "baik"',
    });
  });

  it("a damaged .xlsx is named in Indonesian, without the zip library's English, and changes nothing", async () => {
    const db = await unitBaru();
    const f = path.join(tmpDir(), 'rusak.xlsx');
    fs.writeFileSync(f, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const sebelum = snapshot(db);
    const r = await wksbm(db, ['--json', 'impor', 'donatur', f]);
    expect(r.code).toBe(2);
    expect(r.json().galat.pesan).toBe(
      `Berkas "${f}" tidak bisa dibaca sebagai XLSX (rusak atau bukan buku kerja Excel): ` +
        'simpan ulang dari Excel/LibreOffice, atau simpan sebagai CSV.',
    );
    expect(r.stderr).not.toMatch(/zip|central directory|Corrupted/i);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('an .xlsx that inflates past what it states, or past 96 MB ("zip bomb"): refused at once', async () => {
    const db = await unitBaru();
    const asli = fs.readFileSync(contoh('donatur-pkk.xlsx'));
    const sheet = (n: string) => n.startsWith('xl/worksheets/');
    const sebelum = snapshot(db);
    const besar =
      'terlalu besar untuk dibaca sebagai XLSX (lebih dari 96 MB setelah dibuka): simpan sebagai CSV lalu impor lagi.';
    const kasus: [number, string][] = [
      // past what one member may hold; past what exceljs may hold whole (it keeps 10 to 15 times the XML)
      [300 * 2 ** 20, besar],
      [100 * 2 ** 20, besar],
      [
        100,
        'tidak bisa dibaca sebagai XLSX (rusak atau bukan buku kerja Excel): ' +
          'simpan ulang dari Excel/LibreOffice, atau simpan sebagai CSV.',
      ],
    ];
    for (const [ukuran, pesan] of kasus) {
      const f = path.join(tmpDir(), 'bom.xlsx');
      fs.writeFileSync(f, ukuranZipDiubah(asli, sheet, ukuran));
      const r = await wksbm(db, ['--json', 'impor', 'donatur', f]);
      expect(r.code).toBe(2);
      expect(r.json().galat.pesan).toBe(`Berkas "${f}" ${pesan}`);
    }
    expect(snapshot(db)).toBe(sebelum);
  });

  it('--kolom maps a header the book does not know; an unmapped required field stops, naming headers', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const f = tulis(dir, 'x.csv', 'Penyumbang Tetap;Kontak\nSuyatno;0815-5555-6666\n');
    const sebelum = snapshot(db);
    const gagal = await wksbm(db, ['impor', 'donatur', f]);
    expect(gagal.code).toBe(2);
    expect(gagal.stderr).toContain('Kolom untuk Nama tidak ditemukan');
    expect(gagal.stderr).toContain('Penyumbang Tetap, Kontak');
    expect(gagal.stderr).toContain('--kolom nama=');
    expect(snapshot(db)).toBe(sebelum);
    const r = await wksbm(db, [
      'impor',
      'donatur',
      f,
      '--kolom',
      'nama=penyumbang tetap',
      '--kolom',
      'hp=Kontak',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(donatur(db)[0]).toMatchObject({ nama: 'Suyatno', hp: '081555556666' });
    expect((await wksbm(db, ['impor', 'donatur', f, '--kolom', 'telepon=Kontak'])).stderr).toContain(
      'isian "telepon" tidak ada',
    );
    expect(
      (await wksbm(db, ['impor', 'donatur', f, '--kolom', 'nama=Penyumbang Tetap', '--kolom', 'hp=Telp'])).stderr,
    ).toContain('judul kolom itu tidak ada');
  });

  it('an XLSX made by a spreadsheet: titles, number and text amounts, formulas, a number phone', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['DATA DONATUR']);
    ws.addRow([]);
    ws.addRow(['No', 'Nama Donatur', 'No. HP', 'Janji']);
    ws.addRow([1, 'Hj. Marsini', 81277778888, 1250000]);
    ws.addRow([
      2,
      { richText: [{ text: 'Sugeng ' }, { text: 'Riyadi' }] },
      '0813-1111-0000',
      { formula: 'D4*2', result: 2500000 },
    ]);
    ws.addRow([3, 'Paiman', '', '1,5 juta']);
    const f = path.join(dir, 'x.xlsx');
    await wb.xlsx.writeFile(f);
    const db = await unitBaru();
    const r = await wksbm(db, ['impor', 'donatur', f, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 3, ditambah: 3, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
    expect(donatur(db).map((d) => [d.nama, d.hp, d.janji])).toEqual([
      ['Hj. Marsini', '081277778888', 1250000],
      ['Sugeng Riyadi', '081311110000', 2500000],
      ['Paiman', null, 1500000],
    ]);
  });
});

describe('validation, duplicates, refused rows', () => {
  it('every kind of bad value is refused with the field, the value and what is accepted', async () => {
    const db = await unitBaru();
    const f = tulis(
      tmpDir(),
      'x.csv',
      [
        'Nama;Jenis;No HP;Alamat;Email;Janji',
        ';perorangan;0812000011;Jetis;;',
        'Satu;yayasan;;Jetis;;',
        'Dua;;12ab;Jetis;;',
        'Tiga;;;Jetis;;sepuluh ribu',
        'Empat;;;Jetis;;-5000',
        'Lima;;;Jetis;;0',
        `Enam;;;Jetis;${'e'.repeat(250)};`,
        'Tujuh;Lembaga;0812-3456-7890;Jetis;;Rp 15.000',
        'Delapan;;;Jetis;;15.000,-',
      ].join('\n'),
    );
    const r = await wksbm(db, ['impor', 'donatur', f, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 9, ditambah: 2, sudah_ada: 0, mungkin_ganda: 0, ditolak: 7 });
    const alasan = Object.fromEntries(r.json().baris.map((b: any) => [b.baris, b.alasan]));
    expect(alasan[2]).toContain('Nama tidak boleh kosong');
    expect(alasan[3]).toMatch(/Jenis "yayasan" tidak dikenal\. Pilihan: perorangan, lembaga, csr/);
    expect(alasan[4]).toContain('nomor HP "12ab" tidak sah');
    expect(alasan[5]).toContain('Janji sumbangan "sepuluh ribu" tidak sah');
    expect(alasan[6]).toContain('"-5000" tidak sah');
    expect(alasan[7]).toContain('"0" tidak sah');
    expect(alasan[8]).toContain('Email terlalu panjang');
    expect(donatur(db).map((d) => [d.nama, d.jenis, d.janji])).toEqual([
      ['Tujuh', 'lembaga', 15000],
      ['Delapan', 'perorangan', 15000],
    ]);
  });

  it('duplicates within the file and against the book: phone, else cleaned name + address', async () => {
    const db = await unitBaru();
    await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'a.csv', DONATUR_CSV)]);
    const f = tulis(
      tmpDir(),
      'b.csv',
      [
        'Nama;Alamat;No HP',
        'Sukardi;Jetis RT 1;6281210002000', // same phone as Bpk. Sukardi in the book
        'Toko Maju;jl parangtritis;', // same name + address, no phone
        'Hj. Ngatinem;Jetis RT 04;', // new
        'Ngatinem;Jetis, RT 04;', // same cleaned name + address as the row above
        'Wartini;Jetis RT 09;0899-0000-1111', // same cleaned name as Ibu Wartini, another phone
      ].join('\n'),
    );
    const r = await wksbm(db, ['impor', 'donatur', f, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 5, ditambah: 1, sudah_ada: 3, mungkin_ganda: 1, ditolak: 0 });
    const b = Object.fromEntries(r.json().baris.map((x: any) => [x.baris, x]));
    expect(b[2].alasan).toBe('sudah ada: ID 1 (Bpk. Sukardi)');
    expect(b[3].alasan).toBe('sudah ada: ID 3 (Toko Maju)');
    expect(b[5].alasan).toBe('sudah ada: baris 4 berkas ini (Hj. Ngatinem)');
    expect(b[6]).toMatchObject({ keputusan: 'mungkin_ganda', alasan: expect.stringContaining('ID 2 (Ibu Wartini)') });
  });

  it('a row without a phone matches by name + address rows keyed by their phone, in book and file', async () => {
    // the map of names + addresses is made only when a row without a phone asks: it still holds every row before
    const db = await unitBaru();
    await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'a.csv', DONATUR_CSV)]);
    const rows = ['Nama;Alamat;No HP;Jenis', 'Bpk. Darmo;Kauman RT 03;0856-1000-0001;Lembaga'];
    // 300 rows of other names, addresses and phones: past what a column remembers of its values
    for (let i = 1; i <= 300; i++) rows.push(`Donatur ${i};Alamat ${i};0813${String(i).padStart(8, '0')};Lembaga`);
    rows.push('Darmo;kauman rt 3;;CSR', 'Wartini;jetis rt 2;;', 'Donatur 7;Alamat 7;;', 'Donatur 8;alamat lain;;');
    rows.push('X;Y;12ab;Lembaga', 'Z;Y;12ab;Lembaga', 'Donatur 301;Alamat 301;;orang');
    const r = await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'b.csv', rows.join('\n')), '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 308, ditambah: 301, sudah_ada: 3, mungkin_ganda: 1, ditolak: 3 });
    expect(r.json().baris.map((b: any) => [b.baris, b.keputusan, b.alasan.slice(0, 40)])).toEqual([
      [303, 'sudah_ada', 'sudah ada: baris 2 berkas ini (Bpk. Darm'],
      [304, 'sudah_ada', 'sudah ada: ID 2 (Ibu Wartini)'],
      [305, 'sudah_ada', 'sudah ada: baris 9 berkas ini (Donatur 7'],
      [306, 'mungkin_ganda', 'mungkin orang yang sama dengan baris 10 '],
      [307, 'ditolak', 'nomor HP "12ab" tidak sah: tulis misalny'],
      [308, 'ditolak', 'nomor HP "12ab" tidak sah: tulis misalny'],
      [309, 'ditolak', 'Jenis "orang" tidak dikenal. Pilihan: pe'],
    ]);
    expect(donatur(db)).toHaveLength(304);
  });

  it('--ditolak writes the rows not imported in the same layout with alasan; fixed, they import', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const f = tulis(
      dir,
      'x.csv',
      '\ufeffNo;Nama;No HP\r\n1;Sumini;0812-1111-2222\r\n2;;0812-3333-4444\r\n3;Parmin;12ab\r\n',
    );
    const tolak = path.join(dir, 'perbaiki.csv');
    const r = await wksbm(db, ['impor', 'donatur', f, '--ditolak', tolak]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 baris yang tidak diimpor ditulis ke');
    const isi = fs.readFileSync(tolak, 'utf8');
    expect(isi.startsWith('\ufeffNo;Nama;No HP;alasan\r\n')).toBe(true);
    const lines = isi.slice(1).trim().split('\r\n');
    expect(lines[1]).toMatch(/^2;;0812-3333-4444;Nama tidak boleh kosong\.$/);
    expect(lines[2]).toMatch(/^3;Parmin;12ab;"nomor HP ""12ab"" tidak sah/);
    fs.writeFileSync(
      tolak,
      isi.replace('2;;0812', '2;Sarinah;0812').replace('3;Parmin;12ab', '3;Parmin;0812-5555-6666'),
    );
    const lagi = await wksbm(db, ['impor', 'donatur', tolak, '--json']);
    expect(ringkas(lagi)).toEqual({ dibaca: 2, ditambah: 2, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
  });

  it('an unbalanced quote, an empty file and a header-only file', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const sebelum = snapshot(db);
    const kutip = await wksbm(db, [
      'impor',
      'donatur',
      tulis(dir, 'q.csv', 'Nama;Alamat\nSatu;Jetis\n"Dua;Jetis\nTiga;Jetis\n'),
    ]);
    expect(kutip.code).toBe(2);
    expect(kutip.stderr).toContain('baris 3');
    const kosong = await wksbm(db, ['impor', 'donatur', tulis(dir, 'k.csv', '')]);
    expect(kosong.code).toBe(2);
    expect(kosong.stderr).toContain('kosong');
    expect((await wksbm(db, ['impor', 'donatur', tulis(dir, 'k2.csv', '\ufeff\r\n\r\n')])).code).toBe(2);
    expect(snapshot(db)).toBe(sebelum);
    const kepala = await wksbm(db, ['impor', 'donatur', tulis(dir, 'h.csv', 'Nama;Alamat;No HP\r\n'), '--json']);
    expect(kepala.code).toBe(0);
    expect(ringkas(kepala)).toEqual({ dibaca: 0, ditambah: 0, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 });
  });

  it('a line or a quoted cell past 1 MB, a binary file: one sentence at once, its line; nothing imported', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const sebelum = snapshot(db);
    const panjang = (n: number) => `${'x'.repeat(n)}`;
    const bertanya =
      'lebih panjang dari 1 MB: mungkin tanda kutip (") yang dibuka tidak ditutup, atau berkas itu bukan';
    const kasus: [string, string, number][] = [
      // a plain line (read piece by piece), a quote never closed, a long line after a quoted cell spanning lines
      ['satu.csv', `Nama,Alamat\n${panjang(1_100_000)},Jetis\n`, 2],
      ['kutip.csv', `Nama,Alamat\nBu A,"Jetis\nRT 1"\nBu B,Jetis\n"${'y\n'.repeat(600_000)}`, 5],
      ['campur.csv', `Nama,Alamat\nBu A,"Jetis\nRT 1"\nBu B,Jetis\n${panjang(1_100_000)},Jetis\nBu C,Jetis\n`, 5],
    ];
    for (const [nama, isi, baris] of kasus) {
      const r = await wksbm(db, ['--json', 'impor', 'donatur', tulis(dir, nama, isi)]);
      expect(r.code, nama).toBe(2);
      expect(r.json().galat.pesan, nama).toBe(
        `Baris ${baris} berkas CSV ${bertanya} daftar data. Tidak ada yang diimpor.`,
      );
    }
    // an executable, an image, a database: zero bytes that are not UTF-16's
    const biner = path.join(dir, 'foto.csv');
    fs.writeFileSync(biner, Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(64)]));
    const r = await wksbm(db, ['kas', 'impor', biner]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `Berkas "${biner}" bukan berkas CSV (teks) maupun buku kerja XLSX: isinya data biner. ` +
        'Simpan daftarnya sebagai CSV atau XLSX lalu impor lagi.',
    );
    // UTF-16 without a BOM has zero bytes too, every other one: still read
    const utf16 = tulis(dir, 'u16.csv', '');
    fs.writeFileSync(utf16, Buffer.from('Nama\tAlamat\r\nBu Sri\tJetis\r\n', 'utf16le'));
    expect(ringkas(await wksbm(db, ['--json', 'impor', 'donatur', utf16, '--uji']))).toMatchObject({ dibaca: 1 });
    expect(snapshot(db)).toBe(sebelum);
  });

  it('from a pipe (`… | wksbm kas impor /dev/stdin`): read once, its rows imported', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const kasus: [string, Buffer][] = [
      // past a megabyte: rows read piece by piece from the kept bytes
      [
        'utf8',
        Buffer.from(
          `Tanggal,Uraian,Sumber/Jenis,Masuk,Keluar\n${Array.from(
            { length: 30_000 },
            (_, i) => `2026-07-0${1 + (i % 9)},Jimpitan ke-${i} dari RT,jimpitan,"${1000 + i}",`,
          ).join('\n')}\n`,
        ),
      ],
      ['utf16', Buffer.from('\ufeffTanggal\tUraian\tSumber/Jenis\tMasuk\r\n2026-07-10\tx\tiuran\t5000\r\n', 'utf16le')],
    ];
    for (const [nama, isi] of kasus) {
      const pipa = path.join(dir, nama);
      const sumber = path.join(dir, `${nama}.csv`);
      fs.writeFileSync(sumber, isi);
      execFileSync('mkfifo', [pipa]);
      // another process writes, as in a shell pipeline: it waits until the import opens the pipe
      const penulis = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', sumber, pipa]);
      const selesai = new Promise((res) => penulis.on('close', res));
      const r = await wksbm(db, ['--json', 'kas', 'impor', pipa]);
      await selesai;
      expect(r.code, r.stderr).toBe(0);
      expect(ringkas(r)).toMatchObject({ ditolak: 0, ditambah: nama === 'utf8' ? 30_000 : 1 });
    }
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
  });

  it('headers named in a message: at most 20, each cut at 40 characters', async () => {
    const db = await unitBaru();
    const judul = Array.from({ length: 25 }, (_, i) => `Kolom ${i} ${'panjang '.repeat(i === 0 ? 10 : 0)}`.trim());
    const r = await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'j.csv', `${judul.join(';')}\n1;2\n`)]);
    expect(r.code).toBe(2);
    const daftar = /Judul kolom yang ada: (.*)\. Tunjukkan/.exec(r.stderr)![1]!.split(', ');
    expect(daftar).toHaveLength(21);
    expect(daftar[0]).toBe(`${'Kolom 0 panjang panjang panjang panjang '.slice(0, 39)}…`);
    expect(daftar.at(-1)).toBe('… (5 lagi)');
  });

  it('--uji writes nothing; --ketat imports nothing when a row is refused (exit 2)', async () => {
    const db = await unitBaru();
    const f = tulis(tmpDir(), 'x.csv', 'Nama;No HP\nSatu;0812-1111-2222\nDua;12ab\n');
    const sebelum = snapshot(db);
    const uji = await wksbm(db, ['impor', 'donatur', f, '--uji', '--json']);
    expect(uji.code).toBe(0);
    expect(uji.json()).toMatchObject({ dibaca: 2, ditambah: 1, ditolak: 1, uji: true, impor_id: null });
    expect(snapshot(db)).toBe(sebelum);
    const ketat = await wksbm(db, ['impor', 'donatur', f, '--ketat', '--json']);
    expect(ketat.code).toBe(2);
    expect(ketat.json()).toMatchObject({ dibaca: 2, ditambah: 0, ditolak: 1 });
    expect(ketat.stderr).toContain('--ketat: 1 baris ditolak');
    expect(snapshot(db)).toBe(sebelum);
    const baik = tulis(tmpDir(), 'y.csv', 'Nama;No HP\nSatu;0812-1111-2222\n');
    expect((await wksbm(db, ['impor', 'donatur', baik, '--ketat'])).code).toBe(0);
    expect(donatur(db)).toHaveLength(1);
  });

  it('a value repeated down a column is decided alike in every row, a bad one refused in each', async () => {
    const db = await unitBaru();
    const rows = [
      'Nama;No HP;Jenis;Terdaftar',
      'A;12ab;Lembaga;',
      'B;0812-1111-2222;Lembaga;2026-07-01',
      'C;12ab;Lembaga;',
    ];
    const r = await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'x.csv', rows.join('\n')), '--json']);
    expect(r.json().baris.map((b: any) => [b.baris, b.keputusan])).toEqual([
      [2, 'ditolak'],
      [4, 'ditolak'],
    ]);
    expect(donatur(db).map((d) => [d.nama, d.jenis, d.terdaftar])).toEqual([['B', 'lembaga', '2026-07-01']]);
  });

  it('the binary (a writer thread holds the transaction): --ketat keeps nothing; then new, sudah ada', async () => {
    const db = await unitBaru();
    const sebelum = snapshot(db);
    const f = tulis(tmpDir(), 'x.csv', `${DONATUR_CSV}Dua;Jetis;12ab;Perorangan\r\n`);
    const ketat = wksbmBin(db, ['impor', 'donatur', f, '--ketat', '--json']);
    expect(ketat.code, ketat.stderr).toBe(2);
    expect(ringkas(ketat)).toEqual({ dibaca: 4, ditambah: 0, sudah_ada: 0, mungkin_ganda: 0, ditolak: 1 });
    expect(ketat.json().baris[0]).toMatchObject({ baris: 5, keputusan: 'ditolak' });
    expect(snapshot(db)).toBe(sebelum);
    expect(ringkas(wksbmBin(db, ['impor', 'donatur', f, '--json']))).toMatchObject({ ditambah: 3, ditolak: 1 });
    expect(ringkas(wksbmBin(db, ['impor', 'donatur', f, '--json']))).toMatchObject({ ditambah: 0, sudah_ada: 3 });
    expect(donatur(db).map((d) => [d.id, d.nama, d.hp])).toEqual([
      [1, 'Bpk. Sukardi', '081210002000'],
      [2, 'Ibu Wartini', '081320003000'],
      [3, 'Toko Maju', null],
    ]);
    expect(wksbmBin(db, ['periksa', '--json']).json()).toEqual({ ok: true, temuan: [] });
  });

  it('the binary: a file refused before its rows (no name column) ends the early writer; nothing kept', async () => {
    const db = await unitBaru();
    const sebelum = snapshot(db);
    const f = tulis(tmpDir(), 'x.csv', 'Alamat;No HP\r\nJetis RT 01;081210002000\r\n');
    // the worker started beside the reading of the file is ended: the process exits instead of waiting for it
    const r = wksbmBin(db, ['impor', 'donatur', f, '--json'], { timeout: 20_000 });
    expect(r.code, r.stderr).toBe(2);
    expect(r.json().galat.pesan).toContain('Nama');
    expect(snapshot(db)).toBe(sebelum);
    const lagi = wksbmBin(db, ['impor', 'donatur', tulis(tmpDir(), 'y.csv', DONATUR_CSV), '--json']);
    expect(lagi.json()).toMatchObject({ ditambah: 3, impor_id: 1 });
  });

  it('into a register of 2,500: a row already there is found past the first 1,024 read, by phone or name', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const baris = Array.from({ length: 2500 }, (_, i) => `Ibu Warga ${i + 1};Jetis RT ${(i % 9) + 1};${hp(i + 1)}`);
    const f = tulis(dir, 'awal.csv', ['Nama;Alamat;No HP', ...baris].join('\r\n'));
    expect(ringkas(wksbmBin(db, ['impor', 'donatur', f, '--json']))).toMatchObject({ ditambah: 2500 });
    const lagi = tulis(
      dir,
      'lagi.csv',
      // donor 7 by phone, donor 2,000 by name and address (no phone), donor 2,499 by phone, one new
      [
        'Nama;Alamat;No HP',
        `Bu Warga 7;Bantul;${hp(7)}`,
        'Ibu Warga 2000;Jetis RT 2;',
        `Sdr. Warga 2499;Bantul;${hp(2499)}`,
        'Baru;Jetis;',
      ].join('\r\n'),
    );
    const r = wksbmBin(db, ['impor', 'donatur', lagi, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 4, ditambah: 1, sudah_ada: 3, mungkin_ganda: 0, ditolak: 0 });
    expect(r.json().baris.map((b: { alasan: string }) => b.alasan)).toEqual([
      expect.stringContaining('ID 7 '),
      expect.stringContaining('ID 2000 '),
      expect.stringContaining('ID 2499 '),
    ]);
  });

  it('a 20 MB file', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const n = 280_000;
    const out: string[] = ['No;Nama Donatur;Alamat;No. HP;Jenis;Keterangan'];
    for (let i = 1; i <= n; i++)
      out.push(
        `${i};Ibu Donatur Nomor ${i};Padukuhan Jetis RT ${i % 30};0812${String(10_000_000 + i)};Perorangan;donatur ` +
          `rutin bulanan jimpitan`,
      );
    out.push(`${n + 1};Ibu Donatur Nomor 1;Padukuhan Jetis RT 1;0812${String(10_000_001)};Perorangan;dobel`);
    const f = tulis(dir, 'besar.csv', out.join('\r\n'));
    expect(fs.statSync(f).size).toBeGreaterThan(20_000_000);
    // the real binary: its stderr is a pipe, which is what decides that no progress bar is drawn
    // the test's own budget, not the 60 s a binary gets before it is taken for one waiting on input
    const r = wksbmBin(db, ['impor', 'donatur', f, '--json'], { timeout: 230_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(ringkas(r)).toEqual({ dibaca: n + 1, ditambah: n, sudah_ada: 1, mungkin_ganda: 0, ditolak: 0 });
    expect(r.stderr, 'no progress bar when stderr is not a terminal').toBe('');
    // 280,000 rows, each journalled: far above the default limit on a loaded 2-core machine
  }, 240_000);
});

/** A phone number of its own for donor `i`. */
const hp = (i: number) => `0812${String(10_000_000 + i)}`;

describe('PPKS and PSKS', () => {
  it('PPKS by NIK, else name + address; categories by code, number or name; bad NIK refused', async () => {
    const db = await unitBaru();
    const f = tulis(
      tmpDir(),
      'dtks.csv',
      [
        'NIK;Nama;L/P;Tgl Lahir;Alamat;Kategori',
        '3402011505500001;Mbah Karto;L;15/05/1950;Jetis RT 01;LUT',
        '3402015505550002;Sutinah;P;1955-05-15;Jetis RT 02;23',
        '3402 0115 0550 0001;Karto;L;;Jetis RT 01;Lanjut Usia Terlantar',
        ';Parjo;L;;Jetis RT 03;Fakir Miskin',
        ';Pak Parjo;L;;Jetis, RT 03;FM',
        '34020115;Salah;L;;Jetis;FM',
        '3402011505500009;Tanpa Kategori;L;;Jetis;XYZ',
      ].join('\n'),
    );
    const r = await wksbm(db, ['ppks', 'impor', f, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 7, ditambah: 3, sudah_ada: 2, mungkin_ganda: 0, ditolak: 2 });
    const s = sqlite(db);
    const rows = s.prepare('SELECT nik, nama, jk, tanggal_lahir, kategori FROM ppks ORDER BY id').all();
    s.close();
    expect(rows).toEqual([
      { nik: '3402011505500001', nama: 'Mbah Karto', jk: 'L', tanggal_lahir: '1950-05-15', kategori: 'LUT' },
      { nik: '3402015505550002', nama: 'Sutinah', jk: 'P', tanggal_lahir: '1955-05-15', kategori: 'PRSE' },
      { nik: null, nama: 'Parjo', jk: 'L', tanggal_lahir: null, kategori: 'FM' },
    ]);
    const alasan = r
      .json()
      .baris.map((b: any) => b.alasan)
      .join('\n');
    expect(alasan).toContain('NIK harus 16 angka');
    expect(alasan).toContain('Kategori PPKS "XYZ" tidak dikenal');
  });

  it('PSKS by name + address', async () => {
    const db = await unitBaru();
    const f = tulis(
      tmpDir(),
      'psks.csv',
      'Nama Lembaga,Kategori,Alamat\nKarang Taruna Jetis,KT,Jetis\nKarang Taruna Jetis,Karang Taruna,jetis\nLKS ' +
        'Sejahtera,4,Bantul\n',
    );
    const r = await wksbm(db, ['psks', 'impor', f, '--json']);
    expect(ringkas(r)).toEqual({ dibaca: 3, ditambah: 2, sudah_ada: 1, mungkin_ganda: 0, ditolak: 0 });
    expect((await wksbm(db, ['impor', 'ppks', f])).code).toBe(2);
  });
});

describe('kas impor: the same rules as kas masuk/keluar', () => {
  it('continues the voucher sequence, keeps restricted funds and accounts above zero, refuses closed', async () => {
    const db = await unitBaru();
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01'])).code,
    ).toBe(0);
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', '50000', '--sumber', 'iuran', '--tanggal', '2026-03-01'])).code,
    ).toBe(0);
    expect((await wksbm(db, ['kas', 'tutup', '2026-1'])).code).toBe(0);
    const f = tulis(
      tmpDir(),
      'kas.csv',
      [
        'Tanggal;Uraian;Kode;Dana;Jumlah;Arah',
        '02/07/2026;Iuran kematian;iuran_kematian;;300.000;masuk',
        '03/07/2026;Santunan;santunan_kematian;kematian;400.000;keluar', // kematian would go below zero
        '03/07/2026;Santunan;santunan_kematian;;250.000;keluar', // the fund comes from the jenis
        '04/07/2026;Alat tulis;operasional;;Rp 250.000;k', // tunai holds 200.000 now
        '04/07/2026;Alat tulis;operasional;;-50.000;', // a minus amount is a payment
        '05/03/2026;Terlambat;iuran;;10.000;masuk', // closed quarter
        '05/07/2026;Zakat ke umum;zakat;umum;10.000;', // zakat must go to fund zakat
        '06/07/2026;Sewa tenda;usaha;;10.000;', // usaha is a sumber and a jenis
        '31/02/2026;Tanggal salah;iuran;;10.000;masuk',
        '07/07/2026;Sewa tenda;usaha;;150.000;masuk',
      ].join('\n'),
    );
    const r = await wksbm(db, ['kas', 'impor', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(ringkas(r)).toEqual({ dibaca: 10, ditambah: 4, sudah_ada: 0, mungkin_ganda: 0, ditolak: 6 });
    const alasan = Object.fromEntries(r.json().baris.map((b: any) => [b.baris, b.alasan]));
    expect(alasan[3]).toContain('Dana terikat "kematian" tidak boleh di bawah nol');
    expect(alasan[5]).toContain('Saldo akun "tunai" tidak boleh di bawah nol');
    expect(alasan[7]).toContain('sudah ditutup');
    expect(alasan[8]).toContain('harus masuk ke dana "zakat"');
    expect(alasan[9]).toContain('bisa sumber pemasukan atau jenis pengeluaran');
    expect(alasan[10]).toContain('tanggal "31/02/2026" tidak sah');
    const daftar = (await wksbm(db, ['kas', 'daftar', '--dari', '2026-07-01', '--json'])).json();
    expect(daftar.map((d: any) => [d.nomor, d.penerimaan || d.pengeluaran])).toEqual([
      ['001/BKM/VII/2026', 100000],
      ['003/BKM/VII/2026', 300000],
      ['001/BKK/VII/2026', 250000],
      ['002/BKK/VII/2026', 50000],
      ['004/BKM/VII/2026', 150000],
    ]);
    await periksaBersih(db);
  });

  it('an amount repeated down a column (parsed once) is decided alike in every row: minus, bad, good', async () => {
    const db = await unitBaru();
    const baris = [
      'Tanggal;Uraian;Kode;Jumlah',
      '01/07/2026;Iuran;iuran;100.000',
      '02/07/2026;Alat tulis;operasional;-5.000',
      '02/07/2026;Iuran;iuran;12ab',
      '03/07/2026;Alat tulis;operasional;-5.000',
      '03/07/2026;Iuran;iuran;12ab',
      '04/07/2026;Iuran;iuran;100.000',
    ];
    const r = await wksbm(db, ['kas', 'impor', tulis(tmpDir(), 'k.csv', baris.join('\n')), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const ditolak = r.json().baris.map((b: any) => [b.baris, b.keputusan, b.alasan]);
    expect(ditolak.map((b: any) => b.slice(0, 2))).toEqual([
      [4, 'ditolak'],
      [6, 'ditolak'],
    ]);
    expect(ditolak[0][2]).toContain('12ab');
    expect(ditolak[1][2]).toBe(ditolak[0][2]);
    const daftar = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(daftar.map((d: any) => [d.nomor, d.penerimaan, d.pengeluaran])).toEqual([
      ['001/BKM/VII/2026', 100000, 0],
      ['001/BKK/VII/2026', 0, 5000],
      ['002/BKK/VII/2026', 0, 5000],
      ['002/BKM/VII/2026', 100000, 0],
    ]);
  });

  it('identical rows in one file are separate entries; a re-import matches them by occurrence', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const dua = tulis(
      dir,
      'a.csv',
      'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n01/07/2026,Jimpitan,jimpitan,umum,"10.000",' +
        '\n01/07/2026,Jimpitan,jimpitan,umum,"10.000",\n',
    );
    expect(ringkas(await wksbm(db, ['kas', 'impor', dua, '--json']))).toMatchObject({ ditambah: 2 });
    const tiga = tulis(dir, 'b.csv', fs.readFileSync(dua, 'utf8') + '01/07/2026,Jimpitan,jimpitan,umum,"10.000",\n');
    expect(ringkas(await wksbm(db, ['kas', 'impor', tiga, '--json']))).toEqual({
      dibaca: 3,
      ditambah: 1,
      sudah_ada: 2,
      mungkin_ganda: 0,
      ditolak: 0,
    });
  });

  it('a re-import matches the book day by day, in any order of its rows; a voided entry is not matched', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const kepala = 'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n';
    const baris = (tgl: string, uraian: string, rp: string) => `${tgl}/07/2026,${uraian},jimpitan,umum,"${rp}",\n`;
    const [x, y, z] = [baris('01', 'X', '1.000'), baris('02', 'Y', '2.000'), baris('03', 'Z', '3.000')];
    const a = tulis(dir, 'a.csv', kepala + x + y + x + z);
    expect(ringkas(await wksbm(db, ['kas', 'impor', a, '--json']))).toMatchObject({ ditambah: 4 });
    const nomorY = (await wksbm(db, ['kas', 'daftar', '--json'])).json().find((d: any) => d.uraian === 'Y').nomor;
    expect((await wksbm(db, ['kas', 'batal', nomorY, '--alasan', 'salah', '--tanggal', '2026-07-05'])).code).toBe(0);
    // the days come back and forth; Y's entry is voided, so Y is new; X stands twice and Z once
    const w = baris('02', 'W', '4.000');
    const v = baris('04', 'V', '5.000');
    const b = tulis(dir, 'b.csv', kepala + y + x + z + x + x + w + v + z);
    // in-process, the rows are written on the connection that reads the book: a day is read before its own rows
    expect(ringkas(await wksbm(db, ['kas', 'impor', b, '--json']))).toEqual({
      dibaca: 8,
      ditambah: 5,
      sudah_ada: 3,
      mungkin_ganda: 0,
      ditolak: 0,
    });
    // every row of the file now stands in the book, each occurrence once (through the binary: its writer thread
    // holds the import's transaction while this one reads the book)
    expect(ringkas(wksbmBin(db, ['kas', 'impor', b, '--json']))).toEqual({
      dibaca: 8,
      ditambah: 0,
      sudah_ada: 8,
      mungkin_ganda: 0,
      ditolak: 0,
    });
    await periksaBersih(db);
  });
});

describe('impor riwayat and impor batal', () => {
  it('a cash import is reversed by voids (without the impor_id), then the same file imports again', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']);
    const id = r.json().impor_id;
    const riwayat = (await wksbm(db, ['impor', 'riwayat', '--json'])).json();
    expect(riwayat).toEqual([
      expect.objectContaining({
        id,
        buku: 'kas',
        berkas: 'kas-juli-2026.csv',
        dibaca: 14,
        ditambah: 14,
        dibatalkan: null,
      }),
    ]);
    expect(riwayat[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const b = await wksbm(db, ['impor', 'batal', String(id), '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json()).toMatchObject({ kas_dibatalkan: 14 });
    const s = sqlite(db);
    const pembalik = s
      .prepare('SELECT count(*) AS n, count(impor_id) AS imp FROM kas WHERE batal_dari IS NOT NULL')
      .get();
    s.close();
    expect(pembalik).toEqual({ n: 14, imp: 0 });
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().total).toBe(0);
    await periksaBersih(db);
    expect((await wksbm(db, ['impor', 'riwayat', '--json'])).json()[0].dibatalkan).not.toBeNull();
    expect((await wksbm(db, ['impor', 'batal', String(id)])).code).toBe(2);
    expect(ringkas(await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']))).toMatchObject({
      ditambah: 14,
      sudah_ada: 0,
    });
    await periksaBersih(db);
  });

  it('a reversal longer than one 32-row INSERT voids each entry itself, with its own reference', async () => {
    const db = await unitBaru();
    const baris = Array.from(
      { length: 75 },
      (_, i) => `0${(i % 9) + 1}/07/2026,Jimpitan ${i},jimpitan,umum,"${1000 + i}",`,
    );
    const csv = tulis(tmpDir(), 'a.csv', `Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n${baris.join('\n')}\n`);
    const id = (await wksbm(db, ['kas', 'impor', csv, '--json'])).json().impor_id;
    expect((await wksbm(db, ['impor', 'batal', String(id), '--json'])).json()).toMatchObject({ kas_dibatalkan: 75 });
    const s = sqlite(db);
    const pasangan = s
      .prepare(
        'SELECT count(*) AS n, count(DISTINCT v.batal_dari) AS beda FROM kas v JOIN kas o ON o.id = v.batal_dari ' +
          'WHERE v.jumlah = -o.jumlah AND v.tanggal >= o.tanggal AND o.impor_id = ? AND v.impor_id IS NULL',
      )
      .get(id);
    s.close();
    expect(pasangan).toEqual({ n: 75, beda: 75 });
    await periksaBersih(db);
  });

  it('reversing a donor import keeps the donors used since, and says so', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['impor', 'donatur', tulis(tmpDir(), 'a.csv', DONATUR_CSV), '--json']);
    expect(
      (
        await wksbm(db, [
          'kas',
          'masuk',
          '--jumlah',
          '50000',
          '--sumber',
          'donatur',
          '--donatur',
          '0812-1000-2000',
          '--tanggal',
          '2026-11-01',
        ])
      ).code,
    ).toBe(0);
    const b = await wksbm(db, ['impor', 'batal', String(r.json().impor_id)]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('2 baris dihapus');
    expect(b.stdout).toContain('ID 1 (Bpk. Sukardi)');
    expect(donatur(db).map((d) => d.nama)).toEqual(['Bpk. Sukardi']);
    await periksaBersih(db);
  });

  it('reversing a PPKS import keeps a PPKS who has received aid', async () => {
    const db = await unitBaru();
    const f = tulis(
      tmpDir(),
      'p.csv',
      'NIK;Nama;JK;Kategori\n3402011505500001;Mbah Karto;L;LUT\n3402015505550002;Sutinah;P;PRSE\n',
    );
    const r = await wksbm(db, ['impor', 'ppks', f, '--json']);
    expect(r.json().ditambah).toBe(2);
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-11-01'])).code,
    ).toBe(0);
    const k = await wksbm(db, [
      'kas',
      'keluar',
      '--jumlah',
      '50000',
      '--jenis',
      'penyaluran',
      '--layanan',
      'jaminan',
      '--dana',
      'umum',
      '--tanggal',
      '2026-11-02',
      '--json',
    ]);
    const s = sqlite(db);
    s.prepare(
      "INSERT INTO penyaluran (tanggal, ppks_id, layanan, bentuk, kas_id, dibuat) VALUES ('2026-11-02', 1," +
        " 'jaminan', 'uang', ?, 'x')",
    ).run(k.json().id);
    s.close();
    const b = await wksbm(db, ['impor', 'batal', String(r.json().impor_id), '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.json()).toMatchObject({ dihapus: 1, dipertahankan: [{ id: 1, nama: 'Mbah Karto' }] });
    const t = sqlite(db);
    expect(t.prepare('SELECT id FROM ppks').all()).toEqual([{ id: 1 }]);
    t.close();
  });

  it('is refused for a closed quarter', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']);
    expect((await wksbm(db, ['kas', 'tutup', '2026-3'])).code).toBe(0);
    const sebelum = snapshot(db);
    const b = await wksbm(db, ['impor', 'batal', String(r.json().impor_id)]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('sudah ditutup');
    expect(snapshot(db)).toBe(sebelum);
    expect((await wksbm(db, ['impor', 'batal', '99'])).stderr).toContain('Impor "99" tidak ada');
  });
});

/**
 * The binary run with `args` until the import pauses (WKSBM_TES_JEDA_IMPOR: right after its first row is
 * handed on, inside the open transaction), then killed with SIGKILL; the signal it ended by.
 */
async function bunuhSaatJeda(db: string, args: string[]): Promise<string | null> {
  const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
    env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', WKSBM_TES_JEDA_IMPOR: '20000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
      if (err.includes('[tes] impor berhenti')) resolve();
    });
    child.on('exit', () => reject(new Error(`selesai sebelum dijeda: ${err}`)));
  });
  return new Promise<string | null>((resolve) => {
    child.on('exit', (_c, sig) => resolve(sig));
    child.kill('SIGKILL');
  });
}

describe('a process killed mid-import leaves the file as before', () => {
  it('SIGKILL inside the transaction', async () => {
    const db = await unitBaru();
    await wksbm(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    const sebelum = snapshot(db);
    // the first entry is inside the open transaction when it is killed
    const kode = await bunuhSaatJeda(db, ['kas', 'impor', contoh('kas-juli-2026.csv')]);
    expect(kode).toBe('SIGKILL');
    expect(snapshot(db)).toBe(sebelum);
    await periksaBersih(db);
    expect(ringkas(await wksbm(db, ['kas', 'impor', contoh('kas-juli-2026.csv'), '--json']))).toMatchObject({
      ditambah: 14,
    });
  });

  it('SIGKILL inside a donor import, whose rows a writer thread inserts', async () => {
    const db = await unitBaru();
    const sebelum = snapshot(db);
    const f = tulis(tmpDir(), 'donatur.csv', DONATUR_CSV);
    // the first row has been handed to the writer, inside its open transaction, when it is killed
    await bunuhSaatJeda(db, ['impor', 'donatur', f]);
    expect(snapshot(db)).toBe(sebelum);
    await periksaBersih(db);
    expect(ringkas(wksbmBin(db, ['impor', 'donatur', f, '--json']))).toMatchObject({ ditambah: 3 });
  });
});
