// `wksbm rekap`: the Dinas side — many units' quarterly workbooks into one recap workbook.
import type { Command } from 'commander';
import { LedgerError, UserError } from '../cli/errors.js';
import { renderJson } from '../cli/output.js';
import { pesan } from '../cli/pesan.js';
import { type Run, subcommand } from '../cli/program.js';
import { type Bermasalah, rekapLaporan, type UnitMasuk } from '../reports/rekap.js';

export function register(program: Command, run: Run): void {
  subcommand(program, 'rekap <berkas...>', 'merekap laporan triwulan banyak unit (.xlsx) menjadi satu buku kerja; berkas yang diubah setelah diekspor atau tak terbaca didaftar, tidak direkap')
    .option('-o, --keluar <berkas>', 'berkas rekap yang ditulis', 'rekap-laporan-triwulan.xlsx')
    .action(
      run(async (ctx, opts, berkas) => {
        if (berkas.length === 0) throw new UserError(pesan.rekapTanpaBerkas());
        const { bacaLaporanUnit, tulisRekap } = await import('../render/rekap-xlsx.js');
        const masuk: UnitMasuk[] = [];
        const bermasalah: Bermasalah[] = [];
        for (const b of berkas) {
          const hasil = await bacaLaporanUnit(b);
          if ('masalah' in hasil) {
            bermasalah.push(hasil);
            ctx.io.err(ctx.io.color.yellow(pesan.rekapBermasalah(b, hasil.masalah)));
          } else masuk.push(hasil);
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
