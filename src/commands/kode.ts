// `wksbm kode [daftar]`: the official lists as stored in this unit's file.
import type { Command } from 'commander';
import { bacaReferensi, type Referensi } from '../books/referensi.js';
import { type Run, subcommand } from '../cli/command.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { renderJson, renderTable } from '../render/teks.js';

const DAFTAR: Record<string, keyof Referensi> = {
  sumber: 'sumber',
  jenis: 'jenis',
  layanan: 'layanan',
  asnaf: 'asnaf',
  ppks: 'ppks',
  psks: 'psks',
  dana: 'dana',
  akun: 'akun',
};

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'kode [daftar]',
    `daftar kode resmi: ${Object.keys(DAFTAR).join(', ')} (tanpa argumen: semuanya)`,
  ).action(
    run(async (ctx, _opts, [nama]) => {
      if (nama !== undefined && !(nama in DAFTAR))
        throw new UserError(pesan.pilihanTidakDikenal('daftar', nama, Object.keys(DAFTAR)));
      const ref = await bacaReferensi((await ctx.ledger()).db);
      const dipilih = nama ? [nama] : Object.keys(DAFTAR);
      const hasil = Object.fromEntries(
        dipilih.map((d) => [
          d,
          (ref[DAFTAR[d]!] as { kode: string; nama: string; nomor?: number }[]).map((r) => ({
            ...(r.nomor !== undefined ? { nomor: r.nomor } : {}),
            kode: r.kode,
            nama: r.nama,
          })),
        ]),
      );
      if (ctx.json) return ctx.io.out(renderJson(nama ? hasil[nama] : hasil));
      for (const [d, rows] of Object.entries(hasil)) {
        ctx.io.out(ctx.io.color.bold(d));
        ctx.io.out(
          renderTable(
            ctx.io,
            [
              ...(rows[0] && 'nomor' in rows[0]
                ? [{ header: 'No', key: 'nomor', value: (r: { nomor?: number }) => r.nomor, align: 'right' as const }]
                : []),
              { header: 'Kode', key: 'kode', value: (r: { kode: string }) => r.kode },
              { header: 'Nama', key: 'nama', value: (r: { nama: string }) => r.nama },
            ],
            rows,
          ),
        );
      }
    }),
  );
}
