// One declaration, three uses: the flag, the prompt, and the check of each answer as it is given.
import { Chalk } from 'chalk';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import { collect, declareOptions } from '../../src/cli/form.js';
import type { Pilihan, Prompter } from '../../src/cli/prompter.js';
import { FORM_KELUAR, FORM_MASUK } from '../../src/commands/kas.js';
import { type Ledger, openLedger } from '../../src/db/connection.js';
import { loadReferensi, type Referensi } from '../../src/db/referensi-repo.js';
import { RuleError } from '../../src/domain/errors.js';
import { unitBaru, wksbm } from '../helpers.js';

interface Tanya {
  message: string;
  choices?: string[];
  /** what validate said of each answer tried */
  ditolak?: string[];
}

/** Answers in order; for a typed answer, tries each of `[rejected..., accepted]` through validate. */
function prompter(jawaban: unknown[], log: Tanya[]): Prompter {
  const next = () => jawaban.shift();
  return {
    async input(o) {
      const coba = ([] as unknown[]).concat(next() ?? o.default ?? '').map(String);
      const t: Tanya = { message: o.message, ditolak: [] };
      log.push(t);
      for (const v of coba) {
        const r = o.validate ? await o.validate(v) : true;
        if (r === true) return v;
        t.ditolak!.push(r);
      }
      throw new Error(`semua jawaban ditolak: ${o.message}`);
    },
    async select<T>(o: { message: string; choices: Pilihan<T>[]; default?: T }) {
      log.push({ message: o.message, choices: o.choices.map((c) => String(c.value)) });
      const v = next();
      return (v === undefined ? o.default : v) as T;
    },
    async checkbox() {
      return [];
    },
    async confirm() {
      return true;
    },
    async search<T>() {
      return next() as T;
    },
  };
}

function ctxDengan(db: string, p: Prompter, interactive: boolean) {
  const io = { out: () => undefined, err: () => undefined, color: new Chalk({ level: 0 }) };
  return createContext({ db }, { io, prompter: p, interactive });
}

let berkas: string;
let ledger: Ledger;
let ref: Referensi;

beforeAll(async () => {
  berkas = await unitBaru();
  expect(
    (
      await wksbm(berkas, [
        'kegiatan',
        'catat',
        '--tanggal',
        '2026-08-10',
        '--nama',
        'Penyuluhan',
        '--jenis',
        'pencegahan',
      ])
    ).code,
  ).toBe(0);
  const masuk = ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'jimpitan', '--tanggal', '2026-08-01'];
  expect((await wksbm(berkas, masuk)).code).toBe(0);
  ledger = await openLedger(berkas);
  ref = await loadReferensi(ledger.db);
});

afterAll(async () => {
  await ledger.close();
});

describe('declareOptions', () => {
  it('makes one flag per field, described from the declaration', () => {
    const cmd = declareOptions(new Command('masuk'), FORM_MASUK);
    const flag = Object.fromEntries(cmd.options.map((o) => [o.flags, o.description]));
    expect(Object.keys(flag)).toEqual([
      '--jumlah <jumlah>',
      '--sumber <nilai>',
      '--dana <nilai>',
      '--akun <nilai>',
      '--tanggal <tanggal>',
      '--donatur <nilai>',
      '--uraian <nilai>',
    ]);
    expect(flag['--jumlah <jumlah>']).toBe('jumlah — wajib');
    expect(flag['--sumber <nilai>']).toBe('sumber: lihat wksbm kode sumber — wajib');
    expect(flag['--tanggal <tanggal>']).toBe('tanggal (05/10/2026 atau 2026-10-05) (bawaan: hari ini)');
  });
});

describe('collect', () => {
  it('offers only the funds a source may go to, and types the amount as a number', async () => {
    const log: Tanya[] = [];
    const ctx = ctxDengan(berkas, prompter(['1,25jt', 'zakat', undefined, undefined, '2026-07-03', ''], log), true);
    const n = await collect(ctx, FORM_MASUK, {}, { ref, db: ledger.db });
    expect(log.find((t) => t.message === 'Dana')?.choices).toEqual(['zakat']);
    expect(log.find((t) => t.message === 'Akun')?.choices).toEqual(['tunai']);
    expect(n).toEqual({
      jumlah: 1_250_000,
      sumber: 'zakat',
      dana: 'zakat',
      akun: 'tunai',
      tanggal: '2026-07-03',
      donatur: null,
      uraian: null,
    });
  });

  it('asks a typed answer again when its rule refuses it (an activity not in book 8)', async () => {
    const log: Tanya[] = [];
    const jawaban = ['kegiatan', undefined, undefined, '2026-08-11', '45000', ['9', '1'], 'Konsumsi'];
    const n = await collect(ctxDengan(berkas, prompter(jawaban, log), true), FORM_KELUAR, {}, { ref, db: ledger.db });
    expect(log.find((t) => t.message.startsWith('Kegiatan'))?.ditolak).toEqual([
      'kegiatan "9" tidak ada (lihat wksbm kegiatan daftar).',
    ]);
    expect(n).toMatchObject({ jenis: 'kegiatan', dana: 'umum', kegiatan: 1, uraian: 'Konsumsi' });
  });

  it('refuses at once a choice that breaks a rule: zakat aid with no asnaf', async () => {
    const ctx = ctxDengan(berkas, prompter(['penyaluran', 'zakat', 'jaminan', '\u0000kosong'], []), true);
    await expect(collect(ctx, FORM_KELUAR, {}, { ref, db: ledger.db })).rejects.toThrow(RuleError);
  });

  it('from flags, refuses with the words the write path would use', async () => {
    const ctx = ctxDengan(berkas, prompter([], []), false);
    const opts = { jumlah: '5000', sumber: 'zakat', dana: 'umum' };
    await expect(collect(ctx, FORM_MASUK, opts, { ref, db: ledger.db })).rejects.toThrow(
      'Pemasukan dari sumber "zakat" harus masuk ke dana "zakat", bukan "umum".',
    );
    const n = await collect(ctx, FORM_MASUK, { jumlah: '5000', sumber: 'zakat' }, { ref, db: ledger.db });
    expect(n).toMatchObject({ jumlah: 5000, dana: 'zakat', akun: 'tunai', tanggal: '2026-11-22' });
  });
});
