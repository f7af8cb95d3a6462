// A register's bulk inserter: its row-refusing triggers are set aside during a large insert and asked of the rows
// added as it goes and before commit, so a row the trigger refuses still fails the import with the trigger's message.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/db/connection.js';
import { registerInserter } from '../../src/db/register-massal.js';
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
  let gagalDi: number | undefined;
  try {
    for (let i = 1; i <= n; i++) {
      gagalDi = i;
      ins.tulis([`Donatur ${i}`, i === salahDi ? 'kemarin' : '2026-11-22', '2026-11-22T03:00:00.000Z']);
      if (i === n - 1) tengah = pemicu(s);
    }
    gagalDi = undefined;
    ins.akhiri();
  } catch (e) {
    galat = e;
  }
  const akhir = pemicu(s);
  s.exec('ROLLBACK');
  const sesudah = pemicu(s);
  await l.close();
  return { semula, tengah, akhir, sesudah, gagalDi, galat: galat as (Error & { code?: string }) | undefined };
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

  it('a refused row fails a long insert some thousand rows later, not at its end; rollback restores all', async () => {
    const r = await sisip(20_000, 1_500);
    expect(r.galat?.message).toBe('tanggal terdata wajib diisi (YYYY-MM-DD)');
    expect(r.gagalDi).toBeLessThan(10_000);
    expect(r.sesudah).toEqual(r.semula);
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
});
