// periksa reads a million-row book fast: the chains from SQLite's JSON text, SQLite's checks and the day
// totals on a second connection (a worker thread in the built program), quick_check unless --lengkap.
// The built binary (worker) and the in-process run (one thread) must give the same findings.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KOLOM_RANTAI } from '../../src/ledger/hash.js';
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

  it('the worker names a reference pointing nowhere and a reversal that no longer mirrors, as in-process', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['kas', 'batal', '002/BKK/VII/2026', '--alasan', 'salah catat'])).code).toBe(0);
    const s = sqlite(db);
    s.pragma('foreign_keys = OFF');
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare("UPDATE kas SET jumlah = -15000 WHERE alasan_batal = 'salah catat'").run();
    s.prepare("INSERT INTO rapat_hadir (rapat_id, nama, tamu) VALUES (99, 'Hantu', 1)").run();
    s.close();
    const bin = wksbmBin(db, ['periksa', '--json']);
    expect(bin.json()).toEqual((await wksbm(db, ['periksa', '--json'])).json());
    const temuan = bin.json().temuan as { jenis: string; pesan: string }[];
    expect(temuan.filter((t) => t.jenis === 'kunci_asing' || t.jenis === 'pembatalan')).toEqual([
      { jenis: 'kunci_asing', pesan: 'Baris 1 di tabel rapat_hadir menunjuk ke rapat yang tidak ada.' },
      expect.objectContaining({
        jenis: 'pembatalan',
        pesan: expect.stringMatching(/^Pembatalan .* tidak mencerminkan/),
      }),
    ]);
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

  it('a CHECK broken outside the tool is named by table, row and rule, in the worker and in-process', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['donatur', 'tambah', '--nama', 'Bu Sri', '--hp', '081234567890'])).code).toBe(0);
    const s = sqlite(db);
    s.pragma('ignore_check_constraints = ON');
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 0 WHERE id = 3').run();
    s.prepare("UPDATE kas SET arah = 'pindah' WHERE id = 4").run();
    s.prepare("UPDATE donatur SET jenis = 'teman' WHERE id = 1").run();
    // WITHOUT ROWID: no row number to give
    s.prepare("UPDATE saldo_harian SET buku = 'lain' WHERE tanggal = '2026-08-04' AND buku = 'dana'").run();
    s.close();
    const bin = wksbmBin(db, ['periksa', '--json']);
    const sini = await wksbm(db, ['periksa', '--json']);
    for (const r of [bin, sini]) {
      expect(r.code).toBe(1);
      const syarat = r.json().temuan.filter((t: { jenis: string }) => t.jenis === 'syarat_tabel');
      expect(syarat.map((t: { pesan: string }) => t.pesan)).toEqual([
        'Baris 1 di tabel donatur tidak memenuhi syarat tabelnya: ' +
          "jenis = 'perorangan' OR jenis = 'lembaga' OR jenis = 'csr'.",
        'Baris 3 di tabel kas tidak memenuhi syarat tabelnya: jumlah <> 0.',
        "Baris 4 di tabel kas tidak memenuhi syarat tabelnya: (arah = 'keluar') = (jenis IS NOT NULL).",
        "Sebuah baris di tabel saldo_harian tidak memenuhi syarat tabelnya: buku IN ('akun', 'dana', 'stok').",
      ]);
      // not damage: the other checks still run and find the rows changed
      expect(jenis(r)).toContain('rantai_hash');
      expect(jenis(r)).not.toContain('integritas');
    }
    expect(bin.json()).toEqual(sini.json());
  });

  it('a CHECK rewritten outside the tool into one SQLite cannot ask: a finding in Indonesian, no crash', async () => {
    const db = await unitBaru();
    await isi(db);
    ubahSkema(db, 'kas', (sql) => sql.replace('CHECK (jumlah <> 0)', 'CHECK (tak_ada(jumlah))'));
    for (const r of [wksbmBin(db, ['periksa', '--json']), await wksbm(db, ['periksa', '--json'])]) {
      expect(r.code).toBe(1);
      expect(r.json().temuan).toEqual([
        {
          jenis: 'syarat_tabel',
          pesan: 'Syarat tabel kas tidak dapat diperiksa (susunan tabel diubah di luar wksbm?): tak_ada(jumlah).',
        },
        { jenis: 'susunan', pesan: UBAH_KAS },
      ]);
    }
  });

  it('--lengkap runs the full integrity_check: an index whose entries no longer match their rows', async () => {
    const db = await unitBaru();
    await isi(db);
    // the index is declared on other columns without being rebuilt: as many entries, none of them right
    ubahSkema(
      db,
      'kas_pos',
      () => 'CREATE INDEX kas_pos ON kas (jumlah, arah, sumber, jenis, layanan, tanggal, donatur_id)',
    );
    // quick_check reads every page and counts every index's entries, but does not look each row up: only the
    // index's text, changed, is found
    const ubah = { jenis: 'susunan', pesan: 'Indeks kas_pos pada tabel kas diubah di luar wksbm.' };
    expect((await wksbm(db, ['periksa', '--json'])).json().temuan).toEqual([ubah]);
    const r = await wksbm(db, ['periksa', '--lengkap', '--json']);
    expect(r.code).toBe(1);
    expect(r.json().temuan).toContainEqual({
      jenis: 'integritas',
      pesan: 'SQLite melaporkan kerusakan: row 1 missing from index kas_pos',
    });
    expect((await wksbm(db, ['periksa', '--help'])).stdout).toContain('--lengkap');
  });
});

const UBAH_KAS =
  'Susunan tabel kas diubah di luar wksbm: kolom atau aturannya (CHECK, UNIQUE, rujukan) tidak sama lagi.';

describe('periksa holds the file to the rules the tool made', () => {
  it('a rule dropped outside the tool is found, not only rows it let in; a table or index added is not', async () => {
    const db = await unitBaru();
    await isi(db);
    expect((await wksbm(db, ['donatur', 'tambah', '--nama', 'Bu Sri', '--hp', '081234567890'])).code).toBe(0);
    // the amount's rule dropped: no row breaks it yet, so only the table's text tells
    ubahSkema(db, 'kas', (sql) => sql.replace(' CHECK (jumlah <> 0)', ''));
    const s = sqlite(db);
    s.exec(`DROP INDEX donatur_hp; DROP INDEX donatur_uid;
      CREATE INDEX catatan_saya ON kas (uraian); CREATE TABLE catatan (isi TEXT)`);
    s.close();
    const bin = wksbmBin(db, ['periksa', '--json']);
    expect(bin.code).toBe(1);
    expect(bin.json().temuan).toEqual([
      { jenis: 'susunan', pesan: 'Indeks donatur_hp pada tabel donatur hilang: dihapus di luar wksbm.' },
      { jenis: 'susunan', pesan: 'Indeks donatur_uid pada tabel donatur hilang: dihapus di luar wksbm.' },
      { jenis: 'susunan', pesan: UBAH_KAS },
    ]);
    expect((await wksbm(db, ['periksa', '--json'])).json()).toEqual(bin.json());
  });
});

/** A table's or index's text rewritten in the file as a hand outside the tool would (writable_schema). */
function ubahSkema(db: string, nama: string, ganti: (sql: string) => string): void {
  const s = sqlite(db);
  s.unsafeMode(true);
  s.pragma('writable_schema = ON');
  const sql = s.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(nama) as string;
  s.prepare('UPDATE sqlite_schema SET sql = ? WHERE name = ?').run(ganti(sql), nama);
  s.close();
}

/** A row's hash made as the tool makes it, over whatever link and values the row holds now. */
function hashUlang(s: ReturnType<typeof sqlite>, id: number): string {
  const kolom = KOLOM_RANTAI.kas.map((k) => `"${k}"`).join(', ');
  const [sebelum, json] = s
    .prepare(`SELECT hash_sebelum, json_array(${kolom}) FROM kas WHERE id = ?`)
    .raw()
    .get(id) as [string, string];
  return createHash('sha256').update(`${sebelum}\n${json}`).digest('hex');
}

/** Both programs (worker threads, one thread) on the file: the same findings, which are returned. */
async function temuanKeduanya(db: string): Promise<{ jenis: string; pesan: string; id?: number }[]> {
  const bin = wksbmBin(db, ['periksa', '--json']);
  const sini = await wksbm(db, ['periksa', '--json']);
  expect(bin.json()).toEqual(sini.json());
  return bin.json().temuan;
}

describe('periksa reads the chain in batches of rows joined by SQLite', () => {
  it('a link longer than a hash, re-hashed to fit, is a break; so is a hash with a non-ASCII letter', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    // row 3's link is row 2's hash and one letter more; its hash and row 4's link are made to fit it
    s.prepare('UPDATE kas SET hash_sebelum = hash_sebelum || ? WHERE id = 3').run('0');
    s.prepare('UPDATE kas SET hash = ? WHERE id = 3').run(hashUlang(s, 3));
    s.prepare('UPDATE kas SET hash_sebelum = (SELECT hash FROM kas WHERE id = 3) WHERE id = 4').run();
    s.close();
    expect((await temuanKeduanya(db))[0]).toEqual({
      jenis: 'rantai_hash',
      id: 3,
      pesan:
        'Rantai hash putus di entri kas 001/BKK/VII/2026 (id 3): entri sebelumnya diubah, dihapus atau disisipkan.',
    });
    const t = sqlite(db);
    t.prepare("UPDATE kas SET hash = substr(hash, 1, 63) || 'é' WHERE id = 2").run();
    t.close();
    expect((await temuanKeduanya(db))[0]).toMatchObject({ jenis: 'rantai_hash', id: 2 });
  });

  it('a hash holding the separator of rows sends its batch through the values: the right row is named', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET hash = ? WHERE id = 2').run(`${'a'.repeat(31)}\u001e${'b'.repeat(32)}`);
    s.close();
    expect((await temuanKeduanya(db))[0]).toEqual({
      jenis: 'rantai_hash',
      id: 2,
      pesan: 'Isi entri kas 002/BKM/VII/2026 (id 2) diubah di luar wksbm: hash-nya tidak cocok lagi.',
    });
  });

  it('voucher numbers SQLite writes with escapes, or far too large, are judged by their values', async () => {
    const db = await unitBaru();
    await isi(db);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare(`UPDATE kas SET nomor = '001/"BKK"/VII/2026' WHERE id = 3`).run();
    s.prepare('UPDATE kas SET urut = 1000000000000 WHERE id = 4').run();
    s.close();
    const pesan = (await temuanKeduanya(db)).map((t) => t.pesan);
    expect(pesan).toEqual(
      expect.arrayContaining([
        'Nomor bukti 001/"BKK"/VII/2026 tidak sesuai dengan urutan dan tanggalnya (seharusnya 001/BKK/VII/2026).',
        'Nomor bukti 002/BKK/VII/2026 tidak sesuai dengan urutan dan tanggalnya ' +
          '(seharusnya 1000000000000/BKK/VII/2026).',
        'Nomor BKK tahun 2026 melompat: urutan 2, 4, 5, 6, 7, 8, 9, 10, 11, 12 tidak ada.',
      ]),
    );
  });

  it('a 5,000-row book in two parts: a changed amount and a moved number found, the lower break first', async () => {
    const db = await unitBaru();
    const csv = path.join(path.dirname(db), 'kas.csv');
    const baris = Array.from(
      { length: 5000 },
      (_, i) => `0${1 + (i % 9)}/07/2026,Jimpitan ${i},jimpitan,umum,"1.000",`,
    );
    fs.writeFileSync(csv, ['Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar', ...baris].join('\n') + '\n');
    expect((await wksbm(db, ['kas', 'impor', csv])).code).toBe(0);
    expect(await temuanKeduanya(db)).toEqual([]);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 2000 WHERE id = 4500').run();
    const urut = s.prepare('SELECT urut FROM kas WHERE id = 4800').pluck().get() as number;
    s.prepare('UPDATE kas SET urut = 5001 WHERE id = 4800').run();
    s.close();
    const temuan = await temuanKeduanya(db);
    expect(temuan.filter((t) => t.jenis === 'rantai_hash')).toEqual([
      expect.objectContaining({ id: 4500, pesan: expect.stringContaining('diubah di luar wksbm') }),
    ]);
    expect(temuan.filter((t) => t.jenis === 'urutan_bukti')).toEqual([
      expect.objectContaining({ id: 4800, pesan: expect.stringContaining('(seharusnya 5001/BKM/') }),
      { jenis: 'urutan_bukti', pesan: `Nomor BKM tahun 2026 melompat: urutan ${urut} tidak ada.` },
    ]);
    // a break in the lower part of the book (walked by the main thread) comes first
    const t = sqlite(db);
    t.prepare('UPDATE kas SET jumlah = 3000 WHERE id = 1000').run();
    // a number used twice across the two parts: the voucher rule dropped and the file rebuilt outside the tool
    t.unsafeMode(true);
    t.pragma('writable_schema = ON');
    t.prepare(
      "UPDATE sqlite_schema SET sql = replace(sql, 'UNIQUE (bukti, tahun, urut),', '') WHERE name = 'kas'",
    ).run();
    t.prepare("DELETE FROM sqlite_schema WHERE name = 'sqlite_autoindex_kas_3'").run();
    t.close();
    const u = sqlite(db);
    u.exec('VACUUM');
    u.prepare('UPDATE kas SET urut = 1000 WHERE id = 4900').run();
    u.close();
    const lagi = await temuanKeduanya(db);
    expect(lagi.filter((x) => x.jenis === 'rantai_hash').map((x) => x.id)).toEqual([1000]);
    expect(lagi).toContainEqual({
      jenis: 'urutan_bukti',
      id: 4900,
      pesan: 'Nomor BKM tahun 2026 urutan 1000 dipakai dua kali.',
    });
  });
});
