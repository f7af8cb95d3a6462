// salur at a terminal: the recipient is chosen from the book, and zakat makes it ask for the asnaf.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { snapshot, unitBaru, wksbm } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

async function unitZakat(): Promise<string> {
  const db = await unitBaru();
  await wksbm(db, [
    'ppks',
    'tambah',
    '--nik',
    '3402084107650003',
    '--nama',
    'Tukiyem',
    '--jk',
    'P',
    '--kategori',
    'LUT',
    '--dasar',
    'tugas_publik',
  ]);
  await wksbm(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'zakat', '--tanggal', '2026-10-01']);
  return db;
}

describe('salur by prompts', () => {
  it('asks the recipient, the kind of aid, the fund, and then the asnaf because the fund is zakat', async () => {
    const db = await unitZakat();
    const log: string[] = [];
    const prompter = scriptedPrompter(
      [
        '1', // recipient from the PPKS list
        'jaminan',
        'uang',
        'zakat',
        'miskin',
        undefined /* akun: tunai */,
        undefined /* tanggal: today */,
        '250000',
        undefined /* uraian */,
        true,
      ],
      log,
    );
    const { io, out, err } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, '--json', 'salur'], { prompter, interactive: true, io });
    expect(code, err.join('\n')).toBe(0);
    expect(log.slice(0, 7)).toEqual([
      'Penerima (PPKS)',
      'Layanan',
      'Bentuk bantuan',
      'Dana',
      'Asnaf',
      'Akun',
      'Tanggal',
    ]);
    expect(log[7]).toBe(
      'Jumlah (Rp) — saldo dana zakat per 22/11/2026: Rp 1.000.000; saldo akun tunai per 22/11/2026: Rp 1.000.000',
    );
    expect(JSON.parse(out.join(''))).toMatchObject({
      nomor: '001/BKK/XI/2026',
      jumlah: 250000,
      dana: 'zakat',
      asnaf: 'miskin',
      ppks_id: 1,
      bentuk: 'uang',
    });
  });

  it('never offers an empty asnaf for zakat at the prompt; a script without one is refused, writes none', async () => {
    const db = await unitZakat();
    const sebelum = snapshot(db);
    const prompter = scriptedPrompter(['1', 'jaminan', 'uang', 'zakat', '\u0000kosong']);
    const { io, err } = bufferIo();
    const code = await main(['node', 'wksbm', '--db', db, 'salur'], { prompter, interactive: true, io });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/pilihan \\x00kosong tidak ada untuk Asnaf/);
    const r = await wksbm(db, [
      'salur',
      '--ppks',
      '1',
      '--layanan',
      'jaminan',
      '--jumlah',
      '250000',
      '--dana',
      'zakat',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wajib menyebut asnaf/);
    expect(snapshot(db)).toBe(sebelum);
  });
});
