// `wksbm laporan triwulan`: the quarterly workbook for Dinas Sosial, filled from the books.
import path from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../cli/context.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { renderJson } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { collect, type FormField } from '../cli/form.js';
import { loadBahanLaporan } from '../db/laporan-repo.js';
import { hariSebelum, parseDate, rentangTriwulan, romawi, type Triwulan } from '../domain/dates.js';
import { type LaporanTriwulan, laporanTriwulan } from '../reports/laporan-triwulan.js';

const ROMAWI_TW = ['I', 'II', 'III', 'IV'];

/** The quarter from flags, or asked at a terminal (this year by default). */
async function bacaTriwulan(ctx: Context, opts: Record<string, unknown>): Promise<Triwulan> {
  const fields: FormField[] = [
    { name: 'tahun', label: 'tahun', type: 'angka', required: true, bawaan: () => ctx.today().slice(0, 4) },
    { name: 'triwulan', label: 'triwulan', type: 'pilihan', required: true, pilihan: { tetap: ROMAWI_TW.map((r, i) => ({ kode: String(i + 1), nama: r })) } },
  ];
  const n = await collect(ctx, fields, opts);
  const tahun = Number(n.tahun);
  if (tahun < 1900 || tahun > 2200) throw new UserError(pesan.tahunTidakSah(String(n.tahun)));
  return { tahun, triwulan: Number(n.triwulan) as Triwulan['triwulan'] };
}

/** The quarter's model, from the books through the repository. */
export async function muatLaporan(ctx: Context, t: Triwulan, tanggalLaporan = ctx.today()) {
  const ledger = await ctx.ledger();
  const { dari, sampai } = rentangTriwulan(t);
  const bahan = await loadBahanLaporan(ledger.db, dari, sampai, hariSebelum(dari));
  if (!bahan) throw new LedgerError(pesan.profilBelumAda());
  return { model: laporanTriwulan(bahan, t, tanggalLaporan), cap: bahan.cap };
}

export function namaBerkasLaporan(m: LaporanTriwulan): string {
  const unit = String(m.unit.nama ?? 'unit').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `laporan-triwulan-${romawi(m.periode.triwulan)}-${m.periode.tahun}-${unit}.xlsx`;
}

export function register(program: Command, run: Run): void {
  const laporan = subcommand(program, 'laporan', 'laporan untuk Dinas Sosial');
  subcommand(laporan, 'triwulan', 'menulis buku kerja laporan triwulan (.xlsx) dari templat; --json mencetak angkanya saja')
    .option('--tahun <tahun>', 'tahun laporan (bawaan: tahun ini)')
    .option('--triwulan <1..4>', 'triwulan: 1 (Jan–Mar), 2 (Apr–Jun), 3 (Jul–Sep), 4 (Okt–Des)')
    .option('-o, --keluar <berkas>', 'berkas .xlsx yang ditulis (bawaan: laporan-triwulan-III-2026-<unit>.xlsx); dengan --json hanya ditulis bila diberikan')
    .option('--tanggal <tanggal>', 'tanggal laporan di tanda tangan (bawaan: hari ini)')
    .option('--templat <berkas>', 'templat .xlsx lain dengan penanda yang sama (bawaan: templates/laporan-triwulan.xlsx)')
    .action(
      run(async (ctx, opts) => {
        const t = await bacaTriwulan(ctx, opts);
        const tanggal = opts.tanggal ? parseDate(String(opts.tanggal), 'tanggal') : ctx.today();
        const { model, cap } = await muatLaporan(ctx, t, tanggal);
        const keluar = opts.keluar ? String(opts.keluar) : ctx.json ? undefined : namaBerkasLaporan(model);
        if (keluar) {
          const { tulisLaporan } = await import('../render/laporan-xlsx.js');
          const gambar = cap ? { buffer: cap.buffer, extension: cap.mime === 'image/jpeg' ? ('jpeg' as const) : ('png' as const) } : null;
          await tulisLaporan(model, gambar, { templat: opts.templat ? String(opts.templat) : undefined, keluar });
        }
        if (ctx.json) ctx.io.out(renderJson(model));
        else ctx.io.out(pesan.laporanDitulis(path.normalize(keluar!)));
      }),
    );
}
