// `wksbm periksa`: exit 0 only when every check holds.
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { periksa, periksaLaporan, type Temuan } from '../ledger/periksa.js';
import { renderJson } from '../render/teks.js';

export class AdaTemuan extends LedgerError {}

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'periksa',
    'memeriksa keutuhan berkas, susunan dan syarat tabel, kunci asing, rantai hash, jurnal, urutan bukti dan saldo',
  )
    .option(
      '--lengkap',
      'pemeriksaan berkas penuh (integrity_check: tiap indeks dicocokkan dengan tabelnya baris demi baris; ' +
        'lebih lama). Tanpa ini: pemeriksaan cepat (quick_check), cukup untuk pemeriksaan mingguan',
    )
    .option('--laporan <berkas...>', 'juga mencocokkan buku dengan segel laporan triwulan .xlsx yang sudah diserahkan')
    .action(
      run(async (ctx, opts) => {
        const ledger = await ctx.ledger();
        const temuan: Temuan[] = await periksa(ledger, { lengkap: Boolean(opts.lengkap) });
        for (const berkas of (opts.laporan as string[] | undefined) ?? []) {
          const { bacaDataLaporan } = await import('../import/laporan-unit.js');
          temuan.push(...(await periksaLaporan(ledger.db, berkas, bacaDataLaporan(berkas))));
        }
        if (ctx.json) ctx.io.out(renderJson({ ok: temuan.length === 0, temuan }));
        else if (temuan.length === 0) ctx.io.out(ctx.io.color.green(pesan.periksaBaik()));
        else for (const t of temuan) ctx.io.out(`${ctx.io.color.red(`[${t.jenis}]`)} ${t.pesan}`);
        if (temuan.length) throw new AdaTemuan(pesan.periksaTemuan(temuan.length));
      }),
    );
}
