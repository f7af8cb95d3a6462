// periksa reads a million-row book fast: the chains from SQLite's JSON text, SQLite's checks and the day
// totals on a second connection (a worker thread in the built program), quick_check unless --lengkap.
// The built binary (worker) and the in-process run (one thread) must give the same findings.
import { describe, expect, it } from 'vitest';
import { sqlite, unitBaru, wksbm, wksbmBin } from '../helpers.js';

async function isi(db: string) {
  for (const args of [
    // text SQLite and JSON.stringify must write alike: quotes, backslash, slash, non-ASCII (control characters
    // are refused at input; a row SQLite writes otherwise is decided by its values)
    ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01', '--uraian', 'a"b\\c/é😀'],
    ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-02'],
    ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-03'],
    ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-04'],
    ['kas', 'keluar', '--jumlah', '10000', '--jenis', 'operasional', '--tanggal', '2026-08-04'],
  ])
    expect((await wksbm(db, args)).code).toBe(0);
}

const jenis = (r: { json(): { temuan: { jenis: string }[] } }) => r.json().temuan.map((t) => t.jenis);

describe('periksa, fast read', () => {
  it('the worker and the in-process run find the same: amount, voucher number, day total, trigger', async () => {
    const db = await unitBaru();
    await isi(db);
    expect(wksbmBin(db, ['periksa', '--json']).json()).toEqual({ ok: true, temuan: [] });
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 4500 WHERE nomor = ?').run('001/BKK/VII/2026');
    s.prepare('UPDATE kas SET urut = 7 WHERE nomor = ?').run('003/BKK/VIII/2026');
    s.prepare("UPDATE saldo_harian SET gerak = gerak + 1, saldo = saldo + 1 WHERE tanggal = '2026-07-02'").run();
    s.close();
    const bin = wksbmBin(db, ['periksa', '--json']);
    const sini = await wksbm(db, ['periksa', '--json']);
    expect(bin.code).toBe(1);
    expect(bin.json()).toEqual(sini.json());
    expect(bin.json().temuan.map((t: { pesan: string }) => t.pesan)).toEqual(
      expect.arrayContaining([
        'Isi entri kas 001/BKK/VII/2026 (id 3) diubah di luar wksbm: hash-nya tidak cocok lagi.',
        'Nomor bukti 003/BKK/VIII/2026 tidak sesuai dengan urutan dan tanggalnya (seharusnya 007/BKK/VIII/2026).',
        'Nomor BKK tahun 2026 melompat: urutan 3, 4, 5, 6 tidak ada.',
      ]),
    );
    expect(jenis(bin)).toEqual(expect.arrayContaining(['saldo_harian', 'pemicu']));
  });

  it('a BLOB put into a chained column is a broken hash, not a crash', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET uraian = ? WHERE id = 2').run(Buffer.from('x'));
    s.close();
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(1);
    expect(r.json().temuan[0]).toEqual({
      jenis: 'rantai_hash',
      id: 2,
      pesan: 'Isi entri kas 002/BKM/VII/2026 (id 2) diubah di luar wksbm: hash-nya tidak cocok lagi.',
    });
  });

  it('a CHECK constraint broken outside the tool is damage, in the worker too', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.pragma('ignore_check_constraints = ON');
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 0 WHERE id = 3').run();
    s.close();
    for (const r of [wksbmBin(db, ['periksa', '--json']), await wksbm(db, ['periksa', '--json'])]) {
      expect(r.code).toBe(1);
      expect(r.json().temuan[0].pesan).toBe('SQLite melaporkan kerusakan: CHECK constraint failed in kas');
      expect(jenis(r)).toEqual(['integritas', 'integritas']);
    }
  });

  it('--lengkap runs the full integrity_check: an index whose entries no longer match their rows', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.unsafeMode(true);
    s.pragma('writable_schema = ON');
    // the index is declared on other columns without being rebuilt: as many entries, none of them right
    s.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(
      'CREATE INDEX kas_pos ON kas (jumlah, arah, sumber, jenis, layanan, tanggal, donatur_id)',
      'kas_pos',
    );
    s.close();
    // quick_check reads every page and counts every index's entries, but does not look each row up
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
    const r = await wksbm(db, ['periksa', '--lengkap', '--json']);
    expect(r.code).toBe(1);
    expect(r.json().temuan).toContainEqual({
      jenis: 'integritas',
      pesan: 'SQLite melaporkan kerusakan: row 1 missing from index kas_pos',
    });
    expect((await wksbm(db, ['periksa', '--help'])).stdout).toContain('--lengkap');
  });
});
