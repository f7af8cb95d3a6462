// The rows already in a register, read for the duplicate check in batches of 1,024: every row once, in id order,
// as an object of the columns asked for.
import { describe, expect, it } from 'vitest';
import { iterateRegister } from '../../src/db/impor-repo.js';
import { bukaSqlite } from '../../src/db/sqlite.js';

describe('iterateRegister', () => {
  it('reads past each batch: every row once, in id order, the smallest rowid SQLite holds too', () => {
    const s = bukaSqlite(':memory:');
    s.exec('CREATE TABLE donatur (id INTEGER PRIMARY KEY, nama TEXT, hp TEXT, alamat TEXT)');
    const tambah = s.prepare('INSERT INTO donatur (id, nama, hp) VALUES (?, ?, ?)');
    for (let i = 1; i <= 2500; i++) tambah.run(i, `Donatur ${i}`, i % 2 ? `0812${i}` : null);
    tambah.run(-(2n ** 63n), 'Paling awal', null);
    const semua = [...iterateRegister(s, 'donatur', ['nama', 'hp'])];
    expect(semua).toHaveLength(2501);
    expect(semua[0]).toMatchObject({ nama: 'Paling awal', hp: null });
    expect(semua.slice(1).map((r) => r.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
    expect(semua[1024]).toEqual({ id: 1024, nama: 'Donatur 1024', hp: null });
    expect(semua[1025]).toEqual({ id: 1025, nama: 'Donatur 1025', hp: '08121025' });
  });
});
