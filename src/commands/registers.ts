// The register books as commands: each is its declaration plus the few command shapes of its own
// (surat masuk/keluar, inventaris hapus, anggota keluar); their rules live in src/books/register.ts.
import type { Command } from 'commander';
import type { Buku } from '../books/buku.js';
import { fieldOf } from '../books/buku.js';
import { aturKeanggotaan, bolehDihapus, hapusInventaris } from '../books/register.js';
import { ANGGOTA, DONATUR, INVENTARIS, JEJARING, KEGIATAN, PPKS, PSKS, SURAT, TAMU } from '../books/registers.js';
import { type Run, subcommand } from '../cli/command.js';
import { collect, declareOptions, type Form } from '../cli/form.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { renderJson } from '../render/teks.js';
import { addImporCommand } from './impor.js';
import { idCatatan, type Kait, pasangBuku } from './register.js';

const kaitPpks: Kait = {
  bantuan:
    'NIK harus 16 angka. Tanggal lahir atau jenis kelamin yang tidak cocok dengan NIK, ' +
    'dan kategori yang tidak cocok dengan umur/jenis kelamin, hanya diperingatkan. ' +
    'Anak (< 18 tahun) dengan --dasar persetujuan wajib disertai --wali (nama wali yang menyetujui); ' +
    'dengan --dasar tugas_publik tanpa wali hanya diperingatkan',
};

const kaitSurat: Kait = {
  cara: [
    {
      nama: 'masuk',
      ringkas: 'mencatat surat masuk (nomor agenda masuk per tahun)',
      tetap: { arah: 'masuk' },
      wajib: ['dari'],
      sembunyi: ['kepada'],
    },
    {
      nama: 'keluar',
      ringkas: 'mencatat surat keluar (nomor agenda keluar per tahun)',
      tetap: { arah: 'keluar' },
      wajib: ['kepada'],
      sembunyi: ['dari'],
    },
  ],
};

const FORM_HAPUS = {
  alasan: { ...fieldOf(INVENTARIS, 'hapus_alasan'), name: 'alasan', type: 'pilihan', required: true },
  tanggal: {
    ...fieldOf(INVENTARIS, 'hapus_tanggal'),
    name: 'tanggal',
    type: 'tanggal',
    required: true,
    hariIni: true,
    tanya: false,
  },
} satisfies Form;

function pasangHapus(noun: Command, run: Run): void {
  const ringkas = 'mencatat penghapusan barang (rusak, dijual, disumbangkan); barang tetap tercatat di buku';
  declareOptions(subcommand(noun, 'hapus [id]', ringkas), FORM_HAPUS).action(
    run(async (ctx, opts, [diberikan]) => {
      const { db } = await ctx.ledger();
      const idTeks = await idCatatan(ctx, INVENTARIS, 'hapus', diberikan);
      enforce(await bolehDihapus(db, idTeks));
      const n = await collect(ctx, FORM_HAPUS, opts);
      const b = await hapusInventaris(db, idTeks, n, ctx.jejak());
      ctx.io.out(
        ctx.json
          ? renderJson({ id: b.id, hapus_tanggal: n.tanggal, hapus_alasan: n.alasan })
          : pesan.barangDihapus(String(b.nama), n.alasan),
      );
    }),
  );
}

const kaitInventaris: Kait = {
  bantuan:
    'Barang yang rusak, dijual atau disumbangkan dicatat dengan `inventaris hapus ID --alasan ...` ' +
    'dan tetap ada di buku',
  tambahan: pasangHapus,
};

const kaitKegiatan: Kait = {
  bantuan: 'Biayanya dicatat dengan `kas keluar --jenis kegiatan --kegiatan ID` atau `salur --kegiatan ID`',
};

const KEANGGOTAAN = [
  [
    'keluar',
    0,
    'mencatat anggota yang sudah keluar: tetap di buku dan di daftar hadir lama, tidak lagi ditawarkan di daftar hadir',
  ],
  ['aktifkan', 1, 'mengaktifkan kembali anggota yang pernah keluar'],
] as const;

const kaitAnggota: Kait = {
  tambahan: (noun: Command, run: Run) => {
    for (const [nama, aktif, ringkas] of KEANGGOTAAN) {
      subcommand(noun, `${nama} [id]`, ringkas).action(
        run(async (ctx, _opts, [diberikan]) => {
          const idTeks = await idCatatan(ctx, ANGGOTA, nama, diberikan);
          const b = await aturKeanggotaan((await ctx.ledger()).db, idTeks, aktif, ctx.jejak());
          ctx.io.out(
            ctx.json ? renderJson({ id: b.id, nama: b.nama, aktif }) : pesan.anggotaAktif(String(b.nama), aktif === 1),
          );
        }),
      );
    }
  },
};

/** `donatur impor FILE`, `ppks impor FILE`, `psks impor FILE`: the same import as `wksbm impor BUKU FILE`. */
const impor =
  (nama: string): Kait['tambahan'] =>
  (noun, run) =>
    void addImporCommand(noun, nama, run);

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
