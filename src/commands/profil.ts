// `wksbm profil`: show and edit the unit profile; `profil cap` stores the stamp (book 13).
import type { Command } from 'commander';
import { bacaProfil, PROFIL, type Profil, simpanCap, ubahProfil } from '../books/profil.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { collectGiven, declareOptions, formDari, opsional } from '../cli/form.js';
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

function pasangUbah(profil: Command, run: Run): void {
  const ringkas = 'mengubah isian profil, misalnya --lurah "Suharjo" atau --sebutan-kalurahan Desa';
  declareOptions(subcommand(profil, 'ubah', ringkas), opsional(FORM_PROFIL)).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const diubah = await ubahProfil(db, collectGiven(FORM_PROFIL, opts), ctx.jejak());
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
