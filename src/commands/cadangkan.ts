// `wksbm cadangkan`: a consistent copy through SQLite's backup API, keeping the newest N.
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { buatCadangan, jumlahSimpan } from '../ledger/cadangan.js';
import { renderJson } from '../render/teks.js';

export function register(program: Command, run: Run): void {
  subcommand(program, 'cadangkan', 'membuat salinan cadangan berkas buku (bertanggal) dan menyimpan N yang terbaru')
    .option('--ke <folder>', 'folder cadangan (bawaan: cadangan/ di samping berkas buku)')
    .option('--simpan <n>', 'berapa cadangan terbaru disimpan', '10')
    .action(
      run(async (ctx, opts) => {
        const simpan = enforce(jumlahSimpan(String(opts.simpan)));
        const c = await buatCadangan(await ctx.ledger(), { folder: opts.ke ? String(opts.ke) : undefined, simpan });
        ctx.io.out(
          ctx.json
            ? renderJson({ berkas: c.berkas, dihapus: c.dihapus })
            : pesan.cadanganDitulis(c.berkas, c.dihapus.length),
        );
      }),
    );
}
