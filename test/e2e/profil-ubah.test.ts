// `profil ubah` at a terminal: the fields init asks, current values as defaults, Simpan / Ubah isian / Batal.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type Prompter, scriptedPrompter } from '../../src/cli/prompter.js';
import { jalan } from '../fixtures/unit-contoh.js';
import { snapshot, unitBaru, wksbm } from '../helpers.js';
import { bufferIo } from './prompt-io.js';

/** A scripted prompter that also notes each text question's default. */
function dicatat(jawaban: unknown[]) {
  const log: string[] = [];
  const bawaan: Record<string, string | undefined> = {};
  const dasar = scriptedPrompter(jawaban, log);
  const prompter: Prompter = {
    ...dasar,
    input: async (o) => {
      bawaan[o.message] = o.default;
      return dasar.input(o);
    },
  };
  return { prompter, log, bawaan };
}

async function ubahDiTerminal(db: string, prompter: Prompter, ...args: string[]) {
  const { io, out, err } = bufferIo();
  const code = await main(['node', 'wksbm', '--db', db, 'profil', 'ubah', ...args], {
    prompter,
    interactive: true,
    io,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// nama … provinsi, alamat, telepon, SK nomor and tanggal, ketua, sekretaris, bendahara, lurah
const TETAP = (n: number) => Array.from({ length: n }, () => undefined);

describe('profil ubah at a terminal', () => {
  it('asks with the current values as defaults and writes only what changed', async () => {
    const db = await unitBaru();
    const { prompter, log, bawaan } = dicatat([
      ...TETAP(6),
      'Jl. Parangtritis km 10, Jetis',
      '0274-367 123',
      ...TETAP(6),
      true,
    ]);
    const r = await ubahDiTerminal(db, prompter);
    expect(r.code, r.err).toBe(0);
    expect(log.slice(0, 8)).toEqual([
      'Nama unit WKSBM',
      'Padukuhan',
      'Kalurahan',
      'Kapanewon',
      'Kabupaten (boleh kosong)',
      'Provinsi (boleh kosong)',
      'Alamat sekretariat (boleh kosong)',
      'Telepon sekretariat (boleh kosong)',
    ]);
    expect(log.at(-1)).toBe('Simpan?');
    expect(bawaan).toMatchObject({
      'Nama unit WKSBM': 'Ngudi Mulyo',
      'Kabupaten (boleh kosong)': 'Bantul',
      'Nama Lurah (boleh kosong)': 'Suharjo',
    });
    expect(r.err).toMatch(/alamat sekretariat\s+\(kosong\) → Jl\. Parangtritis km 10, Jetis\n.*→ 0274367123/);
    const p = await jalan(db, 'profil');
    expect([p.nama, p.alamat, p.telepon, p.lurah]).toEqual([
      'Ngudi Mulyo',
      'Jl. Parangtritis km 10, Jetis',
      '0274367123',
      'Suharjo',
    ]);
    // the second time round the new values are the defaults; keeping them all writes nothing
    const lagi = dicatat([...TETAP(14), true]);
    const sebelum = snapshot(db);
    const r2 = await ubahDiTerminal(db, lagi.prompter);
    expect(r2.code, r2.err).toBe(0);
    expect(lagi.bawaan['Telepon sekretariat (boleh kosong)']).toBe('0274367123');
    expect(r2.out).toContain('Profil tidak diubah');
    expect(snapshot(db)).toBe(sebelum);
  });

  it('Ubah isian asks one field again; Batal leaves the file as it was', async () => {
    const db = await unitBaru();
    const ubah = dicatat([...TETAP(13), 'Suparjo', 'ubah', 'lurah', 'Suharjo Wibowo', true]);
    expect((await ubahDiTerminal(db, ubah.prompter)).code).toBe(0);
    expect((await jalan(db, 'profil')).lurah).toBe('Suharjo Wibowo');
    const sebelum = snapshot(db);
    const batal = dicatat([...TETAP(13), 'Parjo', false]);
    expect((await ubahDiTerminal(db, batal.prompter)).code).not.toBe(0);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('a flag at a terminal is taken without asking the rest; a script without flags is refused', async () => {
    const db = await unitBaru();
    const { prompter, log } = dicatat([true]);
    expect((await ubahDiTerminal(db, prompter, '--telepon', '0274 367 123')).code).toBe(0);
    expect(log).toEqual(['Simpan?']);
    expect((await jalan(db, 'profil')).telepon).toBe('0274367123');
    const r = await wksbm(db, ['profil', 'ubah']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tidak ada yang diubah/);
  });
});
