// Books that know each other (#10 item 7): restricted funds take only their own sources, in a single
// posting and in the bulk import alike.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { refused, snapshot, tmpDir, unitBaru, wksbm } from '../helpers.js';

describe('a restricted fund names the sources it accepts', () => {
  it('refuses business income into zakat or the death fund, writing nothing', async () => {
    const db = await unitBaru();
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'usaha', '--dana', 'zakat'],
      /Dana "zakat" hanya menerima pemasukan dari sumber "zakat", bukan "usaha"\./,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'usaha', '--dana', 'kematian'],
      /Dana "kematian" hanya menerima .*"iuran_kematian".*bukan "usaha"/,
    );
  });

  it('accepts the listed sources, and any source into the general fund', async () => {
    const db = await unitBaru();
    for (const [sumber, dana] of [
      ['zakat', 'zakat'],
      ['iuran_kematian', 'kematian'],
      ['donatur', 'kematian'],
      ['usaha', 'umum'],
    ]) {
      const r = await wksbm(db, ['--json', 'kas', 'masuk', '--jumlah', '100000', '--sumber', sumber!, '--dana', dana!]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ sumber, dana });
    }
  });

  it('the bulk import refuses the same row', async () => {
    const db = await unitBaru();
    const csv = path.join(tmpDir(), 'kas.csv');
    fs.writeFileSync(
      csv,
      'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar\n' +
        '01/07/2026,Sewa tenda,usaha,zakat,"150000",\n02/07/2026,Sewa tenda,usaha,umum,"150000",\n',
    );
    const r = await wksbm(db, ['kas', 'impor', csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ dibaca: 2, ditambah: 1, ditolak: 1 });
    const ditolak = r.json().baris.find((b: { keputusan: string }) => b.keputusan === 'ditolak');
    expect(ditolak.alasan).toMatch(/hanya menerima pemasukan dari sumber "zakat"/);
  });
});

async function unitDenganLansia(): Promise<string> {
  const db = await unitBaru();
  const tambah = ['ppks', 'tambah', '--kategori', 'LUT', '--dasar', 'tugas_publik', '--terdaftar', '2026-07-01'];
  await wksbm(db, [...tambah, '--nik', '3402084107400003', '--nama', 'Mbah Tukiyem', '--jk', 'P']);
  await wksbm(db, [...tambah, '--nik', '3402080101400004', '--nama', 'Mbah Karto', '--jk', 'L']);
  await wksbm(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran_kematian', '--tanggal', '2026-07-02']);
  return db;
}

const jumlahLut = async (db: string, triwulan: string) => {
  const r = await wksbm(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', triwulan]);
  expect(r.code, r.stderr).toBe(0);
  return r.json().ppks.find((p: { kode: string }) => p.kode === 'LUT').jumlah;
};

describe('santunan for a registered PPKS', () => {
  it('marks them meninggal from the day of death; the quarter of the death stops counting them', async () => {
    const db = await unitDenganLansia();
    const santunan = ['--json', 'santunan', '--ppks', '3402080101400004', '--tanggal-wafat', '10/08/2026'];
    const r = await wksbm(db, [
      ...santunan,
      '--ahli-waris',
      'Sumarni',
      '--hubungan',
      'anak',
      '--jumlah',
      '500000',
      '--tanggal',
      '2026-08-12',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ almarhum: 'Mbah Karto', ppks_id: 2, dana: 'kematian', jumlah: 500_000 });
    const karto = (await wksbm(db, ['--json', 'ppks', 'tampil', '2'])).json();
    expect(karto.status).toBe('meninggal');
    expect(karto.perubahan).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kolom: 'status', lama: 'aktif', baru: 'meninggal' }),
        expect.objectContaining({ kolom: 'tanggal_meninggal', lama: null, baru: '2026-08-10' }),
      ]),
    );
    // counted at the quarter's end: Mbah Karto died on 10 August, so Q3 counts only Mbah Tukiyem
    expect(await jumlahLut(db, '3')).toBe(1);
    expect(await jumlahLut(db, '4')).toBe(1);
  });

  it('at a terminal the deceased is chosen from the book and their name is not asked again', async () => {
    const db = await unitDenganLansia();
    const log: string[] = [];
    const jawaban = [
      '1',
      '2026-08-10',
      'Paimin',
      'anak',
      undefined /* alamat */,
      undefined /* dana: kematian */,
      undefined /* akun: tunai */,
      undefined /* tanggal: today */,
      '300000', // asked last, against the fund on that day
      undefined /* uraian */,
      true,
    ];
    const r = await wksbm(db, ['--json', 'santunan'], { prompter: scriptedPrompter(jawaban, log) });
    expect(r.code, r.stderr).toBe(0);
    expect(log[0]).toMatch(/almarhum di buku PPKS/i);
    expect(log).not.toContain('nama almarhum/almarhumah');
    expect(r.json()).toMatchObject({ almarhum: 'Mbah Tukiyem', ppks_id: 1 });
  });

  it('refuses an unknown PPKS, writing nothing', async () => {
    const db = await unitDenganLansia();
    await refused(
      db,
      [
        'santunan',
        '--ppks',
        '99',
        '--tanggal-wafat',
        '2026-08-10',
        '--ahli-waris',
        'X',
        '--hubungan',
        'anak',
        '--jumlah',
        '1000',
      ],
      /PPKS/,
    );
  });
});

describe('names with titles ignored', () => {
  it('a receipt finds the donor by a name written without (or with other) titles', async () => {
    const db = await unitBaru();
    expect((await wksbm(db, ['donatur', 'tambah', '--nama', 'H. Sukardi, S.Pd.', '--hp', '081210002000'])).code).toBe(
      0,
    );
    for (const nama of ['Sukardi', 'Bpk. Sukardi']) {
      const r = await wksbm(db, [
        '--json',
        'kas',
        'masuk',
        '--jumlah',
        '50000',
        '--sumber',
        'donatur',
        '--donatur',
        nama,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ donatur_id: 1 });
    }
  });

  it('donatur impor: a phone shared with a donor of another name is "mungkin ganda", never "sudah ada"', async () => {
    const db = await unitBaru();
    await wksbm(db, ['donatur', 'tambah', '--nama', 'Bpk. Sukardi', '--hp', '081210002000']);
    const csv = path.join(tmpDir(), 'donatur.csv');
    fs.writeFileSync(csv, 'Nama,HP\nIbu Sumarni,0812-1000-2000\nSukardi,081210002000\n');
    const r = await wksbm(db, ['donatur', 'impor', csv, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ dibaca: 2, ditambah: 0, sudah_ada: 1, mungkin_ganda: 1 });
    const [istri, suami] = r.json().baris;
    expect(istri).toMatchObject({
      keputusan: 'mungkin_ganda',
      alasan: expect.stringMatching(/nomor HP sama dengan ID 1 \(Bpk\. Sukardi\)/),
    });
    expect(suami).toMatchObject({ keputusan: 'sudah_ada' });
    const terima = await wksbm(db, ['donatur', 'impor', csv, '--terima-mirip', '--json']);
    expect(terima.json()).toMatchObject({ ditambah: 1, sudah_ada: 1, mungkin_ganda: 0 });
  });
});

describe('members once', () => {
  const anggota = async (db: string) =>
    (await wksbm(db, ['--json', 'anggota', 'daftar'])).json() as { nama: string; jabatan: string }[];

  it('init makes each officer a member once, even one holding two offices', async () => {
    const db = path.join(tmpDir(), 'unit.sqlite');
    const r = await wksbm(db, [
      'init',
      '--nama',
      'Ngudi Mulyo',
      '--padukuhan',
      'Jetis',
      '--kalurahan',
      'Sumberagung',
      '--kapanewon',
      'Jetis',
      '--ketua',
      'Bpk. Sukardi',
      '--sekretaris',
      'Sukardi',
      '--bendahara',
      'Siti Aminah',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect((await anggota(db)).map((a) => [a.nama, a.jabatan])).toEqual([
      ['Bpk. Sukardi', 'ketua'],
      ['Siti Aminah', 'bendahara'],
    ]);
  });

  it('anggota tambah with a name already in the book (titles ignored): refused in a script, --yes adds', async () => {
    const db = await unitBaru();
    await refused(
      db,
      ['anggota', 'tambah', '--nama', 'Hj. Siti Aminah'],
      /"Hj\. Siti Aminah" sudah ada di buku anggota \(ID 3, "Siti Aminah"\).*--yes/,
    );
    const r = await wksbm(db, ['--yes', '--json', 'anggota', 'tambah', '--nama', 'Hj. Siti Aminah']);
    expect(r.code, r.stderr).toBe(0);
    expect((await anggota(db)).filter((a) => a.nama.includes('Siti Aminah'))).toHaveLength(2);
    expect((await wksbm(db, ['anggota', 'tambah', '--nama', 'Paijo'])).code).toBe(0);
  });

  it('at a terminal asks first; no keeps the book unchanged', async () => {
    const db = await unitBaru();
    const before = snapshot(db);
    const log: string[] = [];
    const tidak = scriptedPrompter([false], log);
    const r = await wksbm(
      db,
      [
        'anggota',
        'tambah',
        '--nama',
        'Bu Wartini',
        '--jabatan',
        'anggota',
        '--jk',
        'P',
        '--hp',
        '081200001111',
        '--alamat',
        'Jetis',
        '--tanggal-masuk',
        '2026-01-01',
      ],
      { prompter: tidak },
    );
    expect(log).toEqual([
      '"Bu Wartini" sudah ada di buku anggota (ID 2, "Wartini"). Tetap tambahkan sebagai orang lain?',
    ]);
    expect(r.code).not.toBe(0);
    expect(snapshot(db)).toBe(before);
  });
});
