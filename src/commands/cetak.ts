// `wksbm cetak BUKU`: any of the 13 books as a printable .xlsx sheet.
import type { Command } from 'commander';
import { PROFIL } from '../books/profil.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { renderJson } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { saldoSebelum, streamHadir, streamNatura, streamPenyaluran, streamRegister } from '../db/cetak-repo.js';
import { streamKas } from '../db/kas-repo.js';
import { getProfil } from '../db/profil-repo.js';
import { formatTanggal, parseDate } from '../domain/dates.js';
import { BUKU_CETAK, cariBukuCetak, tataCetak } from '../reports/cetak.js';

export function register(program: Command, run: Run): void {
  subcommand(program, 'cetak <buku>', `mencetak satu buku sebagai lembar .xlsx siap cetak (A4). Buku: ${BUKU_CETAK.map((b) => b.kode).join(', ')} (atau nomornya 1–13)`)
    .option('--dari <tanggal>', 'sejak tanggal (buku bertanggal)')
    .option('--sampai <tanggal>', 'sampai tanggal (buku bertanggal)')
    .option('-o, --keluar <berkas>', 'berkas .xlsx yang ditulis (bawaan: buku-<buku>.xlsx)')
    .option('--lengkap', 'tampilkan NIK utuh (bawaan: disamarkan)')
    .action(
      run(async (ctx, opts, [nama]) => {
        const buku = cariBukuCetak(nama!);
        if (!buku) throw new UserError(pesan.bukuTidakDikenal(nama!, BUKU_CETAK.map((b) => b.kode)));
        const dari = opts.dari ? parseDate(String(opts.dari), 'dari') : undefined;
        const sampai = opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined;
        const keluar = opts.keluar ? String(opts.keluar) : `buku-${buku.kode}.xlsx`;
        const ledger = await ctx.ledger();
        const profil = await getProfil(ledger.db);
        if (!profil) throw new LedgerError(pesan.profilBelumAda());
        const { tulisBuku, tulisProfil } = await import('../render/cetak-xlsx.js');
        const wilayah = `${profil.sebutan_padukuhan} ${profil.padukuhan} · ${profil.sebutan_kalurahan} ${profil.kalurahan} · ${profil.sebutan_kapanewon} ${profil.kapanewon} · ${profil.sebutan_kabupaten} ${profil.kabupaten}`;
        const periode = dari || sampai ? `Periode ${dari ? formatTanggal(dari, true) : 'awal'} – ${sampai ? formatTanggal(sampai, true) : 'sekarang'}` : `Dicetak ${formatTanggal(ctx.today(), true)}`;
        const kepala = { judul: `${buku.nomorBuku ? `Buku ${buku.nomorBuku}: ` : ''}${buku.judul}`, baris: [`WKSBM ${profil.nama}`, wilayah, periode], orientasi: buku.orientasi };
        let baris = 0;
        if (buku.sumber.jenis === 'profil') {
          const isi = PROFIL.map((f) => [f.label, (profil as unknown as Record<string, string | null>)[f.name] ?? null, f.type === 'tanggal' ? 'tanggal' : 'teks'] as [string, string | null, 'tanggal' | 'teks']);
          const cap = profil.cap ? { buffer: Buffer.from(profil.cap), extension: profil.cap_mime === 'image/jpeg' ? ('jpeg' as const) : ('png' as const) } : null;
          await tulisProfil(keluar, kepala, isi, cap);
        } else {
          const r = { dari: buku.bertanggal ? dari : undefined, sampai: buku.bertanggal ? sampai : undefined };
          const s = buku.sumber;
          const saldoAwal = s.jenis === 'kas' && !s.arah && r.dari ? await saldoSebelum(ledger.db, r.dari) : 0;
          const tata = tataCetak(buku, Boolean(opts.lengkap), saldoAwal, r.dari);
          const sumber =
            s.jenis === 'register' ? streamRegister(ledger.db, s.buku.tabel, s.buku.tanggal, r)
            : s.jenis === 'kas' ? streamKas(ledger.db, { ...r, arah: s.arah })
            : s.jenis === 'natura' ? streamNatura(ledger.db, r)
            : s.jenis === 'hadir' ? streamHadir(ledger.db, r)
            : s.jenis === 'penyaluran' ? streamPenyaluran(ledger.db, r)
            : streamRegister(ledger.db, s.jenis, 'tanggal', r);
          async function* petakan() {
            for await (const row of sumber) yield tata.baris(row as Record<string, unknown>);
          }
          const tandaTangan = {
            tempatTanggal: `${profil.kabupaten}, ${formatTanggal(ctx.today(), true)}`,
            kiri: ['Ketua', profil.ketua ?? '..........................'] as [string, string],
            kanan: buku.penandatangan === 'bendahara' ? (['Bendahara', profil.bendahara ?? '..........................'] as [string, string]) : (['Sekretaris', profil.sekretaris ?? '..........................'] as [string, string]),
          };
          baris = await tulisBuku(keluar, kepala, tata.kolom, petakan(), tandaTangan, tata.pembuka);
        }
        ctx.io.out(ctx.json ? renderJson({ buku: buku.kode, keluar, baris }) : pesan.bukuDicetak(keluar, baris));
      }),
    );
}
