// `wksbm cetak BUKU`: any of the 13 books as a printable .xlsx sheet.
import type { Command } from 'commander';
import { type BahanCetak, bahanCetak } from '../books/cetak.js';
import { PROFIL, type Profil } from '../books/profil.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { formatTanggal, parseDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { renderJson } from '../render/teks.js';
import { BUKU_CETAK, type BukuCetak, cariBukuCetak, tataCetak } from '../reports/cetak.js';
import { cetakPengumuman } from './pengumuman.js';

interface Rentang {
  dari?: string;
  sampai?: string;
}

function kepalaCetak(ctx: Context, buku: BukuCetak, profil: Profil, r: Rentang) {
  const p = profil;
  const wilayah = [
    `${p.sebutan_padukuhan} ${p.padukuhan}`,
    `${p.sebutan_kalurahan} ${p.kalurahan}`,
    `${p.sebutan_kapanewon} ${p.kapanewon}`,
    `${p.sebutan_kabupaten} ${p.kabupaten}`,
  ].join(' · ');
  const dari = r.dari ? formatTanggal(r.dari, true) : 'awal';
  const sampai = r.sampai ? formatTanggal(r.sampai, true) : 'sekarang';
  const periode = r.dari || r.sampai ? `Periode ${dari} – ${sampai}` : `Dicetak ${formatTanggal(ctx.today(), true)}`;
  return {
    judul: `${buku.nomorBuku ? `Buku ${buku.nomorBuku}: ` : ''}${buku.judul}`,
    baris: [`WKSBM ${p.nama}`, wilayah, periode],
    orientasi: buku.orientasi,
  };
}

function tandaTangan(ctx: Context, buku: BukuCetak, p: Profil) {
  const kosong = '..........................';
  const kanan: [string, string] =
    buku.penandatangan === 'bendahara' ? ['Bendahara', p.bendahara ?? kosong] : ['Sekretaris', p.sekretaris ?? kosong];
  return {
    tempatTanggal: `${p.kabupaten}, ${formatTanggal(ctx.today(), true)}`,
    kiri: ['Ketua', p.ketua ?? kosong] as [string, string],
    kanan,
  };
}

/** Book 13: the profile as label and value, with the stamp. */
async function cetakProfil(keluar: string, kepala: ReturnType<typeof kepalaCetak>, p: Profil): Promise<number> {
  const { tulisProfil } = await import('../render/cetak-xlsx.js');
  const isi = PROFIL.map(
    (f) =>
      [
        f.label,
        (p as unknown as Record<string, string | null>)[f.name] ?? null,
        f.type === 'tanggal' ? 'tanggal' : 'teks',
      ] as [string, string | null, 'tanggal' | 'teks'],
  );
  const cap = p.cap
    ? { buffer: Buffer.from(p.cap), extension: p.cap_mime === 'image/jpeg' ? ('jpeg' as const) : ('png' as const) }
    : null;
  await tulisProfil(keluar, kepala, isi, cap);
  return 0;
}

/** The book's rows, streamed into the sheet. */
async function cetakBaris(
  keluar: string,
  kepala: ReturnType<typeof kepalaCetak>,
  ttd: ReturnType<typeof tandaTangan>,
  bahan: BahanCetak,
  tata: ReturnType<typeof tataCetak>,
): Promise<number> {
  const { tulisBuku } = await import('../render/cetak-xlsx.js');
  const baris = bahan.baris;
  const petakan =
    Symbol.iterator in baris
      ? (function* () {
          for (const row of baris) yield tata.baris(row);
        })()
      : (async function* () {
          for await (const row of baris) yield tata.baris(row);
        })();
  return tulisBuku(keluar, kepala, tata.kolom, petakan, ttd, tata.pembuka);
}

export function register(program: Command, run: Run): void {
  const buku = BUKU_CETAK.map((b) => b.kode).join(', ');
  const ringkas =
    `mencetak satu buku sebagai lembar .xlsx siap cetak (A4). Buku: ${buku} (atau nomornya 1–13); ` +
    'pengumuman --triwulan 2026-3: satu halaman untuk papan pengumuman warga';
  subcommand(program, 'cetak <buku>', ringkas)
    .option('--dari <tanggal>', 'sejak tanggal (buku bertanggal)')
    .option('--sampai <tanggal>', 'sampai tanggal (buku bertanggal)')
    .option('-o, --keluar <berkas>', 'berkas .xlsx yang ditulis (bawaan: buku-<buku>.xlsx)')
    .option('--lengkap', 'tampilkan NIK utuh (bawaan: disamarkan)')
    .option('--triwulan <tahun-triwulan>', 'triwulan pengumuman, mis. 2026-3')
    .action(
      run(async (ctx, opts, [nama]) => {
        if (nama!.trim().toLowerCase() === 'pengumuman') return cetakPengumuman(ctx, opts);
        const buku = cariBukuCetak(nama!);
        if (!buku) throw new UserError(pesan.bukuTidakDikenal(nama!, [...BUKU_CETAK.map((b) => b.kode), 'pengumuman']));
        const dari = opts.dari ? parseDate(String(opts.dari), 'dari') : undefined;
        const sampai = opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined;
        const keluar = opts.keluar ? String(opts.keluar) : `buku-${buku.kode}.xlsx`;
        const r: Rentang = buku.bertanggal ? { dari, sampai } : {};
        const bahan = await bahanCetak(await ctx.ledger(), buku.sumber, r);
        const kepala = kepalaCetak(ctx, buku, bahan.profil, { dari, sampai });
        const tata = () => tataCetak(buku, Boolean(opts.lengkap), bahan.saldoAwal, r.dari, bahan.ref);
        const baris =
          buku.sumber.jenis === 'profil'
            ? await cetakProfil(keluar, kepala, bahan.profil)
            : await cetakBaris(keluar, kepala, tandaTangan(ctx, buku, bahan.profil), bahan, tata());
        ctx.io.out(ctx.json ? renderJson({ buku: buku.kode, keluar, baris }) : pesan.bukuDicetak(keluar, baris));
      }),
    );
}
