// `wksbm cetak pengumuman --triwulan 2026-3`: the residents' notice, one A4 page, from the quarterly report's model.
import type { Context } from '../cli/context.js';
import { parseTriwulan, romawi } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { bahanLaporan } from '../ledger/laporan.js';
import { renderJson } from '../render/teks.js';
import { laporanTriwulan } from '../reports/laporan-triwulan.js';
import { pengumuman } from '../reports/pengumuman.js';

export async function cetakPengumuman(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  if (!opts.triwulan) throw new UserError(pesan.pengumumanTanpaTriwulan(), 'triwulan');
  const t = parseTriwulan(String(opts.triwulan));
  const model = pengumuman(laporanTriwulan(await bahanLaporan(await ctx.ledger(), t), t, ctx.today()));
  const keluar = opts.keluar
    ? String(opts.keluar)
    : ctx.json
      ? undefined
      : `pengumuman-${romawi(t.triwulan)}-${t.tahun}.xlsx`;
  if (keluar) {
    const { tulisPengumuman } = await import('../render/pengumuman-xlsx.js');
    await tulisPengumuman(keluar, model);
  }
  ctx.io.out(ctx.json ? renderJson({ keluar: keluar ?? null, pengumuman: model }) : pesan.pengumumanDitulis(keluar!));
}
