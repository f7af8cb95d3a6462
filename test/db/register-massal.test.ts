// A register's bulk inserter: its row-refusing triggers are set aside during a large insert and asked once of
// every row added before commit, so a row the trigger refuses still fails the import with the trigger's message.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/db/connection.js';
import { penerimaLot, registerInserter, susunanRegister } from '../../src/db/register-massal.js';
import { isiLot } from '../../src/domain/jurnal.js';
import { tmpDir } from '../helpers.js';

const KOLOM = ['nama', 'terdaftar', 'dibuat'];
const pemicu = (s: any) =>
  s.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'donatur' ORDER BY name").all();

async function sisip(n: number, salahDi: number | undefined) {
  const l = await openLedger(path.join(tmpDir(), 'u.sqlite'), { create: true });
  const s = l.sqlite;
  const semula = pemicu(s);
  s.exec('BEGIN IMMEDIATE');
  let tengah: unknown[] = [];
  const ins = registerInserter(s, 'donatur', KOLOM, { tundaIndeks: false });
  let galat: unknown;
  try {
    for (let i = 1; i <= n; i++) {
      ins.tulis([`Donatur ${i}`, i === salahDi ? 'kemarin' : '2026-11-22', '2026-11-22T03:00:00.000Z']);
      if (i === n - 1) tengah = pemicu(s);
    }
    ins.akhiri();
  } catch (e) {
    galat = e;
  }
  const akhir = pemicu(s);
  s.exec('ROLLBACK');
  await l.close();
  return { semula, tengah, akhir, galat: galat as (Error & { code?: string }) | undefined };
}

describe('registerInserter and the register triggers', () => {
  it('a large insert sets the date trigger aside and makes it again from its own text', async () => {
    const r = await sisip(2_000, undefined);
    expect(r.tengah.map((p: any) => p.name)).toEqual(['donatur_terdaftar_ubah']);
    expect(r.akhir).toEqual(r.semula);
    expect(r.galat).toBeUndefined();
  });

  it('a row the trigger would refuse still fails the insert, with the trigger message', async () => {
    const r = await sisip(2_000, 1_500);
    expect(r.tengah.map((p: any) => p.name)).toEqual(['donatur_terdaftar_ubah']);
    expect(r.galat?.message).toBe('tanggal terdata wajib diisi (YYYY-MM-DD)');
    expect(r.galat?.code).toBe('SQLITE_CONSTRAINT_TRIGGER');
  });

  it('a small insert keeps the trigger row by row', async () => {
    const r = await sisip(100, 50);
    expect(r.galat?.message).toBe('tanggal terdata wajib diisi (YYYY-MM-DD)');
    expect(r.akhir).toEqual(r.semula);
  });

  it('a value the same in every row (tetap) is stored and journalled as given, a quote in it too', async () => {
    const l = await openLedger(path.join(tmpDir(), 'u.sqlite'), { create: true });
    const s = l.sqlite;
    s.exec('BEGIN IMMEDIATE');
    const tetap = { impor_id: 7, dibuat: "2026-11-22T03:00:00.000Z'; --", email: null };
    const ins = registerInserter(s, 'donatur', ['nama', 'terdaftar'], { tundaIndeks: false, tetap });
    for (let i = 1; i <= 40; i++) ins.tulis([`Donatur ${i}`, '2026-11-22']);
    ins.akhiri();
    s.exec('COMMIT');
    const rows = s.prepare('SELECT nama, jenis, impor_id, dibuat, email FROM donatur ORDER BY id').all() as any[];
    expect(rows).toHaveLength(40);
    expect(rows[39]).toEqual({
      nama: 'Donatur 40',
      jenis: 'perorangan',
      impor_id: 7,
      dibuat: tetap.dibuat,
      email: null,
    });
    const lot = s.prepare("SELECT isi FROM jurnal WHERE aksi = 'lot'").pluck().get() as string;
    const { kolom, nilai } = JSON.parse(lot);
    expect(nilai[39 * kolom.length + kolom.indexOf('dibuat')]).toBe(tetap.dibuat);
    expect(nilai[39 * kolom.length + kolom.indexOf('impor_id')]).toBe(7);
    await l.close();
  });

  it('lots made on the reading side: rows sent ahead are skipped, ids must follow on', async () => {
    const l = await openLedger(path.join(tmpDir(), 'u.sqlite'), { create: true });
    const s = l.sqlite;
    s.exec('BEGIN IMMEDIATE');
    const tetap = { impor_id: 3, dibuat: '2026-11-22T03:00:00.000Z' };
    const susunan = susunanRegister(s, 'donatur', ['nama', 'terdaftar'], tetap);
    const penerima = penerimaLot(s, 'donatur', ['nama', 'terdaftar'], tetap);
    const lot: unknown[] = [];
    for (let i = 0; i < 3; i++) susunan.susun([`Donatur ${i}`, '2026-11-22'], 0, lot, lot.length);
    penerima.terima(isiLot(susunan.kolom, lot.slice(0, susunan.kolom.length)), 0, false);
    penerima.terima(isiLot(susunan.kolom, lot), 1, true);
    penerima.akhiri();
    expect(s.prepare('SELECT id, nama FROM donatur ORDER BY id').all()).toEqual([
      { id: 1, nama: 'Donatur 0' },
      { id: 2, nama: 'Donatur 1' },
      { id: 3, nama: 'Donatur 2' },
    ]);
    expect(s.prepare("SELECT isi FROM jurnal WHERE aksi = 'lot'").pluck().all()).toEqual([isiLot(susunan.kolom, lot)]);
    // a lot numbered from another id (another view of the table) fails: nothing wrong is inserted
    const lain = susunanRegister(s, 'donatur', ['nama', 'terdaftar'], tetap);
    const salah: unknown[] = [];
    lain.susun(['X', '2026-11-22'], 0, salah, 0);
    salah[susunan.kolom.indexOf('id')] = 9;
    expect(() => penerima.terima(isiLot(susunan.kolom, salah), 0, true)).toThrow('nomor baris donatur tidak berurutan');
    s.exec('ROLLBACK');
    await l.close();
  });
});
