// `wksbm periksa`: exit 0 only when every check holds.
import type { Command } from 'commander';
import { LedgerError } from '../domain/errors.js';
import { renderJson } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { periksa } from '../ledger/periksa.js';

export class AdaTemuan extends LedgerError {}

export function register(program: Command, run: Run): void {
  subcommand(program, 'periksa', 'memeriksa keutuhan berkas, kunci asing, rantai hash, urutan bukti dan saldo').action(
    run(async (ctx) => {
      const ledger = await ctx.ledger();
      const temuan = await periksa(ledger.db);
      if (ctx.json) ctx.io.out(renderJson({ ok: temuan.length === 0, temuan }));
      else if (temuan.length === 0) ctx.io.out(ctx.io.color.green(pesan.periksaBaik()));
      else for (const t of temuan) ctx.io.out(`${ctx.io.color.red(`[${t.jenis}]`)} ${t.pesan}`);
      if (temuan.length) throw new AdaTemuan(pesan.periksaTemuan(temuan.length));
    }),
  );
}
