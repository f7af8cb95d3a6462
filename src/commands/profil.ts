// `wksbm profil`: show and edit the unit profile; `profil cap` stores the stamp (book 13).
import type { Command } from 'commander';
import type { Nilai } from '../books/field.js';
import { bacaProfil, PROFIL, PROFIL_INIT, type Profil, simpanCap, ubahanProfil, ubahProfil } from '../books/profil.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import {
  collectConfirmed,
  collectGiven,
  declareOptions,
  type Form,
  formDari,
  opsional,
  type Ringkasan,
} from '../cli/form.js';
import { formatTanggal } from '../domain/dates.js';
import { pesan } from '../domain/pesan.js';
import { renderJson, renderTable } from '../render/teks.js';

const FORM_PROFIL = formDari(PROFIL);

function tampilProfil(ctx: Context, p: Profil): void {
  const { cap, ...rest } = p;
  if (ctx.json) return ctx.io.out(renderJson({ ...rest, cap: cap ? { mime: p.cap_mime, byte: cap.length } : null }));
  const rows = PROFIL.map((f) => {
    const v = (p as unknown as Record<string, unknown>)[f.name];
    return [f.label, f.type === 'tanggal' ? formatTanggal(v as string | null, true) : String(v ?? '')];
  });
  rows.push(['cap', cap ? `ada (${p.cap_mime}, ${cap.length} byte)` : 'belum ada']);
  const kolom = [
    { header: 'Isian', key: 'k', value: (r: string[]) => r[0] },
    { header: 'Nilai', key: 'v', value: (r: string[]) => r[1] },
  ];
  ctx.io.out(renderTable(ctx.io, kolom, rows));
}

/**
 * `profil ubah` at a terminal: the fields `init` asks (address and phone among them), each with its
 * current value as the default, then Simpan / Ubah isian / Batal. Fields given as flags are not asked;
 * with flags only those are offered for saving. The other fields keep their values.
 */
function formUbah(lama: Profil, adaFlag: boolean): Form {
  const kini = lama as unknown as Record<string, unknown>;
  return Object.fromEntries(
    PROFIL.map((f) => {
      const v = kini[f.name];
      const bawaan = v === null || v === undefined || v === '' ? undefined : String(v);
      return [f.name, { ...f, tanya: !adaFlag && PROFIL_INIT.includes(f.name), bawaan: () => bawaan }];
    }),
  );
}

/** What will change, as the summary before Simpan shows it. */
function ringkasUbah(lama: Profil, isi: Record<string, Nilai>): Ringkasan {
  const ubahan = ubahanProfil(lama, isi);
  const kini = lama as unknown as Record<string, unknown>;
  const teks = (v: unknown) => (v === null || v === undefined || v === '' ? '(kosong)' : String(v));
  const baris = PROFIL.filter((f) => f.name in ubahan).map((f): [string, string] => [
    f.label,
    `${teks(kini[f.name])} → ${teks(ubahan[f.name])}`,
  ]);
  return ['Perubahan profil:', baris.length ? baris : [['(tidak ada)', 'semua isian tetap']]];
}

async function tanyaUbah(ctx: Context, lama: Profil, opts: Record<string, unknown>): Promise<Record<string, Nilai>> {
  const adaFlag = Object.keys(collectGiven(FORM_PROFIL, opts)).length > 0;
  const isi = await collectConfirmed(ctx, formUbah(lama, adaFlag), opts, {}, (x) => ringkasUbah(lama, x));
  return ubahanProfil(lama, isi);
}

function pasangUbah(profil: Command, run: Run): void {
  const ringkas =
    'mengubah isian profil; di terminal ditanyakan dengan nilai sekarang sebagai bawaan, dalam skrip ' +
    'lewat opsi, misalnya --lurah "Suharjo" atau --sebutan-kalurahan Desa';
  declareOptions(subcommand(profil, 'ubah', ringkas), opsional(FORM_PROFIL)).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const ubahan = ctx.interactive
        ? await tanyaUbah(ctx, await bacaProfil(db), opts)
        : collectGiven(FORM_PROFIL, opts);
      if (ctx.interactive && Object.keys(ubahan).length === 0) return ctx.io.out(pesan.profilTetap());
      const diubah = await ubahProfil(db, ubahan, ctx.jejak());
      ctx.io.out(ctx.json ? renderJson({ diubah }) : pesan.profilDiubah());
    }),
  );
}

function pasangCap(profil: Command, run: Run): void {
  const ringkas = 'menyimpan gambar cap/stempel unit (PNG atau JPEG) ke dalam berkas buku';
  subcommand(profil, 'cap <berkas>', ringkas).action(
    run(async (ctx, _opts, [berkas]) => {
      const { mime, byte } = await simpanCap((await ctx.ledger()).db, berkas!, ctx.jejak());
      ctx.io.out(ctx.json ? renderJson({ mime, byte }) : pesan.capDisimpan(byte));
    }),
  );
}

export function register(program: Command, run: Run): void {
  const profil = subcommand(program, 'profil', 'menampilkan profil unit; `profil ubah` dan `profil cap` mengubahnya');
  profil.action(run(async (ctx) => tampilProfil(ctx, await bacaProfil((await ctx.ledger()).db))));
  pasangUbah(profil, run);
  pasangCap(profil, run);
}
