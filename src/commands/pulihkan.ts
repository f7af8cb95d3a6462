// `wksbm pulihkan`: lists the backups (newest first), or puts one back after checking it.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import { Dibatalkan } from '../cli/form.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { daftarCadangan, folderCadangan, type InfoCadangan, pulihkan, salinanSah } from '../ledger/cadangan.js';
import { type Kolom, renderJson, renderTable } from '../render/teks.js';

const KOLOM: Kolom<InfoCadangan>[] = [
  { header: 'Waktu', key: 'waktu', value: (r) => r.waktu.slice(0, 19).replace('T', ' ') },
  { header: 'Ukuran', key: 'ukuran', value: (r) => `${Math.ceil(r.ukuran / 1024)} KB`, align: 'right' },
  { header: 'Entri kas', key: 'kas', value: (r) => (r.sah ? r.kas : ''), align: 'right' },
  { header: 'Bukti terakhir', key: 'bukti_terakhir', value: (r) => (r.sah ? (r.bukti_terakhir ?? '-') : 'RUSAK') },
  { header: 'Berkas', key: 'berkas', value: (r) => r.berkas },
];

export function register(program: Command, run: Run): void {
  const ringkas = 'tanpa argumen: daftar cadangan (terbaru dulu); dengan berkas: memulihkan berkas buku darinya';
  subcommand(program, 'pulihkan [cadangan]', ringkas)
    .option('--dari <folder>', 'folder cadangan (bawaan: cadangan/ di samping berkas buku)')
    .action(
      run(async (ctx, opts, [arg]) => {
        const folder = opts.dari ? String(opts.dari) : undefined;
        if (arg === undefined) {
          const d = daftarCadangan(ctx.dbPath, folder);
          if (ctx.json) return ctx.io.out(renderJson(d.cadangan));
          if (!d.cadangan.length) return ctx.io.out(pesan.cadanganTidakAda(d.folder));
          return ctx.io.out(renderTable(ctx.io, KOLOM, d.cadangan));
        }
        const dalamFolder = path.join(folderCadangan(ctx.dbPath, folder), arg);
        const salinan = enforce(salinanSah(fs.existsSync(arg) || !fs.existsSync(dalamFolder) ? arg : dalamFolder));
        if (!ctx.yes) {
          if (!ctx.interactive) throw new UserError(pesan.pulihkanPerluYes());
          const message = pesan.konfirmasiPulihkan(ctx.dbPath, salinan);
          const ya = await ctx.prompter.confirm({ message, default: false });
          if (!ya) throw new Dibatalkan(pesan.dibatalkanPengguna());
        }
        const { lama } = await pulihkan(ctx.dbPath, salinan);
        if (ctx.json) ctx.io.out(renderJson({ berkas: ctx.dbPath, dari: salinan, sebelumnya: lama }));
        else ctx.io.out(pesan.dipulihkan(ctx.dbPath, salinan, lama));
      }),
    );
}
