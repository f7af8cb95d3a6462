// `wksbm rekap`: the Dinas side — many units' quarterly workbooks into one recap workbook; with
// `--unit` the kabupaten's list of units against what came in, with `--csv` one flat row per unit.
import type { Command } from 'commander';
import { pemisahCsv, type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { renderJson } from '../render/teks.js';
import type { MejaDinas } from '../reports/meja-dinas.js';
import type { Rekap } from '../reports/rekap.js';

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'rekap <berkas...>',
    'merekap laporan triwulan banyak unit (.xlsx) menjadi satu buku kerja; berkas yang diubah setelah diekspor atau ' +
      'tak terbaca didaftar, tidak direkap',
  )
    .option('-o, --keluar <berkas>', 'berkas rekap yang ditulis', 'rekap-laporan-triwulan.xlsx')
    .option('--unit <berkas>', 'daftar unit kabupaten (CSV/XLSX: kode, nama unit, kapanewon, kalurahan): siapa belum')
    .option('--csv <berkas>', 'juga menulis satu baris per unit dan triwulan, setiap angka _data satu kolom')
    .option('--pemisah <tanda>', 'pemisah kolom CSV: ; (bawaan), , atau tab')
    .action(
      run(async (ctx, opts, berkas) => {
        if (berkas.length === 0) throw new UserError(pesan.rekapTanpaBerkas());
        const pemisah = pemisahCsv({ csv: opts.csv, pemisah: opts.pemisah });
        const { rekapBerkas } = await import('../import/rekap-berkas.js');
        const hasil = await rekapBerkas(berkas, {
          keluar: String(opts.keluar),
          tanggal: ctx.today(),
          daftar: opts.unit === undefined ? undefined : String(opts.unit),
          csv: pemisah ? { keluar: String(opts.csv), pemisah } : undefined,
          bermasalah: (m) => ctx.io.err(ctx.io.color.yellow(pesan.rekapBermasalah(m.berkas, m.masalah))),
        });
        if (ctx.json) ctx.io.out(renderJson(jsonRekap(hasil)));
        else await cetak(ctx, hasil);
        if (hasil.rekap.unit.length === 0) throw new LedgerError(pesan.rekapSemuaGagal());
      }),
    );
}

interface Hasil {
  keluar: string;
  rekap: Rekap;
  meja?: MejaDinas;
  csv?: { keluar: string; baris: number };
}

function jsonRekap(h: Hasil) {
  const r = h.rekap;
  return {
    keluar: h.keluar,
    unit: r.unit.length,
    total: r.total,
    kode_segel: r.unit.map((u) => ({ berkas: u.berkas, nama: u.nama, periode: u.periode, kode_segel: u.kode_segel })),
    bermasalah: r.bermasalah,
    ...(h.meja ? { daftar: h.meja } : {}),
    ...(h.csv ? { csv: h.csv } : {}),
  };
}

async function cetak(ctx: Context, h: Hasil): Promise<void> {
  const t = await import('../render/rekap-teks.js');
  const r = h.rekap;
  if (h.meja) {
    const kode = new Map(r.unit.map((u) => [u.berkas, u.kode_segel]));
    ctx.io.out(t.tabelMeja(ctx.io, h.meja, kode));
    if (h.meja.luar_daftar.length) {
      ctx.io.out(pesan.rekapLuarDaftar(h.meja.luar_daftar.length));
      ctx.io.out(t.tabelLuarDaftar(ctx.io, h.meja));
    }
    ctx.io.out(pesan.rekapPerKapanewon());
    ctx.io.out(t.tabelWilayah(ctx.io, h.meja.per_kapanewon, false));
    ctx.io.out(pesan.rekapPerKalurahan());
    ctx.io.out(t.tabelWilayah(ctx.io, h.meja.per_kalurahan, true));
    const n = (s: string) => h.meja!.unit.filter((u) => u.status === s).length;
    ctx.io.out(pesan.rekapRingkasMeja(h.meja.unit.length, n('terkirim'), n('belum'), n('ganda') + n('diubah')));
  } else if (r.unit.length) ctx.io.out(t.tabelUnit(ctx.io, r.unit));
  ctx.io.out(pesan.rekapDitulis(h.keluar, r.unit.length, r.bermasalah.length));
  if (h.csv) ctx.io.out(pesan.rekapCsvDitulis(h.csv.keluar, h.csv.baris));
}
