// The shipped binary (bin/wksbm.js → dist/bundle/): what only a real process shows, and proof that
// the in-process runs every other e2e test uses print exactly what the binary prints.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { COMMANDS } from '../../src/cli/registry.js';
import { unitContoh } from '../fixtures/unit-contoh.js';
import { type Hasil, ROOT, snapshot, tmpDir, unitBaru, wksbm, wksbmBin, wksbmPty } from '../helpers.js';

const DATA = path.join(ROOT, 'test', 'fixtures', 'data');

describe('the bundle', () => {
  it('--version prints the version in package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const r = wksbmBin(null, ['--version']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('--help starts every command of the registry and lists it in Indonesian', () => {
    const r = wksbmBin(null, ['--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Pemakaian: wksbm \[opsi\] \[perintah\]/);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name}\\b`, 'm'));
  });

  it('exit codes: 0 on success, 2 for bad input (nothing written), 1 for any other failure', async () => {
    const db = path.join(tmpDir(), 'unit.sqlite');
    const init = wksbmBin(db, [
      'init',
      '--nama',
      'Sido Rukun',
      '--padukuhan',
      'Jetis',
      '--kalurahan',
      'Sumberagung',
      '--kapanewon',
      'Jetis',
    ]);
    expect(init.code, init.stderr).toBe(0);
    const masuk = wksbmBin(db, [
      '--json',
      'kas',
      'masuk',
      '--jumlah',
      '1.250.000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '03/07/2026',
    ]);
    expect(masuk.code, masuk.stderr).toBe(0);
    expect(masuk.json()).toMatchObject({ nomor: '001/BKM/VII/2026', jumlah: 1_250_000 });
    const sebelum = snapshot(db);
    const salah = wksbmBin(db, ['kas', 'masuk', '--jumlah', 'seratus', '--sumber', 'iuran']);
    expect([salah.code, salah.stdout]).toEqual([2, '']);
    expect(salah.stderr).toMatch(/^jumlah "seratus" tidak sah: .*\n$/);
    expect(snapshot(db)).toBe(sebelum);
    const gagal = wksbmBin(path.join(tmpDir(), 'tidak-ada.sqlite'), ['kas', 'saldo']);
    expect(gagal.code).toBe(1);
    expect(gagal.stderr).toMatch(/belum ada. Buat dulu dengan "wksbm init"/);
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().total).toBe(1_250_000);
  });
});

describe('exceljs bundled beside the program (dist/bundle/exceljs.cjs, through the code cache)', () => {
  it('the binary writes the workbook the in-process run writes, with and without the cache, silently', async () => {
    const unit = await unitContoh();
    const isi = async (berkas: string) => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(berkas);
      return wb.worksheets.map((ws) => {
        const sel: unknown[] = [ws.name];
        ws.eachRow({ includeEmpty: false }, (row) => row.eachCell((c) => sel.push([c.address, c.value, c.numFmt])));
        return sel;
      });
    };
    const args = ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o'];
    const dalam = path.join(tmpDir(), 'dalam.xlsx');
    expect((await wksbm(unit, [...args, dalam])).code).toBe(0);
    for (const k of [1, 2]) {
      const bin = path.join(tmpDir(), `bin-${k}.xlsx`);
      const r = wksbmBin(unit, [...args, bin]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(await isi(bin)).toEqual(await isi(dalam));
    }
  });
});

describe('--no-input', () => {
  it('at a real terminal, never prompts: a missing field names its flag (exit 2)', async () => {
    const db = await unitBaru();
    const r = wksbmPty(db, ['--no-input', 'kas', 'masuk', '--sumber', 'iuran'], []);
    expect(r.code, r.output).toBe(2);
    expect(r.output).toContain('jumlah wajib diisi: berikan --jumlah');
  });

  it('in-process, wins over a terminal too: the prompter is never asked', async () => {
    const db = await unitBaru();
    const ditanya: string[] = [];
    const r = await wksbm(db, ['--no-input', 'kas', 'masuk', '--sumber', 'iuran'], {
      prompter: scriptedPrompter(['1000', true], ditanya),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jumlah wajib diisi: berikan --jumlah/);
    expect(ditanya).toEqual([]);
  });
});

describe('in-process runs', () => {
  it('set env and cwd for one run only', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const cwd = process.cwd();
    const env = { ...process.env };
    const r = await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran'], {
      env: { WKSBM_HARI_INI: '2027-01-03', WKSBM_PENGGUNA: 'wartini' },
      cwd: dir,
    });
    expect(r.json().tanggal).toBe('2027-01-03');
    expect(process.cwd()).toBe(cwd);
    expect(process.env).toEqual(env);
    expect((await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran'])).json().tanggal).toBe(
      '2026-11-22',
    );
    const debug = await wksbm(db, ['kas', 'masuk', '--jumlah', 'x', '--sumber', 'iuran'], {
      env: { WKSBM_DEBUG: '1' },
    });
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', 'x', '--sumber', 'iuran'])).stderr.trim().split('\n'),
    ).toHaveLength(1);
  });
});

/** Code, stdout and stderr, with the clock's real timestamps (dibuat, waktu) masked. */
function keluaran(r: Hasil) {
  const waktu = (s: string) => s.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<waktu>');
  return { code: r.code, stdout: waktu(r.stdout), stderr: waktu(r.stderr) };
}

describe('in-process output equals the binary output', () => {
  let unit: string;
  beforeAll(async () => {
    unit = await unitContoh();
  });

  // commander's own output (help, version, usage errors), refusals, warnings, tables, CSV, JSON, workbooks, imports
  const KASUS: string[][] = [
    [],
    ['--help'],
    ['--version'],
    ['kas', '--help'],
    ['kas', 'masuk', '--help'],
    ['impor'],
    ['kas', 'bayar'],
    ['kas', 'masuk', '--bogus'],
    ['kas', 'batal'],
    ['kas', 'masuk', '--jumlah', 'seratus', '--sumber', 'iuran'],
    ['kas', 'masuk', '--jumlah'],
    ['kas', 'masuk', '--sumber', 'iuran'],
    ['kas', 'masuk', '--jumlah', '5.000.001', '--sumber', 'kerjasama', '--tanggal', '2026-07-01'],
    ['--json', 'kas', 'keluar', '--jumlah', '45.000', '--jenis', 'operasional', '--tanggal', '2026-10-06'],
    ['kas', 'daftar', '--triwulan', '2026-3'],
    ['kas', 'daftar', '--csv'],
    ['kas', 'saldo', '--per', 'akun'],
    ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'],
    ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'],
    ['cetak', 'kas', '-o', 'buku-kas.xlsx'],
    ['ppks', 'daftar'],
    [
      'ppks',
      'tambah',
      '--nik',
      '3402084107650003',
      '--nama',
      'Tukiyem',
      '--jk',
      'L',
      '--kategori',
      'PRSE',
      '--lahir',
      '1966-07-01',
      '--dasar',
      'persetujuan',
    ],
    ['rapat', 'tampil', '1'],
    ['kas', 'impor', path.join(DATA, 'kas-juli-2026.csv')],
    ['donatur', 'impor', path.join(DATA, 'donatur-rt03.csv'), '--uji'],
    ['periksa'],
    ['profil'],
    ['init', '--nama', 'Lagi', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis'],
    ['--db', 'tidak-ada.sqlite', 'kas', 'saldo'],
  ];
  const nama = (args: string[]) =>
    args.map((a) => (a.startsWith(DATA) ? path.relative(ROOT, a) : a)).join(' ') || '(tanpa argumen)';
  it.each(KASUS.map((args) => [nama(args), args] as const))('wksbm %s', async (_, args) => {
    const a = tmpDir();
    const b = tmpDir();
    fs.copyFileSync(unit, path.join(a, 'unit.sqlite'));
    fs.copyFileSync(unit, path.join(b, 'unit.sqlite'));
    const bin = wksbmBin('unit.sqlite', args, { cwd: a });
    const dalam = await wksbm('unit.sqlite', args, { cwd: b });
    expect(keluaran(dalam)).toEqual(keluaran(bin));
    expect(fs.readdirSync(b).sort(), 'the same files written').toEqual(fs.readdirSync(a).sort());
  });
});
