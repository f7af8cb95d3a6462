// At a terminal: saldo-awal asked field by field and checked as typed; a missing ID picked from a list;
// Ubah isian reaching an answer given as a flag; santunan's amount asked after its fund and date.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { INGGRIS, refused, unitBaru, wksbm, wksbmPty } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

async function prompts(db: string, args: string[], jawaban: unknown[]) {
  const log: string[] = [];
  const { io, out, err } = bufferIo();
  const prompter = scriptedPrompter(jawaban, log);
  const code = await main(['node', 'wksbm', '--db', db, ...args], { prompter, interactive: true, io });
  return { code, log, out: out.join('\n'), err: err.join('\n') };
}

describe('saldo-awal at a terminal', () => {
  it('asks the date, each account, each restricted fund with what is left, the rice; refuses too much', async () => {
    const db = await unitBaru();
    expect((await wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI'])).code).toBe(0);
    const hasil = wksbmPty(
      db,
      ['saldo-awal'],
      [
        ['Tanggal saldo awal', '30/06/2026\r'],
        ['Saldo akun tunai \\(Rp\\)', '1.500.000\r'],
        ['Saldo akun bri \\(Rp\\)', '3.000.000\r'],
        ['Saldo dana kematian \\(Rp\\) \\(boleh kosong\\) — belum terbagi: Rp 4\\.500\\.000', '5.000.000\r'],
        ['akan minus Rp 500\\.000', '\u0015700.000\r'],
        ['Saldo dana zakat \\(Rp\\) \\(boleh kosong\\) — belum terbagi: Rp 3\\.800\\.000', '500.000\r'],
        ['Beras di gudang \\(kg\\)', '25\r'],
        ['dana umum \\(sisanya\\)\\s+Rp 3\\.300\\.000[\\s\\S]*Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).not.toMatch(INGGRIS);
    const saldo = (await wksbm(db, ['kas', 'saldo', '--json'])).json().per;
    expect(saldo).toEqual({ kematian: 700_000, umum: 3_300_000, zakat: 500_000 });
  });
});

describe('a missing ID at a terminal', () => {
  it('natura batal offers the rows that can still be voided, searched by typing', async () => {
    const db = await unitBaru();
    for (const [q, s] of [
      ['5', 'jimpitan'],
      ['2', 'donatur'],
    ])
      await wksbm(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', q!, '--sumber', s!]);
    const hasil = wksbmPty(
      db,
      ['natura', 'batal'],
      [
        ['ID natura yang dibatalkan', 'donatur'],
        ['beras masuk 2 kg', '\r'],
        ['Alasan', 'salah catat\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).not.toMatch(INGGRIS);
    expect((await wksbm(db, ['natura', 'saldo', '--json'])).json().beras.kuantitas).toBe(5);
  });

  it('without a terminal each says which argument to pass, exit 2', async () => {
    const db = await unitBaru();
    await refused(
      db,
      ['natura', 'batal'],
      /ID natura yang dibatalkan wajib diisi: berikan, misalnya wksbm natura batal 3/,
    );
    await refused(
      db,
      ['impor', 'batal'],
      /ID impor yang dibatalkan wajib diisi: berikan, misalnya wksbm impor batal 1/,
    );
    await refused(db, ['rapat', 'tampil'], /wajib diisi: berikan, misalnya wksbm rapat tampil 1/);
    await refused(db, ['inventaris', 'hapus'], /wajib diisi: berikan, misalnya wksbm inventaris hapus 1/);
  });
});

describe('the summary', () => {
  it('Ubah isian changes an answer that was given as a flag', async () => {
    const db = await unitBaru();
    const args = ['--json', 'kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran', '--uraian', 'Iuran'];
    const r = await prompts(db, args, [undefined, undefined, undefined, 'ubah', 'jumlah', '2000', true]);
    expect(r.code, r.err).toBe(0);
    expect(r.log).toContain('Isian mana yang diubah?');
    expect(JSON.parse(r.out)).toMatchObject({ jumlah: 2000, sumber: 'iuran', uraian: 'Iuran' });
  });
});

describe('santunan at a terminal', () => {
  it('asks fund, account and date before the amount, and checks the amount against the fund as typed', async () => {
    const db = await unitBaru();
    await wksbm(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-11-01']);
    const flags = ['santunan', '--almarhum', 'Mbah Karto', '--tanggal-wafat', '10/11/2026', '--ahli-waris', 'Sutini'];
    const args = [...flags, '--hubungan', 'anak', '--alamat', 'Karang RT 3'];
    const ditolak = await prompts(db, args, [undefined, undefined, '12/11/2026', '900000']);
    expect(ditolak.log).toEqual([
      'Dana',
      'Akun',
      'Tanggal pembayaran',
      'Jumlah (Rp) — saldo dana kematian per 12/11/2026: Rp 500.000; saldo akun tunai per 12/11/2026: Rp 500.000',
    ]);
    expect(ditolak.err).toMatch(/jawaban ditolak.*kematian/);
    const r = await prompts(db, args, [undefined, undefined, '12/11/2026', '400000', undefined, true]);
    expect(r.code, r.err).toBe(0);
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().per.kematian).toBe(100_000);
  });
});
