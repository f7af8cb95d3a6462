// ppks tambah at a terminal: every field asked, the NIK validated at the prompt, warnings after saving.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { unitBaru, wksbm } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

describe('ppks tambah by prompts', () => {
  it('asks each declared field in order and saves the person after showing a summary', async () => {
    const db = await unitBaru();
    const log: string[] = [];
    const prompter = scriptedPrompter(
      [
        '3402.0841.0765.0003',
        undefined,
        'Tukiyem',
        'P',
        '01/07/1965',
        'Jetis',
        '03',
        undefined,
        'Jetis',
        'PRSE',
        undefined /* status: empty = aktif */,
        'persetujuan',
        undefined,
        undefined /* ID DTKS */,
        undefined /* desil */,
        undefined,
        undefined /* tanggal terdata: today */,
        true,
      ],
      log,
    );
    const { io, out, err } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, '--json', 'ppks', 'tambah'], {
      prompter,
      interactive: true,
      io,
    });
    expect(code, err.join('\n')).toBe(0);
    expect(log).toEqual([
      'NIK (boleh kosong)',
      'No. KK (boleh kosong)',
      'Nama',
      'Jenis kelamin',
      'Tanggal lahir (boleh kosong)',
      'Alamat (boleh kosong)',
      'RT (boleh kosong)',
      'RW (boleh kosong)',
      'Padukuhan (boleh kosong)',
      'Kategori PPKS',
      'Status (boleh kosong)',
      'Dasar pemrosesan data (boleh kosong)',
      'Persetujuan wali (untuk anak) (boleh kosong)',
      'ID DTKS (boleh kosong)',
      'Desil DTSEN (boleh kosong)',
      'Keterangan (boleh kosong)',
      'Tanggal terdata',
      'Simpan?',
    ]);
    expect(JSON.parse(out.join(''))).toMatchObject({
      id: 1,
      nik: '3402••••••••0003',
      nama: 'Tukiyem',
      kategori: 'PRSE',
      status: 'aktif',
      dasar_pemrosesan: 'persetujuan',
      tanggal_lahir: '1965-07-01',
      terdaftar: '2026-11-22',
    });
    expect(err.join('\n')).toMatch(/Data PPKS:[\s\S]*Kategori PPKS\s+PRSE/);
    expect(err.join('\n')).not.toMatch(/Peringatan/);
    expect((await wksbm(db, ['ppks', 'daftar', '--json', '--lengkap'])).json()[0].nik).toBe('3402084107650003');
  });

  it('does not accept a NIK that is not 16 digits at the prompt', async () => {
    const db = await unitBaru();
    const { io } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, 'ppks', 'tambah'], {
      prompter: scriptedPrompter(['12345']),
      interactive: true,
      io,
    });
    expect(code).toBe(1); // the scripted prompter throws when the prompt's validation rejects the answer
    expect((await wksbm(db, ['ppks', 'daftar', '--json'])).json()).toEqual([]);
  });
});
