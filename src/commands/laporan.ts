// `wksbm laporan triwulan`: the quarterly workbook for Dinas Sosial, filled from the books.
import path from 'node:path';
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { collect, declareOptions, type Form } from '../cli/form.js';
import { parseDate, romawi, type Triwulan, triwulanTerakhirSelesai } from '../domain/dates.js';
import { pesan } from '../domain/pesan.js';
import { bahanLaporan, tahunSah } from '../ledger/laporan.js';
import { rantaiSekarang } from '../ledger/segel.js';
import { renderJson } from '../render/teks.js';
import { type LaporanTriwulan, laporanTriwulan } from '../reports/laporan-triwulan.js';

const ROMAWI_TW = ['I', 'II', 'III', 'IV'];

const FORM_TRIWULAN = {
  tahun: {
    name: 'tahun',
    label: 'tahun',
    type: 'angka',
    required: true,
    help: 'bawaan: tahun ini',
    bawaan: (_, env) => env.hariIni.slice(0, 4),
    aturan: (tahun) => tahunSah(tahun),
  },
  triwulan: {
    name: 'triwulan',
    label: 'triwulan',
    type: 'pilihan',
    required: true,
    help: '1 (Jan–Mar), 2 (Apr–Jun), 3 (Jul–Sep), 4 (Okt–Des)',
    pilihan: { tetap: ROMAWI_TW.map((r, i) => ({ kode: String(i + 1), nama: r })) },
  },
} satisfies Form;

/**
 * At a terminal the report asked for is most often the one just ended, so that quarter (and its year) is
 * offered; a script keeps naming --triwulan, and its --tahun still defaults to this year.
 */
function formTriwulan(ctx: Context, opts: Record<string, unknown>): Form {
  if (!ctx.interactive || opts.triwulan !== undefined) return FORM_TRIWULAN;
  const lalu = triwulanTerakhirSelesai(ctx.today());
  return {
    tahun: { ...FORM_TRIWULAN.tahun, bawaan: () => String(lalu.tahun) },
    triwulan: {
      ...FORM_TRIWULAN.triwulan,
      bawaan: (isi) => (isi.tahun === lalu.tahun ? String(lalu.triwulan) : undefined),
    },
  };
}

/**
 * The quarter's model and the stamp, from the books: the cash entries one by one only when `rinci`, as a
 * stream for the workbook when `aliran`.
 */
async function muatLaporan(ctx: Context, t: Triwulan, tanggalLaporan: string, rinci: boolean, aliran: boolean) {
  const bahan = await bahanLaporan(await ctx.ledger(), t, rinci, aliran);
  return { model: laporanTriwulan(bahan, t, tanggalLaporan), cap: bahan.cap };
}

/** The figures without the row-level cash book (which `--rinci` asks for). */
function tanpaBukuKas({
  buku_kas: _baris,
  aliran_kas: _aliran,
  ...angka
}: LaporanTriwulan): Omit<LaporanTriwulan, 'buku_kas' | 'aliran_kas'> {
  return angka;
}

export function namaBerkasLaporan(m: LaporanTriwulan): string {
  const unit = String(m.unit.nama ?? 'unit')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `laporan-triwulan-${romawi(m.periode.triwulan)}-${m.periode.tahun}-${unit}.xlsx`;
}

export function register(program: Command, run: Run): void {
  const laporan = subcommand(program, 'laporan', 'laporan untuk Dinas Sosial');
  const ringkas = 'menulis buku kerja laporan triwulan (.xlsx) dari templat; --json mencetak angkanya saja';
  declareOptions(subcommand(laporan, 'triwulan', ringkas), FORM_TRIWULAN)
    .option(
      '-o, --keluar <berkas>',
      'berkas .xlsx yang ditulis (bawaan: laporan-triwulan-III-2026-<unit>.xlsx); dengan --json hanya ditulis bila ' +
        'diberikan',
    )
    .option('--rinci', 'dengan --json: sertakan buku kas triwulan baris demi baris (buku_kas)')
    .option('--tanggal <tanggal>', 'tanggal laporan di tanda tangan (bawaan: hari ini)')
    .option(
      '--templat <berkas>',
      'templat .xlsx lain dengan penanda yang sama (bawaan: templates/laporan-triwulan.xlsx)',
    )
    .action(
      run(async (ctx, opts) => {
        const n = await collect(ctx, formTriwulan(ctx, opts), opts);
        const t = { tahun: Number(n.tahun), triwulan: Number(n.triwulan) as Triwulan['triwulan'] };
        const tanggal = opts.tanggal ? parseDate(String(opts.tanggal), 'tanggal') : ctx.today();
        // a workbook is written unless --json alone asks for the figures; it holds the cash book row by row,
        // streamed from the books unless --json --rinci prints the rows too
        const tulis = Boolean(opts.keluar) || !ctx.json;
        const rinci = Boolean(opts.rinci);
        const { model, cap } = await muatLaporan(ctx, t, tanggal, rinci, tulis && !rinci);
        const keluar = opts.keluar ? String(opts.keluar) : tulis ? namaBerkasLaporan(model) : undefined;
        if (keluar) {
          const { tulisLaporan } = await import('../render/laporan-xlsx.js');
          // the seal: where the chains stand as this workbook leaves the file
          const rantai = await rantaiSekarang((await ctx.ledger()).db);
          const gambar = cap
            ? { buffer: cap.buffer, extension: cap.mime === 'image/jpeg' ? ('jpeg' as const) : ('png' as const) }
            : null;
          const templat = opts.templat ? String(opts.templat) : undefined;
          await tulisLaporan(model, gambar, { templat, keluar, rantai });
        }
        if (ctx.json) ctx.io.out(renderJson(opts.rinci ? model : tanpaBukuKas(model)));
        else ctx.io.out(pesan.laporanDitulis(path.normalize(keluar!)));
      }),
    );
}
