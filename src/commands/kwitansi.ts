// `wksbm kwitansi NOMOR` / `--triwulan 2026-3`: receipts (BKM) and bukti pengeluaran (BKK) for printing.
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import { parseTriwulan, romawi } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { bahanKwitansi, bahanKwitansiTriwulan } from '../ledger/kwitansi.js';
import { renderJson } from '../render/teks.js';
import { daftarKwitansi } from '../reports/kwitansi.js';

const namaBerkas = (nomor: string) => `kwitansi-${nomor.replace(/[^\w]+/g, '-')}.xlsx`;

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'kwitansi [nomor]',
    'menulis kwitansi (BKM) atau bukti pengeluaran (BKK) siap cetak (.xlsx A4, dua per halaman)',
  )
    .option('--triwulan <tahun-triwulan>', 'semua bukti satu triwulan dalam satu berkas, mis. 2026-3')
    .option(
      '-o, --keluar <berkas>',
      'berkas .xlsx yang ditulis (bawaan: kwitansi-<nomor>.xlsx); dengan --json hanya bila diberikan',
    )
    .action(
      run(async (ctx, opts, [nomor]) => {
        if (nomor && opts.triwulan) throw new UserError(pesan.kwitansiDuaPilihan(), 'triwulan');
        if (!nomor && !opts.triwulan) throw new UserError(pesan.kwitansiTanpaPilihan(), 'nomor bukti');
        const t = opts.triwulan ? parseTriwulan(String(opts.triwulan)) : null;
        const { db } = await ctx.ledger();
        const bahan = t ? await bahanKwitansiTriwulan(db, t) : await bahanKwitansi(db, nomor!);
        const daftar = daftarKwitansi(bahan.bukti, bahan.profil);
        const bawaan = t ? `kwitansi-${romawi(t.triwulan)}-${t.tahun}.xlsx` : namaBerkas(bahan.bukti[0]!.nomor);
        const keluar = opts.keluar ? String(opts.keluar) : ctx.json ? undefined : bawaan;
        if (keluar) {
          const { tulisKwitansi } = await import('../render/kwitansi-xlsx.js');
          await tulisKwitansi(keluar, daftar);
        }
        ctx.io.out(
          ctx.json
            ? renderJson({ keluar: keluar ?? null, kwitansi: daftar })
            : pesan.kwitansiDitulis(keluar!, daftar.length),
        );
      }),
    );
}
