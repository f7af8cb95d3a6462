// An output path the system refuses is named in Indonesian, exit 2, with nothing of Node's English text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { terjemahkanGalatBerkas } from '../../src/cli/galat-sistem.js';
import {
  diskPenuhPada,
  ok,
  PROFIL_DEMO,
  refused,
  selama,
  snapshot,
  sqliteMenolakPada,
  tmpDir,
  unitBaru,
  wksbm,
} from '../helpers.js';

let db: string;
beforeAll(async () => {
  db = await unitBaru();
  await ok(db, ['kas', 'masuk', '--jumlah', '10.000', '--sumber', 'jimpitan', '--tanggal', '2026-07-01']);
});

/**
 * Node's answer when the disk fills, as it gives it for a descriptor (no path), at every write into a file whose
 * name matches `nama` (the workbook's own scratch `….tmp`, or a streamed list's `….tmp-2`).
 */
const diskPenuhDi = (nama: RegExp) => {
  const buka = fs.openSync;
  const tulis = fs.writeSync;
  const jalur = new Map<number, string>();
  const o = vi.spyOn(fs, 'openSync').mockImplementation(((...a: Parameters<typeof fs.openSync>) => {
    const fd = buka(...a);
    jalur.set(fd, String(a[0]));
    return fd;
  }) as typeof fs.openSync);
  const w = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
    if (nama.test(jalur.get(fd) ?? ''))
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (tulis as (...x: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync);
  return [o, w];
};

/**
 * A full disk under writeFileSync for a file whose name matches `nama`: part of the text is written, then Node's error,
 * which for the write on the file's descriptor names no file.
 */
const teksPenuhDi = (nama: RegExp) => {
  const tulis = fs.writeFileSync;
  return vi.spyOn(fs, 'writeFileSync').mockImplementation(((f: fs.PathOrFileDescriptor, isi: unknown, ...o: []) => {
    if (!nama.test(String(f))) return tulis(f, isi as string, ...o);
    tulis(f, String(isi).slice(0, 100));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }) as typeof fs.writeFileSync);
};

/** A full disk under the write stream exceljs saves a workbook through (its error, as Node's, names no file) */
const aliranPenuhDi = (nama: RegExp) => {
  const buat = fs.createWriteStream;
  return vi.spyOn(fs, 'createWriteStream').mockImplementation(((f: fs.PathLike, o?: never) => {
    const w = buat(f, o);
    if (nama.test(String(f)))
      w._write = (_isi, _enc, selesai) =>
        selesai(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    return w;
  }) as typeof fs.createWriteStream);
};

/** A cash file with one good row and one refused (an unknown source), in a folder of its own. */
const csvSalah = () => {
  const f = path.join(tmpDir(), 'kas.csv');
  const baris = [
    'Tanggal,Uraian,Sumber/Jenis,Masuk,Keluar',
    '2026-07-02,Baik,jimpitan,"5.000",',
    '2026-07-03,Salah,x,"1",',
  ];
  fs.writeFileSync(f, `${baris.join('\n')}\n`);
  return f;
};

/** SQLite cannot open the book (SQLITE_CANTOPEN at its first pragma, which better-sqlite3 prepares natively) */
const tidakTerbuka = () => {
  const pragma = Database.prototype.pragma;
  return vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, teks, opsi) {
    if (teks.startsWith('busy_timeout'))
      throw new Database.SqliteError('unable to open database file', 'SQLITE_CANTOPEN');
    return pragma.call(this, teks, opsi);
  });
};

/** SQLite's backup (cadangkan, pulihkan) writes part of the copy, then meets a full disk */
const salinanTerpotong = () =>
  vi.spyOn(Database.prototype, 'backup').mockImplementation(async (tujuan: string) => {
    fs.writeFileSync(tujuan, Buffer.alloc(8192, 1));
    throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  });

const hilang = () => path.join(os.tmpdir(), `wksbm-tidak-ada-${process.pid}`, 'x.xlsx');

describe('an output the system refuses', () => {
  it('a workbook into a folder that does not exist', async () => {
    const r = await refused(
      db,
      ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', hilang()],
      /folder/,
    );
    expect(r.stderr).toContain(`"${hilang()}"`);
    expect(r.stderr).not.toMatch(/ENOENT|no such file|\.tmp/);
  });

  it('a printed book onto a folder, with --json', async () => {
    const r = await wksbm(db, ['--json', 'cetak', 'kas', '-o', os.tmpdir()]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).galat.pesan).toMatch(/adalah folder, bukan berkas/);
    expect(r.stderr).not.toMatch(/EISDIR|illegal operation/);
  });

  it('no permission and a full disk: each its sentence, a full disk exit 1', () => {
    const galat = (code: string) => Object.assign(new Error(`${code}: english`), { code, path: '/a/b.xlsx.77.tmp-2' });
    expect(terjemahkanGalatBerkas(galat('EACCES'))).toEqual({
      kode: 2,
      pesan: expect.stringMatching(/^Berkas "\/a\/b\.xlsx" tidak bisa ditulis: tidak ada izin .* folder "\/a"/),
    });
    expect(terjemahkanGalatBerkas(galat('ENOSPC'))).toMatchObject({ kode: 1, pesan: expect.stringMatching(/disk/) });
    expect(terjemahkanGalatBerkas(new Error('lain'))).toBeUndefined();
    expect(fs.existsSync(path.dirname(hilang()))).toBe(false);
  });

  it('the book itself on a full disk: one sentence, exit 1, nothing posted, with --json too', async () => {
    const sebelum = snapshot(db);
    const masuk = ['kas', 'masuk', '--jumlah', '5.000', '--sumber', 'jimpitan', '--tanggal', '2026-07-02'];
    const [teks, json] = await selama(
      diskPenuhPada('insert into "kas"'),
      async () => [await wksbm(db, masuk), await wksbm(db, [...masuk, '--json'])] as const,
    );
    const kalimat = /^Buku ".*unit\.sqlite" tidak bisa ditulis: ruang disk habis\. Tidak ada yang berubah; kosongkan /;
    expect(teks.code).toBe(1);
    expect(teks.stderr.trim()).toMatch(kalimat);
    expect(json.code).toBe(1);
    expect(json.json().galat).toMatchObject({ kode: 1, pesan: expect.stringMatching(kalimat) });
    for (const r of [teks, json]) expect(r.stdout + r.stderr).not.toMatch(/SQLITE|database|disk is full/);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('the book on a read-only medium: that sentence, exit 2, not "damaged", with --json too', async () => {
    const sebelum = snapshot(db);
    // what SQLite answers when it cannot make the -shm beside a book on a write-protected stick
    const spy = tidakTerbuka();
    const akses = fs.accessSync;
    const folder = path.dirname(path.resolve(db));
    const tulis = vi.spyOn(fs, 'accessSync').mockImplementation((p, mode) => {
      if (p === folder && mode === fs.constants.W_OK) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      return akses(p, mode);
    });
    const [teks, json] = await selama(
      [spy, tulis],
      async () =>
        [
          await wksbm(db, ['kas', 'saldo']),
          await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '5.000', '--sumber', 'jimpitan']),
        ] as const,
    );
    const kalimat = new RegExp(
      '^Buku ".*unit\\.sqlite" tidak bisa dibuka: wksbm perlu menulis di folder ".*" .*hanya-baca atau tanpa izin ' +
        'menulis\\. Isi buku tidak',
    );
    expect(teks.code).toBe(2);
    expect(teks.stderr.trim()).toMatch(kalimat);
    expect(json.code).toBe(2);
    expect(json.json().galat).toMatchObject({ kode: 2, pesan: expect.stringMatching(kalimat) });
    for (const r of [teks, json]) expect(r.stdout + r.stderr).not.toMatch(/SQLITE|unable|rusak|bukan buku/);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('a -shm beside the book that may not be written (left by sudo) is said the same way', async () => {
    const shm = `${db}-shm`;
    fs.writeFileSync(shm, '');
    const akses = fs.accessSync;
    const tulis = vi.spyOn(fs, 'accessSync').mockImplementation((p, mode) => {
      if (p === shm && mode === fs.constants.W_OK) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return akses(p, mode);
    });
    try {
      const r = await selama([tidakTerbuka(), tulis], () => wksbm(db, ['kas', 'saldo']));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/tidak bisa dibuka: wksbm perlu menulis di folder .*-wal dan -shm/);
    } finally {
      fs.rmSync(shm, { force: true });
    }
  });

  it('the same refusal on a folder that may be written stays "not a WKSBM book or damaged"', async () => {
    const r = await selama(tidakTerbuka(), () => wksbm(db, ['kas', 'saldo']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bukan buku WKSBM atau rusak/);
  });

  it("a book another command holds while this one writes: the sentence to try again, not SQLite's", async () => {
    const r = await selama(sqliteMenolakPada('insert into "kas"', 'SQLITE_BUSY', 'database is locked'), () =>
      wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '5.000', '--sumber', 'jimpitan']),
    );
    expect(r.code).toBe(1);
    expect(r.json().galat.pesan).toMatch(/sedang dipakai perintah lain/);
    expect(r.stdout + r.stderr).not.toMatch(/SQLITE|locked/);
  });

  it('the disk failing under the book (a stick pulled out): run periksa, try again; exit 1', async () => {
    const sebelum = snapshot(db);
    const masuk = ['kas', 'masuk', '--jumlah', '5.000', '--sumber', 'jimpitan', '--tanggal', '2026-07-03'];
    const [teks, json] = await selama(
      sqliteMenolakPada('insert into "kas"', 'SQLITE_IOERR_WRITE', 'disk I/O error'),
      async () => [await wksbm(db, masuk), await wksbm(db, ['--json', ...masuk])] as const,
    );
    const kalimat =
      /^Buku ".*unit\.sqlite" gagal dibaca atau ditulis oleh disk .*jalankan "wksbm periksa", lalu ulangi/;
    expect(teks.code).toBe(1);
    expect(teks.stderr.trim()).toMatch(kalimat);
    expect(json.json().galat).toMatchObject({ kode: 1, pesan: expect.stringMatching(kalimat) });
    for (const r of [teks, json]) expect(r.stdout + r.stderr).not.toMatch(/SQLITE|I\/O|Terjadi kesalahan/);
    expect(snapshot(db)).toBe(sebelum);
  });

  describe('a disk that fills while a workbook is written: the workbook named, nothing left beside it', () => {
    // 20 entries in the quarter: a list streams from 16 rows on (WKSBM_BATAS_ALIR=0 lowers the rest of the bound)
    let panjang: string;
    beforeAll(async () => {
      panjang = await unitBaru();
      const csv = path.join(path.dirname(panjang), 'kas.csv');
      const baris = Array.from(
        { length: 20 },
        (_, i) => `2026-07-${String(i + 1).padStart(2, '0')},Jimpitan ${i},jimpitan,"${1000 + i}",`,
      );
      fs.writeFileSync(csv, ['Tanggal,Uraian,Sumber/Jenis,Masuk,Keluar', ...baris].join('\n'));
      await ok(panjang, ['kas', 'impor', csv]);
    });
    const kasus: [string, string[], RegExp, Record<string, string>][] = [
      ['the printed cash book, in its streamed sheet', ['cetak', 'kas', '-o', 'KELUAR'], /\.tmp$/, {}],
      [
        "the report's streamed cash book, in its scratch file",
        ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', 'KELUAR'],
        /\.tmp-\d+$/,
        { WKSBM_BATAS_ALIR: '0' },
      ],
      [
        'the report, in the workbook itself',
        ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', 'KELUAR'],
        /\.tmp$/,
        { WKSBM_BATAS_ALIR: '0' },
      ],
    ];
    it.each(kasus)('%s', async (_nama, args, nama, env) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-penuh-'));
      const keluar = path.join(dir, 'x.xlsx');
      const r = await selama(diskPenuhDi(nama), () =>
        wksbm(
          panjang,
          args.map((a) => (a === 'KELUAR' ? keluar : a)),
          { env },
        ),
      );
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `Berkas "${keluar}" tidak bisa ditulis: ruang disk habis. Kosongkan sebagian disk lalu ulangi.`,
      );
      expect(r.stdout + r.stderr).not.toMatch(/ENOSPC|\.tmp/);
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  });

  describe('a file of the rows not imported (--ditolak) that cannot be written: named, and the import not kept', () => {
    let csv: string;
    beforeAll(() => {
      csv = path.join(tmpDir(), 'kas.csv');
      const baris = ['2026-07-02,Jimpitan,jimpitan,"5.000",', '2026-07-03,Salah,tidak_ada,"7.000",'];
      fs.writeFileSync(csv, ['Tanggal,Uraian,Sumber/Jenis,Masuk,Keluar', ...baris].join('\n'));
    });

    it.each(['tolak.csv', 'tolak.xlsx'])(
      'a full disk under %s, text and --json: exit 1, nothing imported',
      async (f) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-tolak-'));
        const tolak = path.join(dir, f);
        const sebelum = snapshot(db);
        const penuh = () => (f.endsWith('.csv') ? teksPenuhDi(/\.tmp$/) : aliranPenuhDi(/\.tmp$/));
        for (const json of [[], ['--json']]) {
          const r = await selama(penuh(), () => wksbm(db, [...json, 'kas', 'impor', csv, '--ditolak', tolak]));
          expect(r.code).toBe(1);
          const kalimat =
            `Berkas "${tolak}" tidak bisa ditulis: ruang disk habis. ` + 'Kosongkan sebagian disk lalu ulangi.';
          expect(json.length ? r.json().galat.pesan : r.stderr.trim()).toBe(kalimat);
          expect(r.stdout + r.stderr).not.toMatch(/ENOSPC|\.tmp|Impor #/);
          expect(fs.readdirSync(dir)).toEqual([]);
          expect(snapshot(db)).toBe(sebelum);
        }
      },
    );

    it('an earlier file of that name is kept whole until the import is in', async () => {
      const tolak = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-tolak-')), 'tolak.csv');
      fs.writeFileSync(tolak, 'yang lama');
      const r = await selama(teksPenuhDi(/\.tmp$/), () => wksbm(db, ['kas', 'impor', csv, '--ditolak', tolak]));
      expect(r.code).toBe(1);
      expect(fs.readFileSync(tolak, 'utf8')).toBe('yang lama');
      expect(fs.readdirSync(path.dirname(tolak))).toEqual(['tolak.csv']);
    });

    it('a folder named as the file: exit 2 before anything is imported', async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-tolak-'));
      const sebelum = snapshot(db);
      const r = await wksbm(db, ['kas', 'impor', csv, '--ditolak', folder]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`"${folder}" adalah folder, bukan berkas: tulis nama berkasnya.`);
      expect(snapshot(db)).toBe(sebelum);
      expect(fs.readdirSync(folder)).toEqual([]);
    });

    it('with room, the rows are imported and the file holds the refused one', async () => {
      const db2 = await unitBaru();
      const tolak = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-tolak-')), 'tolak.csv');
      fs.writeFileSync(tolak, 'yang lama');
      const r = await wksbm(db2, ['--json', 'kas', 'impor', csv, '--ditolak', tolak]);
      expect(r.code).toBe(0);
      expect(r.json()).toMatchObject({ ditambah: 1, ditolak: 1 });
      expect(fs.readFileSync(tolak, 'utf8')).toMatch(
        /^Tanggal,Uraian,Sumber\/Jenis,Masuk,Keluar,alasan\r?\n2026-07-03,Salah/,
      );
      expect(fs.statSync(tolak).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.dirname(tolak))).toEqual(['tolak.csv']);
    });
  });

  describe('an output never replaces a book, the files SQLite keeps beside one, or a file the command reads', () => {
    const kalimatBuku = (f: string) =>
      `"${f}" adalah buku (berkas SQLite): tidak ditimpa. Tulis nama lain untuk berkas keluarannya.`;
    let laporan: string;
    beforeAll(async () => {
      laporan = path.join(tmpDir(), 'laporan.xlsx');
      await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', laporan]);
    });
    const perintah: [string, (keluar: string) => string[]][] = [
      ['laporan -o', (k) => ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', k]],
      ['cetak kas -o', (k) => ['cetak', 'kas', '-o', k]],
      ['cetak donatur -o', (k) => ['cetak', 'donatur', '-o', k]],
      ['cetak pengumuman -o', (k) => ['cetak', 'pengumuman', '--triwulan', '2026-3', '-o', k]],
      ['kwitansi -o', (k) => ['kwitansi', '001/BKM/VII/2026', '-o', k]],
      ['rekap -o', (k) => ['rekap', laporan, '-o', k]],
      ['rekap --csv', (k) => ['rekap', laporan, '-o', path.join(tmpDir(), 'r.xlsx'), '--csv', k]],
      ['kas impor --ditolak', (k) => ['kas', 'impor', csvSalah(), '--ditolak', k]],
    ];
    it.each(perintah)('%s naming the book: exit 2, the book as it was', async (_n, args) => {
      const buku = fs.readFileSync(db);
      await refused(db, args(db), /adalah buku \(berkas SQLite\): tidak ditimpa/);
      expect(fs.readFileSync(db).equals(buku)).toBe(true);
    });

    it('another book, a link to this one, and the files beside a book are refused too', async () => {
      const lain = await unitBaru();
      const tautan = path.join(tmpDir(), 'tautan.xlsx');
      fs.symlinkSync(db, tautan);
      for (const k of [lain, tautan]) {
        const r = await refused(db, ['cetak', 'kas', '-o', k], /tidak ditimpa/);
        expect(r.stderr.trim()).toBe(kalimatBuku(k));
      }
      for (const akhir of ['-wal', '-shm', '-journal']) {
        const r = await refused(db, ['cetak', 'kas', '-o', `${lain}${akhir}`], /tidak ditimpa/);
        expect(r.stderr.trim()).toBe(
          `"${lain}${akhir}" adalah berkas pendamping buku "${lain}": tidak ditimpa. ` +
            'Tulis nama lain untuk berkas keluarannya.',
        );
      }
      expect(fs.existsSync(`${lain}-journal`)).toBe(false);
      await ok(lain, ['periksa']);
    });

    it('the file imported, the template, a workbook recapped, or the other output of rekap', async () => {
      const dir = tmpDir();
      const csv = csvSalah();
      const keras = path.join(dir, 'keras.csv');
      fs.linkSync(csv, keras);
      const templat = path.join(dir, 'templat.xlsx');
      fs.copyFileSync(laporan, templat);
      const rekap = path.join(dir, 'rekap.xlsx');
      const kasus = [
        ['kas', 'impor', csv, '--ditolak', csv],
        ['kas', 'impor', csv, '--ditolak', keras],
        ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '--templat', templat, '-o', templat],
        ['rekap', laporan, '-o', laporan],
        ['rekap', laporan, '-o', rekap, '--csv', rekap],
      ];
      const isi = [csv, templat, laporan].map((f) => fs.readFileSync(f));
      for (const args of kasus) {
        const r = await refused(db, args, /adalah berkas yang sudah dipakai perintah ini: tidak ditimpa/);
        expect(r.stderr).toContain(`"${args.at(-1)}"`);
      }
      expect([csv, templat, laporan].map((f) => fs.readFileSync(f))).toEqual(isi);
      expect(fs.existsSync(rekap)).toBe(false);
    });
  });

  it("rekap's CSV on a full disk: the CSV named, nothing cut short left", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-rekap-'));
    const laporan = path.join(dir, 'laporan.xlsx');
    await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', laporan]);
    const csv = path.join(dir, 'rekap.csv');
    const r = await selama(teksPenuhDi(/rekap\.csv/), () =>
      wksbm(db, ['rekap', laporan, '-o', path.join(dir, 'rekap.xlsx'), '--csv', csv]),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Berkas "${csv}" tidak bisa ditulis: ruang disk habis. Kosongkan sebagian disk lalu ulangi.`,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['laporan.xlsx', 'rekap.xlsx']);
  });

  it('a backup that does not fit: the backup named, the cut-short copy removed, the older backups kept', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-cadangan-'));
    await ok(db, ['cadangkan', '--ke', folder]);
    const lama = fs.readdirSync(folder);
    const r = await selama(salinanTerpotong(), () =>
      wksbm(db, ['--json', 'cadangkan', '--ke', folder, '--simpan', '1']),
    );
    expect(r.code).toBe(1);
    expect(r.json().galat.pesan).toMatch(
      /^Cadangan ".*wksbm-cadangan-.*\.sqlite" tidak bisa ditulis: ruang disk habis\. Salinan/,
    );
    expect(fs.readdirSync(folder)).toEqual(lama);
  });

  it('a restore that does not fit: the book as it was, no copy cut short beside it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wksbm-pulihkan-'));
    await ok(db, ['cadangkan', '--ke', folder]);
    const [cadangan] = fs.readdirSync(folder);
    const sebelum = snapshot(db);
    const isiFolder = fs.readdirSync(path.dirname(db)).sort();
    const r = await selama(salinanTerpotong(), () => wksbm(db, ['pulihkan', path.join(folder, cadangan!), '--yes']));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(
      /^Buku ".*unit\.sqlite" tidak bisa ditulis: ruang disk habis\. Tidak ada yang berubah/,
    );
    expect(fs.readdirSync(path.dirname(db)).sort()).toEqual(isiFolder);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('a new book on a full disk: it cannot be made, said so (not "to be upgraded"), and no file is left', async () => {
    const baru = path.join(tmpDir(), 'baru.sqlite');
    const r = await selama(diskPenuhPada('CREATE TABLE'), () => wksbm(baru, ['init', ...PROFIL_DEMO]));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^Buku baru ".*baru\.sqlite" tidak bisa dibuat: ruang disk habis\./);
    expect(r.stderr).not.toMatch(/diperbarui|SQLITE/);
    expect(fs.existsSync(baru)).toBe(false);
  });
});
