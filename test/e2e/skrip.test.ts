// What a script relies on: CSV that a spreadsheet opens in columns and never runs, errors as JSON
// on stdout under --json, and a pipe closed early that ends quietly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BIN, captureIo, ok, snapshot, tmpDir, unitBaru, wksbm } from '../helpers.js';

const JAHAT = ['=HYPERLINK("http://x","klik")', '+1+1', '@SUM(1)'];

function bacaCsv(teks: string, delimiter = ';'): string[][] {
  expect(teks.startsWith('\ufeff')).toBe(true);
  return parse(teks.slice(1), { delimiter, relax_column_count: true });
}

describe('--csv', () => {
  it('kas daftar: ; with a BOM by default, --pemisah , for the other, amounts plain integers', async () => {
    const db = await unitBaru();
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '250.000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-01',
      '--uraian',
      'Jimpitan; minggu 1',
    ]);
    const titik = await ok(db, ['kas', 'daftar', '--csv']);
    expect(titik.stdout.split('\r\n')[0]).toBe(
      '\ufeffno;tanggal;nomor;uraian;sumber;jenis;layanan;dana;akun;akun_tujuan;penerimaan;pengeluaran;' +
        'saldo;batal_dari;dibatalkan_oleh',
    );
    expect(bacaCsv(titik.stdout)[1]).toEqual([
      '1',
      '2026-07-01',
      '001/BKM/VII/2026',
      'Jimpitan; minggu 1',
      'jimpitan',
      '',
      '',
      'umum',
      'tunai',
      '',
      '250000',
      '0',
      '250000',
      '',
      '',
    ]);
    const koma = await ok(db, ['kas', 'daftar', '--csv', '--pemisah', ',']);
    expect(bacaCsv(koma.stdout, ',')[1]![3]).toBe('Jimpitan; minggu 1');
    expect(koma.stdout.split('\r\n')[1]).toContain(',Jimpitan; minggu 1,');
    const tab = await ok(db, ['kas', 'daftar', '--csv', '--pemisah', 'tab']);
    expect(tab.stdout.split('\r\n')[0]).toMatch(/^\ufeffno\ttanggal\t/);
    const salah = await wksbm(db, ['kas', 'daftar', '--csv', '--pemisah', '|']);
    expect([salah.code, salah.stdout, salah.stderr]).toEqual([
      2,
      '',
      'pemisah "|" tidak dikenal: tulis ; atau , atau tab.\n',
    ]);
  });

  it('kas daftar: an uraian that a spreadsheet would run gets a leading quote; amounts stay numbers', async () => {
    const db = await unitBaru();
    for (const [i, u] of JAHAT.entries())
      await ok(db, [
        'kas',
        'masuk',
        '--jumlah',
        '10000',
        '--sumber',
        'jimpitan',
        '--tanggal',
        `2026-07-0${i + 1}`,
        '--uraian',
        u,
      ]);
    await ok(db, [
      'kas',
      'keluar',
      '--jumlah',
      '25000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-07-05',
      '--uraian',
      '-potong',
    ]);
    const rows = bacaCsv((await ok(db, ['kas', 'daftar', '--csv'])).stdout);
    expect(rows.slice(1).map((r) => r[3])).toEqual([...JAHAT.map((u) => `'${u}`), "'-potong"]);
    expect(rows.at(-1)!.slice(10, 13)).toEqual(['0', '25000', '5000']);
  });

  it('donatur daftar: a donor name with a formula is inert, and importing the export reads the name back', async () => {
    const db = await unitBaru();
    for (const nama of JAHAT) await ok(db, ['donatur', 'tambah', '--nama', nama, '--jenis', 'perorangan']);
    const teks = (await ok(db, ['donatur', 'daftar', '--csv'])).stdout;
    const rows = bacaCsv(teks);
    const kolom = rows[0]!.indexOf('nama');
    expect(rows.slice(1).map((r) => r[kolom])).toEqual(JAHAT.map((n) => `'${n}`));

    const berkas = path.join(tmpDir(), 'ekspor.csv');
    fs.writeFileSync(berkas, teks);
    const lain = await unitBaru();
    const r = await wksbm(lain, ['donatur', 'impor', berkas, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const daftar = (await wksbm(lain, ['--json', 'donatur', 'daftar'])).json();
    expect(daftar.map((d: { nama: string }) => d.nama)).toEqual(JAHAT);
  });

  it('the reject file of an import: formula cells made inert, a negative amount left a number', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const berkas = path.join(dir, 'kas.csv');
    const baris = [
      'Tanggal;Uraian;Sumber/Jenis;Dana;Masuk;Keluar',
      '01/07/2026;=HYPERLINK("http://x","klik");bukan_sumber;umum;-45000;',
      '02/07/2026;+1+1;jimpitan;umum;10000;',
      '03/07/2026;@SUM(1);jimpitan;tidak_ada;10000;',
    ];
    fs.writeFileSync(berkas, '\ufeff' + baris.join('\r\n') + '\r\n');
    const tolak = path.join(dir, 'ditolak.csv');
    const r = await wksbm(db, ['kas', 'impor', berkas, '--ditolak', tolak]);
    expect(r.code, r.stderr).not.toBe(1);
    const teks = fs.readFileSync(tolak, 'utf8');
    const rows = bacaCsv(teks);
    expect(rows[0]).toEqual(['Tanggal', 'Uraian', 'Sumber/Jenis', 'Dana', 'Masuk', 'Keluar', 'alasan']);
    const ditolak = rows.slice(1);
    expect(ditolak.map((x) => x[1])).toContain(`'=HYPERLINK("http://x","klik")`);
    expect(ditolak.find((x) => x[1]!.includes('HYPERLINK'))![4]).toBe('-45000');
    expect(ditolak.find((x) => x[1]!.includes('SUM'))![1]).toBe("'@SUM(1)");
    for (const x of ditolak) for (const sel of x) expect(sel).not.toMatch(/^[=+@]/);
  });
});

describe('--json errors', () => {
  it('a bad amount: an object on stdout naming the option, the one sentence on stderr, nothing written', async () => {
    const db = await unitBaru();
    const sebelum = snapshot(db);
    const r = await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', 'seratus', '--sumber', 'iuran']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jumlah "seratus" tidak sah: [^\n]*\n$/);
    expect(r.json()).toEqual({ galat: { kode: 2, pesan: r.stderr.trim(), isian: 'jumlah' } });
    expect(snapshot(db)).toBe(sebelum);
  });

  it('a required option missing with no terminal names the option', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['--json', 'kas', 'masuk', '--sumber', 'iuran']);
    expect(r.code).toBe(2);
    expect(r.json().galat).toMatchObject({ kode: 2, isian: 'jumlah' });
  });

  it('a usage error: unknown option and a missing value, as JSON too', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, ['--json', 'kas', 'masuk', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('opsi tidak dikenal: --bogus\n');
    expect(r.json()).toEqual({ galat: { kode: 2, pesan: 'opsi tidak dikenal: --bogus', isian: 'bogus' } });
    const kosong = await wksbm(db, ['kas', 'masuk', '--jumlah', '--json']);
    expect(kosong.code).toBe(2);
    const tanpaNilai = await wksbm(db, ['kas', 'masuk', '--json', '--jumlah']);
    expect(tanpaNilai.json()).toEqual({
      galat: { kode: 2, pesan: 'opsi --jumlah <jumlah> perlu nilai', isian: 'jumlah' },
    });
  });

  it('a missing file is exit 1 and JSON; without --json stdout stays empty', async () => {
    const db = path.join(tmpDir(), 'tidak-ada.sqlite');
    const r = await wksbm(db, ['--json', 'kas', 'saldo']);
    expect(r.code).toBe(1);
    expect(r.json().galat).toMatchObject({ kode: 1, pesan: r.stderr.trim() });
    expect(r.json().galat.isian).toBeUndefined();
    expect((await wksbm(db, ['kas', 'saldo'])).stdout).toBe('');
  });
});

describe('a pipe closed early', () => {
  it('kas daftar | head -1: exit 0 and no stack trace', async () => {
    const db = await unitBaru();
    const entri = Array.from(
      { length: 400 },
      (_, i) => `0${(i % 9) + 1}/07/2026;Jimpitan panjang sekali ${i} ${'x'.repeat(80)};jimpitan;umum;1000;`,
    );
    const berkas = path.join(tmpDir(), 'banyak.csv');
    fs.writeFileSync(berkas, ['Tanggal;Uraian;Sumber/Jenis;Dana;Masuk;Keluar', ...entri].join('\r\n'));
    await ok(db, ['kas', 'impor', berkas]);
    const anak = spawn(process.execPath, [BIN, '--db', db, 'kas', 'daftar'], {
      env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    anak.stderr.on('data', (d) => (stderr += d));
    const pertama = await new Promise<string>((res) => anak.stdout.once('data', (d) => res(String(d))));
    anak.stdout.destroy();
    const code = await new Promise<number | null>((res) => anak.on('close', (c) => res(c)));
    expect(pertama).toContain('Saldo awal');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('tables fit', () => {
  async function kasContoh(): Promise<string> {
    const db = await unitBaru();
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '12.500.000',
      '--sumber',
      'kerjasama',
      '--tanggal',
      '2026-07-01',
      '--uraian',
      'Hibah kalurahan 2026',
    ]);
    await ok(db, [
      'kas',
      'keluar',
      '--jumlah',
      '1.250.000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-07-02',
      '--uraian',
      'Alat tulis dan fotokopi',
    ]);
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '110.000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-03',
      '--uraian',
      'Jimpitan minggu ke-1',
    ]);
    return db;
  }

  it('kas daftar with usual entries is at most 100 characters wide; the hidden columns are in --csv', async () => {
    const db = await kasContoh();
    const r = await ok(db, ['kas', 'daftar']);
    const lebar = Math.max(...r.stdout.split('\n').map((b) => [...b].length));
    expect(lebar).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain('Hibah kalurahan 2026');
    expect(r.stdout).toContain('12.500.000');
    expect(r.stdout).toContain('kerjasama');
    expect((await ok(db, ['kas', 'daftar', '--csv'])).stdout).toContain(';umum;tunai;');
  });

  it('at a terminal the uraian wraps to the width; piped, a long uraian is never cut', async () => {
    const db = await kasContoh();
    const panjang = 'Pembelian beras untuk santunan lansia sebatang kara di padukuhan Jetis bulan Juli';
    await ok(db, [
      'kas',
      'keluar',
      '--jumlah',
      '500.000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-07-04',
      '--uraian',
      panjang,
    ]);
    const pipa = await ok(db, ['kas', 'daftar']);
    expect(pipa.stdout).toContain(panjang);
    const { io, out } = captureIo();
    const terminal = { ...io, terminal: { out: { columns: 100 } as NodeJS.WriteStream } };
    expect(await main(['node', 'wksbm', '--db', db, 'kas', 'daftar'], { io: terminal })).toBe(0);
    const teks = out.join('');
    expect(Math.max(...teks.split('\n').map((b) => [...b].length))).toBeLessThanOrEqual(100);
    expect(teks).not.toContain(panjang);
    expect(teks.replace(/[\s│|]+/g, ' ')).toContain('Pembelian beras');
    expect(teks).toContain('12.500.000');
  });
});
