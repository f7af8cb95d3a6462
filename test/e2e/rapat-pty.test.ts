// rapat catat in a real pseudo-terminal: @inquirer's checkbox of members, then guests until an empty answer.
import { describe, expect, it } from 'vitest';
import { unitBaru, wksbm, wksbmPty } from '../helpers.js';

describe('rapat catat at a terminal', () => {
  it('ticks members in the checkbox and adds guests one by one', async () => {
    const db = await unitBaru(); // members from init: Sukardi (ketua), Wartini (sekretaris), Siti Aminah (bendahara)
    const down = '\u001b[B';
    const hasil = wksbmPty(
      db,
      ['rapat', 'catat'],
      [
        ['Tanggal', '\r'],
        ['Waktu', '19.30\r'],
        ['Tempat', 'Balai padukuhan\r'],
        ['Jenis rapat', `${down}\r`],
        ['Pimpinan', 'Sukardi\r'],
        ['Notulis', 'Wartini\r'],
        ['Agenda', 'Evaluasi jimpitan\r'],
        ['Anggota yang hadir', ` ${down} \r`],
        ['Tamu yang hadir', 'Ibu Endang (Dinas Sosial)\r'],
        ['Tamu yang hadir', '\r'],
        ['Pembahasan', '\r'],
        ['Keputusan', 'Jimpitan dinaikkan\r'],
        ['Simpan\\?', 'y\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toContain('Rapat tercatat dengan ID 1: 2 anggota dan 1 tamu hadir.');
    const rapat = (await wksbm(db, ['--json', 'rapat', 'tampil', '1'])).json();
    expect(rapat).toMatchObject({
      tanggal: '2026-11-22',
      waktu: '19.30',
      jenis: 'rutin',
      agenda: 'Evaluasi jimpitan',
      keputusan: 'Jimpitan dinaikkan',
      hadir: 3,
    });
    expect(rapat.daftar_hadir.filter((h: { tamu: boolean }) => h.tamu)).toEqual([
      expect.objectContaining({ nama: 'Ibu Endang', asal: 'Dinas Sosial' }),
    ]);
  });
});
