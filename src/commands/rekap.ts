// `wksbm rekap`: the Dinas side — many units' quarterly workbooks into one recap workbook.
import type { Command } from 'commander';
import { type Run, subcommand } from '../cli/command.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { renderJson } from '../render/teks.js';
import { type Bermasalah, rekapLaporan, type UnitMasuk } from '../reports/rekap.js';

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'rekap <berkas...>',
    'merekap laporan triwulan banyak unit (.xlsx) menjadi satu buku kerja; berkas yang diubah setelah diekspor atau ' +
      'tak terbaca didaftar, tidak direkap',
  )
    .option('-o, --keluar <berkas>', 'berkas rekap yang ditulis', 'rekap-laporan-triwulan.xlsx')
    .action(
      run(async (ctx, opts, berkas) => {
        if (berkas.length === 0) throw new UserError(pesan.rekapTanpaBerkas());
        const { bacaLaporanUnit, tulisRekap } = await import('../render/rekap-xlsx.js');
        const masuk: UnitMasuk[] = [];
        const bermasalah: Bermasalah[] = [];
        const dilihat = new Map<string, string>();
        for (const b of berkas) {
          const hasil = await bacaLaporanUnit(b);
          if ('masalah' in hasil) {
            bermasalah.push(hasil);
            ctx.io.err(ctx.io.color.yellow(pesan.rekapBermasalah(b, hasil.masalah)));
          } else {
            // the same unit and quarter twice (a resent file) would be counted twice
            const l = hasil.laporan;
            const kunci = [
              l.unit.nama,
              l.unit.padukuhan,
              l.unit.kalurahan,
              l.unit.kapanewon,
              l.unit.kabupaten,
              l.periode.tahun,
              l.periode.triwulan,
            ].join('|');
            const sudah = dilihat.get(kunci);
            if (sudah) {
              const m = { berkas: b, masalah: pesan.rekapGanda(sudah) };
              bermasalah.push(m);
              ctx.io.err(ctx.io.color.yellow(pesan.rekapBermasalah(b, m.masalah)));
            } else {
              dilihat.set(kunci, b);
              masuk.push(hasil);
            }
          }
        }
        const rekap = rekapLaporan(masuk, bermasalah);
        const keluar = String(opts.keluar);
        await tulisRekap(rekap, keluar, ctx.today());
        if (ctx.json) ctx.io.out(renderJson({ keluar, unit: masuk.length, total: rekap.total, bermasalah }));
        else ctx.io.out(pesan.rekapDitulis(keluar, masuk.length, bermasalah.length));
        if (masuk.length === 0) throw new LedgerError(pesan.rekapSemuaGagal());
      }),
    );
}
