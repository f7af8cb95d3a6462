// The declarations are the only place a register's fields are named: each must have its column and its flag.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kolomBuku } from '../../src/books/buku.js';
import { flagOf } from '../../src/books/field.js';
import { KEGIATAN, RAPAT, REGISTER } from '../../src/books/registers.js';
import { BUKU_REGISTER } from '../../src/commands/registers.js';
import { sqlite, unitBaru, wksbm } from '../helpers.js';

const SEMUA = [...REGISTER, KEGIATAN, RAPAT];

describe('register declarations', () => {
  let db: string;
  let s: Database.Database;
  beforeAll(async () => {
    db = await unitBaru();
    s = sqlite(db);
  });
  afterAll(() => s.close());
  const kolom = (tabel: string) =>
    (s.prepare(`PRAGMA table_info("${tabel}")`).all() as { name: string }[]).map((c) => c.name);

  it.each(SEMUA.map((b) => [b.nama, b] as const))(
    '%s: every declared field and rule-filled column is a column of its table',
    (_, buku) => {
      const ada = kolom(buku.tabel);
      expect(ada.length).toBeGreaterThan(0);
      for (const f of kolomBuku(buku)) expect(ada, `${buku.tabel}.${f.name}`).toContain(f.name);
    },
  );

  it.each(SEMUA.map((b) => [b.nama, b] as const))(
    '%s: list columns, search and filters name declared fields',
    (_, buku) => {
      const nama = [...kolomBuku(buku), ...(buku.hitung ?? [])].map((f) => f.name);
      for (const n of [...buku.kolomDaftar, ...buku.saring, ...buku.cari])
        expect(nama, `${buku.nama}: ${n}`).toContain(n);
      expect(new Set(buku.fields.map(flagOf)).size).toBe(buku.fields.length);
    },
  );

  it('every register book is a command', () => {
    for (const b of REGISTER) expect(Object.keys(BUKU_REGISTER)).toContain(b.nama);
  });

  it.each(
    Object.entries(BUKU_REGISTER).map(
      ([nama, { buku, kait }]) => [nama, buku, kait.cara?.[0]?.nama ?? buku.kataTambah] as const,
    ),
  )('%s: every field is a flag on its add and edit commands', async (nama, buku, kata) => {
    const tambah = (await wksbm(db, [nama, kata, '--help'])).stdout;
    const ubah = (await wksbm(db, [nama, 'ubah', '--help'])).stdout;
    for (const f of buku.fields) {
      if (nama === 'surat' && f.name === 'kepada') continue; // `surat masuk` has a sender, `surat keluar` an addressee
      expect(tambah, `${nama} ${kata} --${flagOf(f)}`).toContain(`--${flagOf(f)} `);
      expect(ubah, `${nama} ubah --${flagOf(f)}`).toContain(`--${flagOf(f)} `);
    }
  });

  it('rapat catat takes every minutes field as a flag', async () => {
    const help = (await wksbm(db, ['rapat', 'catat', '--help'])).stdout;
    for (const f of RAPAT.fields) expect(help).toContain(`--${flagOf(f)} `);
    expect(help).toContain('--hadir');
    expect(help).toContain('--tamu');
  });
});
