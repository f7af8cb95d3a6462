// `wksbm cadangkan`: a consistent copy through SQLite's backup API, keeping the newest N.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../domain/errors.js';
import { renderJson } from '../render/teks.js';
import { type Run, subcommand } from '../cli/command.js';

export function register(program: Command, run: Run): void {
  subcommand(program, 'cadangkan', 'membuat salinan cadangan berkas buku (bertanggal) dan menyimpan N yang terbaru')
    .option('--ke <folder>', 'folder cadangan (bawaan: cadangan/ di samping berkas buku)')
    .option('--simpan <n>', 'berapa cadangan terbaru disimpan', '10')
    .action(
      run(async (ctx, opts) => {
        const simpan = Number(opts.simpan);
        if (!Number.isInteger(simpan) || simpan < 1) throw new UserError(`simpan "${String(opts.simpan)}" tidak sah: tulis bilangan bulat 1 atau lebih.`);
        const ledger = await ctx.ledger();
        const folder = opts.ke ? String(opts.ke) : path.join(path.dirname(path.resolve(ctx.dbPath)), 'cadangan');
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        const dasar = path.basename(ctx.dbPath).replace(/\.sqlite$/, '');
        const cap = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
        const tujuan = path.join(folder, `${dasar}-${cap}.sqlite`);
        await ledger.sqlite.backup(tujuan);
        fs.chmodSync(tujuan, 0o600);
        const lama = fs.readdirSync(folder).filter((f) => f.startsWith(`${dasar}-`) && f.endsWith('.sqlite')).sort().reverse().slice(simpan);
        for (const f of lama) fs.rmSync(path.join(folder, f));
        ctx.io.out(ctx.json ? renderJson({ berkas: tujuan, dihapus: lama }) : `Cadangan ditulis ke ${tujuan}${lama.length ? `; ${lama.length} cadangan lama dihapus` : ''}.`);
      }),
    );
}
