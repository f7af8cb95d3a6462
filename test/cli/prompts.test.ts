import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { INGGRIS, snapshot, tmpDir, unitBaru, wksbm, wksbmBin, wksbmPty } from '../helpers.js';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), color: new Chalk({ level: 0 }) };
  return { io, out, err };
}

async function interaktif(db: string, args: string[], jawaban: unknown[]) {
  const asked: string[] = [];
  const { io, out, err } = captureIo();
  const code = await main(['node', 'wksbm', '--db', db, ...args], {
    io,
    prompter: scriptedPrompter(jawaban, asked),
    interactive: true,
  });
  return { code, asked, out: out.join('\n'), err: err.join('\n') };
}

describe('kas masuk by prompts (scripted prompter, real ledger file)', () => {
  it('asks every missing field in order with defaults, shows a summary and posts after confirmation', async () => {
    const db = await unitBaru();
    const r = await interaktif(
      db,
      ['kas', 'masuk'],
      ['1.250.000', 'jimpitan', undefined, undefined, '03/07/2026', 'Jimpitan Juni', true],
    );
    expect(r.err).toContain('Pemasukan baru:');
    expect(r.err).toContain('Rp 1.250.000');
    expect(r.code, r.err).toBe(0);
    expect(r.asked).toEqual(['Jumlah (Rp)', 'Sumber', 'Dana', 'Akun', 'Tanggal', 'Uraian (boleh kosong)', 'Simpan?']);
    expect(r.out).toBe('Tercatat 001/BKM/VII/2026 sebesar Rp 1.250.000.');
    const [e] = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(e).toMatchObject({
      tanggal: '2026-07-03',
      sumber: 'jimpitan',
      dana: 'umum',
      akun: 'tunai',
      penerimaan: 1_250_000,
      uraian: 'Jimpitan Juni',
    });
  });

  it('only asks what the flags did not give, and the fund defaults from the source', async () => {
    const db = await unitBaru();
    const r = await interaktif(
      db,
      ['kas', 'masuk', '--jumlah', '500000', '--tanggal', '2026-07-02', '--uraian', 'zakat'],
      ['zakat', undefined, undefined, true],
    );
    expect(r.code, r.err).toBe(0);
    expect(r.asked).toEqual(['Sumber', 'Dana', 'Akun', 'Simpan?']);
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().per.zakat).toBe(500_000);
  });

  it('writes nothing when the summary is declined', async () => {
    const db = await unitBaru();
    await wksbm(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'jimpitan', '--tanggal', '2026-07-01']);
    const before = snapshot(db);
    const r = await interaktif(
      db,
      ['kas', 'keluar'],
      ['operasional', undefined, undefined, '2026-07-05', '45.000', 'Map', false],
    );
    expect(r.asked).toEqual([
      'Jenis pengeluaran',
      'Dana',
      'Akun',
      'Tanggal',
      'Jumlah (Rp) — saldo akun tunai per 05/07/2026: Rp 100.000',
      'Uraian (boleh kosong)',
      'Simpan?',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Dibatalkan; tidak ada yang dicatat.');
    expect(snapshot(db)).toBe(before);
  });

  it('asks for layanan and asnaf only when the kind and fund need them', async () => {
    const db = await unitBaru();
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-01'])).code,
    ).toBe(0);
    const r = await interaktif(
      db,
      ['--yes', 'kas', 'keluar', '--jumlah', '200000', '--tanggal', '2026-07-02', '--uraian', 'Bantuan'],
      ['penyaluran', 'zakat', 'jaminan', 'miskin', undefined],
    );
    expect(r.code, r.err).toBe(0);
    expect(r.asked).toEqual(['Jenis pengeluaran', 'Dana', 'Layanan', 'Asnaf', 'Akun']);
  });

  it('init by prompts', async () => {
    const db = path.join(tmpDir(), 'unit.sqlite');
    const r = await interaktif(
      db,
      ['init'],
      [
        'Sido Rukun',
        'Karanganom',
        'Sumbermulyo',
        'Bambanglipuro',
        undefined,
        undefined,
        'Balai RT 01 Karanganom',
        '(0274) 367123',
        '',
        '',
        'Parjo',
        '',
        'Sri',
        'Harjono',
        true,
      ],
    );
    expect(r.code, r.err).toBe(0);
    expect(r.asked[0]).toBe('Nama unit WKSBM');
    // the secretariat's address and phone, for the report's Identitas sheet
    expect(r.asked.slice(6, 8)).toEqual(['Alamat sekretariat (boleh kosong)', 'Telepon sekretariat (boleh kosong)']);
    expect((await wksbm(db, ['profil', '--json'])).json()).toMatchObject({
      nama: 'Sido Rukun',
      kapanewon: 'Bambanglipuro',
      kabupaten: 'Bantul',
      ketua: 'Parjo',
      bendahara: 'Sri',
      lurah: 'Harjono',
      sekretaris: null,
      alamat: 'Balai RT 01 Karanganom',
      telepon: '0274367123',
    });
  });
});

describe('kas masuk in a real pseudo-terminal', () => {
  it('answers @inquirer prompts typed at a terminal and posts the entry', async () => {
    const db = await unitBaru();
    const down = '\u001b[B';
    const hasil = wksbmPty(
      db,
      ['kas', 'masuk'],
      [
        ['Jumlah \\(Rp\\)', '1.250.000\r'],
        ['Sumber', `${down.repeat(5)}\r`],
        ['Dana', '\r'],
        ['Akun', '\r'],
        ['Tanggal \\(22/11/2026\\)', '03/07/2026\r'],
        ['Uraian', 'Jimpitan Juni\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.output).toContain('↑↓ pindah • ⏎ pilih');
    expect(hasil.output).not.toMatch(INGGRIS);
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toContain('Tercatat 001/BKM/VII/2026 sebesar Rp 1.250.000.');
    const [e] = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(e).toMatchObject({
      tanggal: '2026-07-03',
      sumber: 'jimpitan',
      dana: 'umum',
      akun: 'tunai',
      penerimaan: 1_250_000,
      uraian: 'Jimpitan Juni',
    });
  });

  it('never waits for a prompt when stdin is not a terminal', async () => {
    const db = await unitBaru();
    const r = wksbmBin(db, ['kas', 'masuk'], { input: '1000\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/berikan --jumlah/);
  });
});
