// Input that cannot hurt (issue #9 item 5): each finding of the hostile test on main, through the CLI.
// Every refusal is exit 2, one Indonesian line naming the field and the value, the file unchanged.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kendalaKeUserError } from '../../src/books/register.js';
import { tempatKendala } from '../../src/db/kendala.js';
import { ok, snapshot, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

const NIK = '3402084107650003';

/** Exit 2, exactly one line on stderr matching `message`, no raw control character, every table as it was. */
async function refused(db: string, args: string[], message: RegExp, env?: Record<string, string>) {
  const before = snapshot(db);
  const r = await wksbm(db, args, { env });
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  expect(r.stderr).not.toMatch(/constraint|SQLITE|failed|Error/i);
  expect(snapshot(db)).toBe(before);
  return r;
}

let db: string;
beforeAll(async () => {
  db = await unitBaru();
  await ok(db, [
    'ppks',
    'tambah',
    '--nik',
    NIK,
    '--nama',
    'Tukiyem',
    '--jk',
    'P',
    '--kategori',
    'LUT',
    '--dasar',
    'tugas_publik',
  ]);
  await ok(db, [
    'ppks',
    'tambah',
    '--nik',
    '3402081203700002',
    '--nama',
    'Paimin',
    '--jk',
    'L',
    '--kategori',
    'LUT',
    '--dasar',
    'tugas_publik',
  ]);
  await ok(db, ['akun', 'tambah', 'bri', '--nama', 'BRI Unit Bantul']);
  await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-10-01']);
  await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-10-01']);
  await ok(db, [
    'natura',
    'masuk',
    '--barang',
    'beras',
    '--kuantitas',
    '20',
    '--sumber',
    'jimpitan',
    '--tanggal',
    '2026-10-02',
  ]);
});

describe('entry dates lie between the founding and today', () => {
  it.each([
    [
      'cash dated 1900',
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--tanggal', '01/01/1900'],
      /^tanggal "1 Jan 1900" tidak sah: sebelum unit berdiri \(1 Jan 2000\)/,
    ],
    [
      'cash dated tomorrow',
      ['kas', 'keluar', '--jumlah', '1000', '--jenis', 'operasional', '--tanggal', '23/11/2026'],
      /^tanggal "23 Nov 2026" tidak sah: lewat dari hari ini/,
    ],
    [
      'a transfer dated 1999',
      ['kas', 'pindah', '--jumlah', '1000', '--dari', 'tunai', '--ke', 'bri', '--tanggal', '1999-12-31'],
      /^tanggal "31 Des 1999" tidak sah: sebelum unit berdiri/,
    ],
    [
      'stock dated 1900',
      ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '1', '--sumber', 'jimpitan', '--tanggal', '01/01/1900'],
      /1 Jan 1900.*sebelum unit berdiri/,
    ],
    [
      'aid dated next year',
      ['salur', '--ppks', '1', '--layanan', 'jaminan', '--jumlah', '1000', '--tanggal', '2027-01-01'],
      /1 Jan 2027.*lewat dari hari ini/,
    ],
    [
      'a death benefit dated 1950',
      [
        'santunan',
        '--almarhum',
        'A',
        '--tanggal-wafat',
        '1950-01-01',
        '--ahli-waris',
        'B',
        '--hubungan',
        'istri',
        '--alamat',
        'RT 1',
        '--jumlah',
        '1000',
        '--dana',
        'kematian',
        '--tanggal',
        '1950-01-02',
      ],
      /2 Jan 1950.*sebelum unit berdiri/,
    ],
    [
      'a letter dated 1901',
      ['surat', 'masuk', '--nomor', '1', '--tanggal', '1901-01-01', '--perihal', 'P', '--dari', 'D'],
      /^Tanggal surat "1 Jan 1901" tidak sah: sebelum unit berdiri/,
    ],
    [
      'a meeting next month',
      ['rapat', 'catat', '--tanggal', '2026-12-01', '--agenda', 'Rapat'],
      /^Tanggal "1 Des 2026" tidak sah: lewat dari hari ini/,
    ],
    [
      'an activity in 1900',
      ['kegiatan', 'catat', '--tanggal', '1900-02-01', '--nama', 'X', '--jenis', 'pencegahan'],
      /sebelum unit berdiri/,
    ],
    ['a guest in 2030', ['tamu', 'catat', '--tanggal', '2030-01-01', '--nama', 'X'], /lewat dari hari ini/],
    [
      'a birth date after today',
      ['ppks', 'tambah', '--nama', 'X', '--jk', 'L', '--kategori', 'LUT', '--lahir', '01/01/2027'],
      /^Tanggal lahir "1 Jan 2027" tidak sah: tanggal lahir harus antara tahun 1900 dan hari ini\.$/m,
    ],
    [
      'a birth date before 1900',
      ['ppks', 'tambah', '--nama', 'X', '--jk', 'L', '--kategori', 'LUT', '--lahir', '31/12/1899'],
      /^Tanggal lahir "31\/12\/1899" tidak sah/,
    ],
  ])('refuses %s', async (_, args, message) => {
    await refused(db, args as string[], message as RegExp);
  });

  it('the founding is the profile SK date when it is known', async () => {
    const unit = await unitBaru();
    await ok(unit, ['profil', 'ubah', '--tanggal-sk', '15/03/2024']);
    await refused(
      unit,
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--tanggal', '14/03/2024'],
      /sebelum unit berdiri \(15 Mar 2024\)/,
    );
    await ok(unit, ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--tanggal', '15/03/2024']);
  });

  it('at a terminal, a date out of range is refused as it is typed, and asked again', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { captureIo } = await import('../helpers.js');
    const { io } = captureIo();
    const tanggal = ['01/01/1900', '05/10/2026'];
    const ditolak: string[] = [];
    // like @inquirer/prompts: an answer its validate refuses is shown why and asked again
    const prompter = {
      input: async (o: { message: string; default?: string; validate?: (v: string) => Promise<true | string> }) => {
        for (;;) {
          const v = /tanggal/i.test(o.message) ? tanggal.shift()! : (o.default ?? '');
          const ok = o.validate ? await o.validate(v) : true;
          if (ok === true) return v;
          ditolak.push(ok);
        }
      },
      select: async (o: { default?: unknown; choices: { value: unknown }[] }) => o.default ?? o.choices[0]!.value,
      checkbox: async () => [],
      confirm: async () => true,
    };
    const unit = await unitBaru();
    const argv = ['node', 'wksbm', '--db', unit, 'kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur'];
    const code = await main(argv, { prompter: prompter as any, interactive: true, io });
    expect(code).toBe(0);
    expect(ditolak).toEqual([
      'tanggal "1 Jan 1900" tidak sah: sebelum unit berdiri (1 Jan 2000); periksa tahunnya atau isi tanggal SK di ' +
        'profil.',
    ]);
    expect(sqlite(unit).prepare('SELECT tanggal FROM kas').all()).toEqual([{ tanggal: '2026-10-05' }]);
  });

  it('an imported cash row dated 1900 is refused like a typed one', async () => {
    const unit = await unitBaru();
    const f = path.join(tmpDir(), 'kas.csv');
    (await import('node:fs')).writeFileSync(
      f,
      'tanggal;arah;jumlah;sumber;uraian\n01/01/1900;masuk;1000;donatur;lama\n05/10/2026;masuk;2000;donatur;baru\n',
    );
    const r = await wksbm(unit, ['impor', 'kas', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const kas = sqlite(unit).prepare('SELECT tanggal FROM kas').all();
    expect(kas).toEqual([{ tanggal: '2026-10-05' }]);
    expect(r.stdout).toMatch(/sebelum unit berdiri/);
  });
});

describe('references are an ID, a NIK, a phone or a name: never a number made by stripping a sign', () => {
  it('salur --ppks -2 pays nobody', async () => {
    await refused(
      db,
      ['salur', '--ppks', '-2', '--layanan', 'jaminan', '--jumlah', '1000'],
      /^PPKS "-2" tidak sah: tulis ID \(angka saja\)/,
    );
    await refused(db, ['salur', '--ppks', '+2', '--layanan', 'jaminan', '--jumlah', '1000'], /PPKS "\+2" tidak sah/);
    await refused(
      db,
      ['salur', '--ppks', '2.', '--layanan', 'jaminan', '--jumlah', '1000'],
      /PPKS "2\." tidak ditemukan/,
    );
  });

  it('a receipt naming donor -1 is refused', async () => {
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--donatur', '-1'],
      /donatur "-1" tidak sah/,
    );
  });

  it('ubah and tampil take digits only; an ID of a cash-book activity is digits too', async () => {
    await refused(db, ['ppks', 'ubah', '-1', '--nama', 'X'], /^ppks dengan ID "-1" tidak ada/);
    await refused(db, ['donatur', 'tampil', '+1'], /^donatur dengan ID "\+1" tidak ada/);
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '1000', '--jenis', 'operasional', '--kegiatan', '-1'],
      /^kegiatan "-1" tidak sah/,
    );
  });
});

describe('a NIK is 16 digits that can be real', () => {
  const tambah = (nik: string) => ['ppks', 'tambah', '--nik', nik, '--nama', 'X', '--jk', 'L', '--kategori', 'LUT'];
  it.each([
    [
      'all zeros',
      '0000000000000000',
      /^NIK "0000000000000000" tidak sah: dua angka pertama \(00\) bukan kode provinsi\.$/m,
    ],
    ['serial 0000', '3402081203700000', /nomor urut\) tidak pernah 0000/],
    ['province 20', '2002081203700001', /\(20\) bukan kode provinsi/],
    ['day 32', '3402083203700001', /\(323207\)|\(320370\)|bukan tanggal lahir/],
    ['month 13', '3402081213700001', /bukan tanggal lahir/],
    ['30 February', '3402083002700001', /bukan tanggal lahir/],
    ['day 00 (women: 40)', '3402084001700001', /bukan tanggal lahir/],
  ])('refuses %s', async (_, nik, message) => {
    await refused(db, tambah(nik), message);
  });

  it('accepts the new Papua provinces and a woman born on 29 February', async () => {
    const unit = await unitBaru();
    await ok(unit, tambah('9701016902000001'));
    await ok(unit, ['ppks', 'tambah', '--nik', '9501010101990002', '--nama', 'Y', '--jk', 'L', '--kategori', 'LUT']);
  });

  it('a KK number needs a province and a serial, not a birth date', async () => {
    await refused(
      db,
      ['ppks', 'ubah', '1', '--kk', '3402080000000000'],
      /^No\. KK "3402080000000000" tidak sah: empat angka terakhir/,
    );
  });
});

describe('an XLSX NIK typed as a number has lost its last digit', () => {
  it('refuses the row, says Excel dropped the digit and to format the column as Text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PPKS');
    ws.addRow(['NIK', 'Nama', 'JK', 'Kategori']);
    ws.addRow([3402084107650010, 'Sarinah', 'P', 'LUT']);
    ws.addRow(['3402081203700009', 'Paijo', 'L', 'LUT']);
    const f = path.join(tmpDir(), 'ppks.xlsx');
    await wb.xlsx.writeFile(f);
    const unit = await unitBaru();
    const r = await wksbm(unit, ['impor', 'ppks', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /tersimpan sebagai angka di Excel, sehingga angka terakhirnya hilang; format kolom itu sebagai Teks/,
    );
    const rows = sqlite(unit).prepare('SELECT nik, nama FROM ppks').all();
    expect(rows).toEqual([{ nik: '3402081203700009', nama: 'Paijo' }]);
  });
});

describe('text carries no control characters; messages never echo them raw', () => {
  const ESC = '\u001b';
  it.each([
    [
      'clear screen in an uraian',
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'donatur', '--uraian', `Infak${ESC}[2J${ESC}[H`],
      /^uraian "Infak\\x1b\[2J\\x1b\[H" tidak sah: berisi karakter kendali/,
    ],
    [
      'a window title in a name',
      ['donatur', 'tambah', '--nama', `${ESC}]0;pwned\u0007Budi`],
      /^Nama "\\x1b\]0;pwned\\x07Budi" tidak sah/,
    ],
    ['a newline in a one-line field', ['donatur', 'tambah', '--nama', 'Budi\nSantoso'], /Budi\\nSantoso.*satu baris/],
    ['C1 CSI in an agenda', ['rapat', 'catat', '--tanggal', '2026-11-01', '--agenda', 'Rapat\u009b2J'], /\\x9b2J/],
    [
      'a bell in a meeting guest',
      ['rapat', 'catat', '--tanggal', '2026-11-01', '--agenda', 'R', '--tamu', 'Bu\u0007Endang'],
      /^tamu "Bu\\x07Endang" tidak sah/,
    ],
    ['DEL in an amount', ['kas', 'masuk', '--jumlah', '1000\u007f', '--sumber', 'donatur'], /\\x7f/],
    ['ESC in a choice', ['kas', 'masuk', '--jumlah', '1000', '--sumber', `donatur${ESC}[31m`], /\\x1b\[31m/],
  ])('refuses %s', async (_, args, message) => {
    await refused(db, args as string[], message as RegExp);
  });

  it('a long field keeps its tabs and line breaks', async () => {
    const unit = await unitBaru();
    await ok(unit, [
      'rapat',
      'catat',
      '--tanggal',
      '2026-11-01',
      '--agenda',
      'Satu\nDua\tTiga',
      '--keputusan',
      'A\r\nB',
    ]);
    expect(sqlite(unit).prepare('SELECT agenda, keputusan FROM rapat').get()).toEqual({
      agenda: 'Satu\nDua\tTiga',
      keputusan: 'A\r\nB',
    });
  });
});

describe('constraints are said in Indonesian', () => {
  it('inventaris --jumlah 0 is refused by the field, not by SQLite', async () => {
    await refused(
      db,
      ['inventaris', 'tambah', '--nama', 'Kursi', '--jumlah', '0'],
      /^Jumlah "0" tidak sah: harus lebih dari 0\.$/m,
    );
  });

  it('a constraint no rule caught names the book and column, never SQLite', () => {
    expect(tempatKendala('NOT NULL constraint failed: inventaris.nama')).toEqual(['inventaris', 'nama']);
    expect(tempatKendala('CHECK constraint failed: jumlah > 0')).toEqual(['ini', 'jumlah']);
    const galat = Object.assign(new Error('CHECK constraint failed: nilai >= 0'), { code: 'SQLITE_CONSTRAINT_CHECK' });
    const m = (kendalaKeUserError(galat) as Error).message;
    expect(m).toBe('Isian nilai di buku ini ditolak oleh aturan buku; periksa nilainya. Tidak ada yang dicatat.');
  });
});
