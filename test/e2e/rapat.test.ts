// Meetings: minutes with attendance by flags and by prompts (the member checkbox), and the printed minutes.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { snapshot, sqlite, unitBaru, wksbm } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

/** A unit whose members are Sukardi (1, ketua), Siti Aminah (2, bendahara), Wartini (3, sekretaris). */
async function unitDenganAnggota(): Promise<string> {
  const db = await unitBaru();
  const s = sqlite(db);
  const ada = s.prepare('SELECT id, nama FROM anggota ORDER BY id').all();
  s.close();
  if (!ada.some((a: any) => a.nama === 'Wartini'))
    await wksbm(db, ['anggota', 'tambah', '--nama', 'Wartini', '--jabatan', 'sekretaris']);
  return db;
}

describe('rapat catat', () => {
  it('records minutes with members (by name or id) and guests from flags', async () => {
    const db = await unitDenganAnggota();
    const anggota = (await wksbm(db, ['anggota', 'daftar', '--json'])).json<{ id: number; nama: string }[]>();
    const wartini = anggota.find((a) => a.nama === 'Wartini')!;
    const r = await wksbm(db, [
      '--json',
      'rapat',
      'catat',
      '--tanggal',
      '2026-08-03',
      '--waktu',
      '19:30',
      '--tempat',
      'Balai padukuhan',
      '--jenis',
      'rutin',
      '--pimpinan',
      'Sukardi',
      '--notulis',
      'Wartini',
      '--agenda',
      'Evaluasi jimpitan',
      '--hadir',
      `sukardi, ${wartini.id}`,
      '--tamu',
      'Ibu Endang (Dinas Sosial), Pak Bayu',
      '--keputusan',
      'Jimpitan dinaikkan',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rapat = r.json();
    expect(rapat).toMatchObject({
      id: 1,
      tanggal: '2026-08-03',
      waktu: '19.30',
      jenis: 'rutin',
      agenda: 'Evaluasi jimpitan',
      keputusan: 'Jimpitan dinaikkan',
      hadir: 4,
    });
    expect(rapat.daftar_hadir).toEqual([
      {
        anggota_id: anggota.find((a) => a.nama === 'Sukardi')!.id,
        nama: 'Sukardi',
        peran: 'ketua',
        asal: null,
        tamu: false,
      },
      { anggota_id: wartini.id, nama: 'Wartini', peran: 'sekretaris', asal: null, tamu: false },
      { anggota_id: null, nama: 'Ibu Endang', peran: 'tamu', asal: 'Dinas Sosial', tamu: true },
      { anggota_id: null, nama: 'Pak Bayu', peran: 'tamu', asal: null, tamu: true },
    ]);
    const tampil = await wksbm(db, ['rapat', 'tampil', '1']);
    expect(tampil.stdout).toContain('NOTULEN RAPAT #1');
    expect(tampil.stdout).toMatch(/Hari\/tanggal\s+: Senin, 3 Agustus 2026/);
    expect(tampil.stdout).toMatch(/Waktu\s+: 19\.30 WIB/);
    expect(tampil.stdout).toMatch(/KEPUTUSAN\nJimpitan dinaikkan/);
    expect(tampil.stdout).toMatch(/DAFTAR HADIR[\s\S]*Sukardi[\s\S]*Wartini[\s\S]*Ibu Endang[\s\S]*Dinas Sosial/);
    expect((await wksbm(db, ['rapat', 'daftar', '--json'])).json()).toEqual([
      expect.objectContaining({ id: 1, agenda: 'Evaluasi jimpitan', hadir: 4 }),
    ]);
    expect((await wksbm(db, ['rapat', 'daftar'])).stdout).toContain('3 Agu 2026');
  });

  it.each([
    ['a name not among the members', ['--hadir', 'Sukardi, Sukarno'], /"Sukarno" bukan anggota/],
    ['an id not among the members', ['--hadir', '99'], /"99" bukan anggota/],
    ['a malformed guest list', ['--tamu', 'Ibu Endang (Dinas'], /--tamu .* tidak sah/],
    ['a missing agenda', ['--agenda', ''], /Agenda tidak boleh kosong/],
  ])('refuses %s (exit 2, nothing written)', async (_, args, pesan) => {
    const db = await unitDenganAnggota();
    const sebelum = snapshot(db);
    const r = await wksbm(db, [
      'rapat',
      'catat',
      '--tanggal',
      '2026-08-03',
      '--agenda',
      'Rapat',
      ...(args as string[]),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pesan as RegExp);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('asks at a terminal: the minutes, a checkbox of members present, guests, then decisions', async () => {
    const db = await unitDenganAnggota();
    const anggota = (await wksbm(db, ['anggota', 'daftar', '--json'])).json<{ id: number; nama: string }[]>();
    const ids = anggota.filter((a) => a.nama !== 'Siti Aminah').map((a) => a.id);
    const log: string[] = [];
    const prompter = scriptedPrompter(
      [
        undefined, // tanggal: today
        '19.30',
        'Rumah Pak Dukuh',
        'insidental',
        'Sukardi',
        'Wartini',
        'Persiapan santunan',
        ids, // checkbox of members
        'Ibu Endang (Dinas Sosial)',
        '', // guests, then done
        'Data calon penerima',
        'Santunan Rp750.000',
        true, // confirm
      ],
      log,
    );
    const { io, out } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, '--json', 'rapat', 'catat'], {
      prompter,
      interactive: true,
      io,
    });
    expect(code).toBe(0);
    expect(log[7]).toMatch(/Anggota yang hadir/);
    const rapat = JSON.parse(out.join(''));
    expect(rapat).toMatchObject({
      tanggal: '2026-11-22',
      waktu: '19.30',
      jenis: 'insidental',
      agenda: 'Persiapan santunan',
      keputusan: 'Santunan Rp750.000',
      hadir: 3,
    });
    expect(rapat.daftar_hadir.map((h: { nama: string }) => h.nama)).toEqual(['Sukardi', 'Wartini', 'Ibu Endang']);
    expect((await wksbm(db, ['--json', 'rapat', 'tampil', String(rapat.id)])).json().daftar_hadir).toHaveLength(3);
  });
});

describe('donatur tambah by prompts', () => {
  it('asks each field, validates at the prompt, confirms and saves', async () => {
    const db = await unitBaru();
    const log: string[] = [];
    const prompter = scriptedPrompter(
      [
        'Toko Makmur',
        'lembaga',
        '0812 3333 4444',
        'Jl. Parangtritis 5',
        undefined,
        '1,5jt',
        undefined,
        undefined /* tanggal terdata: today */,
        true,
      ],
      log,
    );
    const { io, out } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, '--json', 'donatur', 'tambah'], {
      prompter,
      interactive: true,
      io,
    });
    expect(code).toBe(0);
    expect(log).toEqual([
      'Nama',
      'Jenis (boleh kosong)',
      'No. HP (boleh kosong)',
      'Alamat (boleh kosong)',
      'Email (boleh kosong)',
      'Janji sumbangan (Rp) (boleh kosong)',
      'Keterangan (boleh kosong)',
      'Tanggal terdata',
      'Simpan?',
    ]);
    expect(JSON.parse(out.join(''))).toMatchObject({
      id: 1,
      nama: 'Toko Makmur',
      jenis: 'lembaga',
      hp: '081233334444',
      alamat: 'Jl. Parangtritis 5',
      email: null,
      janji: 1500000,
      terdaftar: '2026-11-22',
    });
    expect((await wksbm(db, ['donatur', 'daftar', '--json'])).json()).toHaveLength(1);
  });

  it('writes nothing when the user declines the summary', async () => {
    const db = await unitBaru();
    const sebelum = snapshot(db);
    const { io } = bufferIo();
    const code = await main(
      [
        'node',
        'wksbm',
        '--db',
        db,
        'donatur',
        'tambah',
        '--nama',
        'X',
        '--jenis',
        'csr',
        '--hp',
        '081233334444',
        '--alamat',
        'a',
        '--email',
        'e',
        '--janji',
        '1000',
        '--keterangan',
        'k',
        '--terdaftar',
        '01/07/2026',
      ],
      { prompter: scriptedPrompter([false]), interactive: true, io },
    );
    expect(code).toBe(1);
    expect(snapshot(db)).toBe(sebelum);
  });
});
