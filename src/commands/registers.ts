// The register books as commands: each is its declaration plus the few rules of its own.
import type { Command } from 'commander';
import { ANGGOTA, DONATUR, INVENTARIS, JEJARING, KEGIATAN, PPKS, PSKS, SURAT, TAMU } from '../books/registers.js';
import type { Buku } from '../books/buku.js';
import { fieldOf } from '../books/buku.js';
import { periksaPpks } from '../books/ppks.js';
import { RuleError, UserError } from '../domain/errors.js';
import { collect } from '../cli/form.js';
import { renderJson } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { biayaKegiatan, findPpksByNik, nextNomorAgenda, updateDenganJejak } from '../db/register-repo.js';
import { withTransaction } from '../db/transaction.js';
import { addImporCommand } from './impor.js';
import { type Kait, ambil, kendalaKeUserError, pasangBuku } from './register.js';

const kaitPpks: Kait = {
  bantuan:
    'NIK harus 16 angka. Tanggal lahir atau jenis kelamin yang tidak cocok dengan NIK, dan kategori yang tidak cocok dengan umur/jenis kelamin, hanya diperingatkan. ' +
    'Anak (< 18 tahun) dengan --dasar persetujuan wajib disertai --wali (nama wali yang menyetujui); dengan --dasar tugas_publik tanpa wali hanya diperingatkan',
  aturan: async (tx, baris, ctx, ref, lama) => {
    if (baris.nik) {
      const ada = await findPpksByNik(tx, String(baris.nik));
      if (ada && ada.id !== lama?.id) throw new UserError(pesan.nikSudahAda(ada.id));
    }
    return { peringatan: periksaPpks(baris as Record<string, string | null>, ref.ppks, ctx.today()) };
  },
};

const kaitSurat: Kait = {
  cara: [
    { nama: 'masuk', ringkas: 'mencatat surat masuk (nomor agenda masuk per tahun)', tetap: { arah: 'masuk' }, wajib: ['dari'], sembunyi: ['kepada'] },
    { nama: 'keluar', ringkas: 'mencatat surat keluar (nomor agenda keluar per tahun)', tetap: { arah: 'keluar' }, wajib: ['kepada'], sembunyi: ['dari'] },
  ],
  // Agenda numbers count per direction per year of recording, so they never repeat or move.
  aturan: async (tx, baris, ctx, _ref, lama) => {
    if (lama) return {};
    const tanggal_catat = ctx.today();
    const tahun = Number(tanggal_catat.slice(0, 4));
    return { tambahan: { tanggal_catat, tahun, nomor_agenda: await nextNomorAgenda(tx, String(baris.arah), tahun) } };
  },
};

const kaitInventaris: Kait = {
  bantuan: 'Barang yang rusak, dijual atau disumbangkan dicatat dengan `inventaris hapus ID --alasan ...` dan tetap ada di buku',
  tambahan: (noun: Command, run: Run) => {
    subcommand(noun, 'hapus <id>', 'mencatat penghapusan barang (rusak, dijual, disumbangkan); barang tetap tercatat di buku')
      .option('--alasan <alasan>', 'rusak, dijual atau disumbangkan')
      .option('--tanggal <tanggal>', 'tanggal penghapusan (bawaan: hari ini)')
      .action(
        run(async (ctx, opts, [idTeks]) => {
          const ledger = await ctx.ledger();
          const b = await ambil(ledger.db, INVENTARIS, idTeks!);
          const alasanF = { ...fieldOf(INVENTARIS, 'hapus_alasan'), name: 'alasan', required: true };
          const n = await collect(ctx, [alasanF, { ...fieldOf(INVENTARIS, 'hapus_tanggal'), name: 'tanggal', required: true, bawaan: () => ctx.today(), tanya: false }], opts);
          if (b.hapus_alasan) throw new RuleError(pesan.sudahDihapus(b.id, String(b.hapus_alasan)));
          await withTransaction(ledger.db, async (tx) => {
            try {
              await updateDenganJejak(tx, 'inventaris', b.id, [{ kolom: 'hapus_tanggal', lama: null, baru: n.tanggal }, { kolom: 'hapus_alasan', lama: null, baru: n.alasan }], ctx.user(), ctx.now());
            } catch (err) {
              throw kendalaKeUserError(err);
            }
          });
          ctx.io.out(ctx.json ? renderJson({ id: b.id, hapus_tanggal: n.tanggal, hapus_alasan: n.alasan }) : pesan.barangDihapus(String(b.nama), String(n.alasan)));
        }),
      );
  },
};

const kaitKegiatan: Kait = {
  bantuan: 'Biayanya dicatat dengan `kas keluar --jenis kegiatan --kegiatan ID` atau `salur --kegiatan ID`',
  hitung: async (db, ids) => {
    const biaya = await biayaKegiatan(db, ids);
    return new Map(ids.map((id) => [id, { biaya: biaya.get(id) ?? 0 }]));
  },
};

const kaitAnggota: Kait = {
  tambahan: (noun: Command, run: Run) => {
    for (const [nama, aktif, ringkas] of [
      ['keluar', 0, 'mencatat anggota yang sudah keluar: tetap di buku dan di daftar hadir lama, tidak lagi ditawarkan di daftar hadir'],
      ['aktifkan', 1, 'mengaktifkan kembali anggota yang pernah keluar'],
    ] as const) {
      subcommand(noun, `${nama} <id>`, ringkas).action(
        run(async (ctx, _opts, [idTeks]) => {
          const ledger = await ctx.ledger();
          const b = await ambil(ledger.db, ANGGOTA, idTeks!);
          if (Number(b.aktif) !== aktif) {
            await withTransaction(ledger.db, (tx) => updateDenganJejak(tx, 'anggota', b.id, [{ kolom: 'aktif', lama: b.aktif, baru: aktif }], ctx.user(), ctx.now()));
          }
          ctx.io.out(ctx.json ? renderJson({ id: b.id, nama: b.nama, aktif }) : pesan.anggotaAktif(String(b.nama), aktif === 1));
        }),
      );
    }
  },
};

/** `donatur impor FILE`, `ppks impor FILE`, `psks impor FILE`: the same import as `wksbm impor BUKU FILE`. */
const impor = (nama: string): Kait['tambahan'] => (noun, run) => void addImporCommand(noun, nama, run);

export const BUKU_REGISTER: Record<string, { buku: Buku; kait: Kait }> = {
  anggota: { buku: ANGGOTA, kait: kaitAnggota },
  donatur: { buku: DONATUR, kait: { tambahan: impor('donatur') } },
  ppks: { buku: PPKS, kait: { ...kaitPpks, tambahan: impor('ppks') } },
  psks: { buku: PSKS, kait: { tambahan: impor('psks') } },
  jejaring: { buku: JEJARING, kait: {} },
  tamu: { buku: TAMU, kait: {} },
  surat: { buku: SURAT, kait: kaitSurat },
  inventaris: { buku: INVENTARIS, kait: kaitInventaris },
  kegiatan: { buku: KEGIATAN, kait: kaitKegiatan },
};

/** The registry loads one noun at a time: `untuk('ppks')` is that noun's module. */
export function untuk(nama: string): { register(program: Command, run: Run): void } {
  const b = BUKU_REGISTER[nama];
  if (!b) throw new Error(`buku register tidak dikenal: ${nama}`);
  return { register: (program, run) => void pasangBuku(program, run, b.buku, b.kait) };
}
