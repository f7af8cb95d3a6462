// `wksbm init`: a new unit in a new ledger file.
import type { Command } from 'commander';
import { BAWAAN_PROFIL, berkasSiapInit, buatUnit, PROFIL, PROFIL_INIT } from '../books/profil.js';
import { type Run, subcommand } from '../cli/command.js';
import { collect, confirmSummary, declareOptions, type Form } from '../cli/form.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { renderJson } from '../render/teks.js';

/** Asked at a terminal: the fields of PROFIL_INIT; the rest keep their defaults. */
const FORM_INIT: Form = Object.fromEntries(
  PROFIL.map((f) => {
    const bawaan = BAWAAN_PROFIL[f.name];
    return [
      f.name,
      { ...f, tanya: PROFIL_INIT.includes(f.name), ...(bawaan === undefined ? {} : { bawaan: () => bawaan }) },
    ];
  }),
);

export function register(program: Command, run: Run): void {
  declareOptions(subcommand(program, 'init', 'membuat unit WKSBM baru (berkas buku baru)'), FORM_INIT).action(
    run(async (ctx, opts) => {
      enforce(await berkasSiapInit(ctx.dbPath));
      const isi = await collect(ctx, FORM_INIT, opts);
      await confirmSummary(
        ctx,
        'Unit baru:',
        PROFIL.map((f) => [f.label, String(isi[f.name] ?? '')]),
      );
      await buatUnit(ctx.dbPath, isi, ctx.now());
      ctx.io.out(
        ctx.json ? renderJson({ nama: isi.nama, berkas: ctx.dbPath }) : pesan.unitDibuat(String(isi.nama), ctx.dbPath),
      );
    }),
  );
}
