// The registration date (`--terdaftar`, "Tanggal terdata") decides in which quarter's report a PPKS,
// PSKS, donor or partner counts as terdata and baru — not the day it was typed in.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as m0001 from '../../src/db/migrations/0001-awal.js';
import * as m0002 from '../../src/db/migrations/0002-impor.js';
import { MIGRASI } from '../../src/db/migrations/index.js';
import { jalan } from '../fixtures/unit-contoh.js';
import { tmpDir, unitBaru, wksbm } from '../helpers.js';

const lut = (model: { ppks: { kode: string; l: number; p: number; jumlah: number; baru: number }[] }) =>
  model.ppks.find((k) => k.kode === 'LUT')!;
const laporan = async (db: string, triwulan: number) =>
  await jalan(db, 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', String(triwulan));

describe('tanggal terdata', () => {
  it('counts a PPKS in the quarter of its --terdaftar date, not the day it was entered', async () => {
    const db = await unitBaru();
    await jalan(
      db,
      'ppks',
      'tambah',
      '--nama',
      'Mbah Sastro',
      '--jk',
      'P',
      '--kategori',
      'LUT',
      '--dasar',
      'persetujuan',
      '--terdaftar',
      '15/08/2026',
    );
    await jalan(
      db,
      'ppks',
      'tambah',
      '--nama',
      'Mbah Darmo',
      '--jk',
      'L',
      '--kategori',
      'LUT',
      '--dasar',
      'persetujuan',
      '--terdaftar',
      '2026-10-01',
    );
    await jalan(
      db,
      'ppks',
      'tambah',
      '--nama',
      'Mbah Wiryo',
      '--jk',
      'L',
      '--kategori',
      'LUT',
      '--dasar',
      'persetujuan',
      '--terdaftar',
      '2026-06-30',
    );
    // Sastro new in Q3, Wiryo from Q2, Darmo not yet
    expect(lut(await laporan(db, 3))).toMatchObject({ l: 1, p: 1, jumlah: 2, baru: 1 });
    expect(lut(await laporan(db, 4))).toMatchObject({ l: 2, p: 1, jumlah: 3, baru: 1 }); // Darmo new in Q4
    expect(lut(await laporan(db, 2))).toMatchObject({ jumlah: 1, baru: 1 });
  });

  it('defaults to today (WIB, WKSBM_HARI_INI) and shows in daftar, tampil and --csv', async () => {
    const db = await unitBaru();
    const p = await jalan(
      db,
      'ppks',
      'tambah',
      '--nama',
      'Pak Karyo',
      '--jk',
      'L',
      '--kategori',
      'FM',
      '--dasar',
      'persetujuan',
    );
    expect(p.terdaftar).toBe('2026-11-22');
    expect((await jalan(db, 'donatur', 'tambah', '--nama', 'Bu Rini', '--jenis', 'perorangan')).terdaftar).toBe(
      '2026-11-22',
    );
    expect((await jalan(db, 'psks', 'tambah', '--nama', 'Bu Tini', '--kategori', 'PSM')).terdaftar).toBe('2026-11-22');
    expect((await jalan(db, 'jejaring', 'tambah', '--nama', 'Puskesmas', '--sejak', '2025-01-01')).terdaftar).toBe(
      '2026-11-22',
    );
    const q4 = await laporan(db, 4);
    expect(q4.ppks.find((k: { kode: string }) => k.kode === 'FM')).toMatchObject({ jumlah: 1, baru: 1 });
    expect(q4.donatur).toMatchObject({ jumlah: 1, baru: 1 });
    expect(q4.jejaring).toHaveLength(1);
    const q3 = await laporan(db, 3);
    expect(q3.ppks.find((k: { kode: string }) => k.kode === 'FM')).toMatchObject({ jumlah: 0, baru: 0 });
    expect(q3.donatur).toMatchObject({ jumlah: 0, baru: 0 });
    expect(q3.jejaring).toHaveLength(0);
    expect((await wksbm(db, ['ppks', 'daftar'])).stdout).toContain('22 Nov 2026');
    expect((await wksbm(db, ['ppks', 'tampil', String(p.id)])).stdout).toMatch(/Tanggal terdata\s*│?\s*22 Nov 2026/);
    expect((await wksbm(db, ['ppks', 'daftar', '--csv'])).stdout.split('\n')[0]).toContain('terdaftar');
  });

  it('ubah --terdaftar moves a record to another quarter keeps the change in the audit trail; not empty', async () => {
    const db = await unitBaru();
    const { id } = await jalan(
      db,
      'ppks',
      'tambah',
      '--nama',
      'Mbah Sastro',
      '--jk',
      'P',
      '--kategori',
      'LUT',
      '--dasar',
      'persetujuan',
    );
    expect(lut(await laporan(db, 3)).jumlah).toBe(0);
    expect((await jalan(db, 'ppks', 'ubah', String(id), '--terdaftar', '01/09/2026')).terdaftar).toBe('2026-09-01');
    expect(lut(await laporan(db, 3))).toMatchObject({ jumlah: 1, baru: 1 });
    expect((await jalan(db, 'ppks', 'tampil', String(id))).perubahan).toMatchObject([
      { kolom: 'terdaftar', lama: '2026-11-22', baru: '2026-09-01' },
    ]);
    const kosong = await wksbm(db, ['ppks', 'ubah', String(id), '--terdaftar', '']);
    expect(kosong.code).toBe(2);
    expect(kosong.stderr).toContain('Tanggal terdata');
    expect(
      (await wksbm(db, ['ppks', 'tambah', '--nama', 'X', '--jk', 'L', '--kategori', 'FM', '--terdaftar', '31/02/2026']))
        .code,
    ).toBe(2);
  });

  it('the file refuses a register row without a registration date', async () => {
    const db = await unitBaru();
    const s = new Database(db);
    try {
      expect(() =>
        s
          .prepare(
            "INSERT INTO donatur (nama, jenis, dibuat) VALUES ('Bu Rini', 'perorangan', '2026-11-22T00:00:00.000Z')",
          )
          .run(),
      ).toThrow(/tanggal terdata/);
      s.prepare(
        "INSERT INTO donatur (nama, jenis, dibuat, terdaftar) VALUES ('Bu Rini', 'perorangan', " +
          "'2026-11-22T00:00:00.000Z', '2026-07-01')",
      ).run();
      expect(() => s.prepare('UPDATE donatur SET terdaftar = NULL').run()).toThrow(/tanggal terdata/);
    } finally {
      s.close();
    }
  });
});

describe('tanggal terdata in imports', () => {
  it('comes from a "tgl daftar" column when the file has one (empty: today), else today', async () => {
    const db = await unitBaru();
    const dir = tmpDir();
    const ppks = path.join(dir, 'ppks.csv');
    fs.writeFileSync(
      ppks,
      [
        'Nama;L/P;Kategori;Tgl Daftar',
        'Mbah Sastro;P;LUT;15/08/2026',
        'Mbah Darmo;L;LUT;',
        'Pak Karyo;L;FM;31/13/2026',
      ].join('\n') + '\n',
    );
    const r = await wksbm(db, ['--json', 'impor', 'ppks', ppks]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ ditambah: 2, ditolak: 1 });
    expect(r.json().baris[0].alasan).toContain('Tanggal terdata');
    expect(
      (await jalan(db, 'ppks', 'daftar')).map((p: { nama: string; terdaftar: string }) => [p.nama, p.terdaftar]),
    ).toEqual([
      ['Mbah Sastro', '2026-08-15'],
      ['Mbah Darmo', '2026-11-22'],
    ]);
    expect(lut(await laporan(db, 3))).toMatchObject({ p: 1, l: 0, jumlah: 1, baru: 1 });

    const donatur = path.join(dir, 'donatur.csv');
    fs.writeFileSync(donatur, 'Nama;Jenis\nBu Rini;perorangan\n');
    expect((await wksbm(db, ['--json', 'impor', 'donatur', donatur])).json()).toMatchObject({ ditambah: 1 });
    expect((await jalan(db, 'donatur', 'daftar'))[0].terdaftar).toBe('2026-11-22');
  });
});

describe('migration 0003-terdaftar', () => {
  it('gives rows made before it the Jakarta day of their dibuat stamp', async () => {
    const db = path.join(tmpDir(), 'lama.sqlite');
    const sqlite = new Database(db);
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const m = new Migrator({
      db: k,
      provider: { getMigrations: async () => ({ '0001-awal': m0001, '0002-impor': m0002 }) },
      migrationTableName: 'migrasi',
      migrationLockTableName: 'migrasi_kunci',
    });
    expect((await m.migrateToLatest()).error).toBeUndefined();
    const ins = (tabel: string, kolom: string, nilai: string, dibuat: string) =>
      sqlite.prepare(`INSERT INTO ${tabel} (${kolom}, dibuat) VALUES (${nilai}, ?)`).run(dibuat);
    ins('ppks', 'nama, jk, kategori', "'Mbah Sastro', 'P', 'LUT'", '2026-09-30T16:59:59.000Z'); // 23.59 WIB, still Q3
    ins('ppks', 'nama, jk, kategori', "'Mbah Darmo', 'L', 'LUT'", '2026-09-30T17:00:00.000Z'); // 00.00 WIB on 1 Oct
    ins('psks', 'nama, jenis, kategori', "'Bu Tini', 'perorangan', 'PSM'", '2026-07-01T03:00:00.000Z');
    ins('donatur', 'nama, jenis', "'Bu Rini', 'perorangan'", '2026-06-30T18:00:00.000Z');
    ins('jejaring', 'nama, jenis', "'Puskesmas', 'instansi'", '2026-08-01T00:00:00.000Z');
    await k.destroy();
    expect(fs.existsSync(db)).toBe(true);

    // any command opens the file and migrates it
    const ppks = await jalan(db, 'ppks', 'daftar');
    expect(ppks.map((p: { nama: string; terdaftar: string }) => [p.nama, p.terdaftar])).toEqual([
      ['Mbah Sastro', '2026-09-30'],
      ['Mbah Darmo', '2026-10-01'],
    ]);
    expect((await jalan(db, 'psks', 'daftar'))[0].terdaftar).toBe('2026-07-01');
    expect((await jalan(db, 'donatur', 'daftar'))[0].terdaftar).toBe('2026-07-01');
    expect((await jalan(db, 'jejaring', 'daftar'))[0].terdaftar).toBe('2026-08-01');
    const s = new Database(db, { readonly: true });
    try {
      // every registered migration ran, 0003 among them (later ones too, whichever are registered)
      const ran = s.prepare('SELECT name FROM migrasi ORDER BY name').pluck().all();
      expect(ran).toEqual(Object.keys(MIGRASI).sort());
      expect(ran).toContain('0003-terdaftar');
    } finally {
      s.close();
    }
  });
});
