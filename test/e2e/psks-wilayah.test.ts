// PSKS inside or outside the unit's area (`--wilayah dalam|luar`): declared once, so flags, prompts,
// listings, imports and the quarterly report's PSKS sheet (two groups, each with its sum) follow it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { type EntriJurnal, hashJurnal, isiJurnal } from '../../src/domain/jurnal.js';
import { bacaWorkbook, barisDengan, jalan } from '../fixtures/unit-contoh.js';
import { refused, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

const tambah = (db: string, nama: string, ...args: string[]) =>
  jalan(db, 'psks', 'tambah', '--nama', nama, '--terdaftar', '2026-08-01', ...args);

describe('PSKS wilayah', () => {
  it('tambah takes --wilayah (bawaan dalam), ubah changes it, daftar filters by it; bad value refused', async () => {
    const db = await unitBaru();
    expect((await tambah(db, 'Bu Tini', '--kategori', 'PSM')).wilayah).toBe('dalam');
    await tambah(db, 'KT Bakulan', '--jenis', 'lembaga', '--kategori', 'KT', '--wilayah', 'Di luar wilayah');
    expect((await jalan(db, 'psks', 'daftar', '--wilayah', 'luar')).map((p: { nama: string }) => p.nama)).toEqual([
      'KT Bakulan',
    ]);
    await jalan(db, 'psks', 'ubah', '1', '--wilayah', 'luar');
    expect((await jalan(db, 'psks', 'daftar')).map((p: { wilayah: string }) => p.wilayah)).toEqual(['luar', 'luar']);
    const teks = await wksbm(db, ['psks', 'daftar']);
    expect(teks.stdout).toMatch(/Wilayah[\s\S]*luar/);
    await refused(
      db,
      ['psks', 'tambah', '--nama', 'X', '--kategori', 'PSM', '--wilayah', 'tengah'],
      /Wilayah "tengah" tidak dikenal/,
    );
    await refused(db, ['psks', 'ubah', '1', '--wilayah', ''], /Wilayah/);
  });

  it('at a terminal asks "Di dalam wilayah" / "Di luar wilayah", dalam preselected', async () => {
    const db = await unitBaru();
    const log: string[] = [];
    const dasar = scriptedPrompter(
      ['Bu Tini', undefined, 'PSM', 'luar', undefined, undefined, undefined, undefined, true],
      log,
    );
    let pilihan: unknown;
    const prompter = {
      ...dasar,
      select: async <T>(o: { message: string; choices: { name: string; value: T }[]; default?: T }) => {
        if (o.message === 'Wilayah') pilihan = { choices: o.choices.map((c) => c.name), default: o.default };
        return dasar.select(o);
      },
    };
    const { io, err } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, 'psks', 'tambah'], { prompter, interactive: true, io });
    expect(code, err.join('\n')).toBe(0);
    expect(log).toContain('Wilayah');
    expect(pilihan).toEqual({ choices: ['dalam — Di dalam wilayah', 'luar — Di luar wilayah'], default: 'dalam' });
    expect((await jalan(db, 'psks', 'daftar'))[0].wilayah).toBe('luar');
  });

  it('impor reads a wilayah column by its synonyms; an empty cell is dalam, an unknown one refused', async () => {
    const db = await unitBaru();
    const f = path.join(tmpDir(), 'psks.csv');
    fs.writeFileSync(
      f,
      'Nama Lembaga;Kategori;Alamat;Lokasi\nKT Jetis;KT;Jetis;Di luar wilayah\nLKS Sejahtera;4;Bantul;\nX;KT;Y;entah\n',
    );
    const r = await wksbm(db, ['psks', 'impor', f, '--json']);
    expect(r.json()).toMatchObject({ ditambah: 2, ditolak: 1 });
    expect(JSON.stringify(r.json().baris)).toContain('Wilayah \\"entah\\" tidak dikenal');
    const rows = await jalan(db, 'psks', 'daftar');
    expect(rows.map((p: { nama: string; wilayah: string }) => [p.nama, p.wilayah])).toEqual([
      ['KT Jetis', 'luar'],
      ['LKS Sejahtera', 'dalam'],
    ]);
  });

  it('the PSKS sheet groups by wilayah with a sum per group and in all; _data carries both groups', async () => {
    const db = await unitBaru();
    await tambah(db, 'Bu Tini', '--kategori', 'PSM');
    await tambah(db, 'KT Bakulan', '--jenis', 'lembaga', '--kategori', 'KT', '--wilayah', 'luar');
    await tambah(db, 'KT Jetis', '--jenis', 'lembaga', '--kategori', 'KT');
    const keluar = path.join(tmpDir(), 'lap.xlsx');
    await jalan(db, 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '--keluar', keluar);
    const wb = await bacaWorkbook(keluar);
    const ws = wb.getWorksheet('PSKS & Jejaring')!;
    const dalam = barisDengan(ws, 'A', 'a. PSKS di dalam wilayah');
    const luar = barisDengan(ws, 'A', 'b. PSKS di luar wilayah');
    expect(luar).toBe(dalam + 14);
    const kt = (r: number) => ['D', 'E', 'F'].map((c) => ws.getCell(`${c}${r + 5}`).value);
    expect(ws.getCell(`B${dalam + 5}`).value).toBe('Karang Taruna');
    expect(kt(dalam)).toEqual([0, 1, 1]);
    expect(kt(luar)).toEqual([0, 1, 1]);
    const sum = (r: number) => ws.getCell(`F${r}`).value as { formula: string; result: number };
    expect(ws.getCell(`B${dalam + 13}`).value).toBe('Jumlah di dalam wilayah');
    expect(sum(dalam + 13)).toEqual({ formula: `SUM(F${dalam + 1}:F${dalam + 12})`, result: 2 });
    expect(sum(luar + 13)).toEqual({ formula: `SUM(F${luar + 1}:F${luar + 12})`, result: 1 });
    expect(ws.getCell(`B${luar + 14}`).value).toBe('JUMLAH PSKS');
    expect(sum(luar + 14)).toEqual({ formula: `F${dalam + 13}+F${luar + 13}`, result: 3 });
    // the PSKS headings are not repeated above the partners' table when the sheet runs onto a second page
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    const data = JSON.parse(String(wb.getWorksheet('_data')!.getCell('A1').value)).laporan;
    const jumlah = (xs: { jumlah: number }[]) => xs.reduce((a, x) => a + x.jumlah, 0);
    expect([jumlah(data.psks_wilayah.dalam), jumlah(data.psks_wilayah.luar), jumlah(data.psks)]).toEqual([2, 1, 3]);
  });

  it('migration 0015: a PSKS of an older file becomes dalam and the journal still agrees with every row', async () => {
    const db = await unitBaru();
    await tambah(db, 'Bu Tini', '--kategori', 'PSM');
    // the file as before 0015: no column, its row journalled without it
    const s = sqlite(db);
    s.exec(
      'ALTER TABLE psks DROP COLUMN wilayah; ' +
        "DELETE FROM migrasi WHERE name IN ('0015-psks-wilayah', '0016-jurnal-lot', '0017-syarat-tanpa-in')",
    );
    const row = s.prepare('SELECT * FROM psks').get() as Record<string, unknown>;
    const salinan = s.prepare("SELECT nilai FROM meta WHERE kunci = 'salinan'").pluck().get() as string;
    const sebelum = s.prepare('SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1').pluck().get() as string;
    const e: EntriJurnal = {
      waktu: '2026-11-01T00:00:00.000Z',
      salinan,
      buku: 'psks',
      uid: String(row.uid),
      aksi: 'ubah',
      isi: isiJurnal(row),
    };
    s.prepare(
      'INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi, sebelum, hashJurnal(sebelum, e));
    s.close();

    expect((await jalan(db, 'psks', 'daftar'))[0].wilayah).toBe('dalam');
    expect((await wksbm(db, ['periksa', '--json'])).json()).toEqual({ ok: true, temuan: [] });
  });
});
