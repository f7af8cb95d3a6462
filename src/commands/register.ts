// The one command builder for register books: `tambah`/`catat`, `daftar`, `tampil`, `ubah`, all derived
// from the book's declaration and served by src/books/register.ts; a book's own command shapes (surat
// masuk/keluar, inventaris hapus) come in through hooks (`Kait`).
import type { Command } from 'commander';
import { anonimkan, bolehDianonimkan } from '../books/anonim.js';
import { type Buku, fieldOf } from '../books/buku.js';
import { flagOf, type Nilai, optionKey } from '../books/field.js';
import { bacaReferensi } from '../books/referensi.js';
import {
  ATURAN_BUKU,
  type Baris,
  bacaBaris,
  barisSerupa,
  daftarBaris,
  tambahBaris,
  ubahBaris,
} from '../books/register.js';
import { opsiCsv, pemisahCsv, type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import {
  askArgumen,
  collect,
  collectGiven,
  confirmSummary,
  Dibatalkan,
  declareOptions,
  type Form,
  formDari,
  opsional,
} from '../cli/form.js';
import { namaAnonim } from '../domain/anonim.js';
import { parseDate } from '../domain/dates.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { renderJson } from '../render/teks.js';
import { adaNik, barisJson, ringkasanIsi, tampilan, tampilDaftar, tampilRekaman } from './tampilan-buku.js';

/** A way to add to the book: `tambah`, or e.g. `surat masuk` with its direction fixed. */
export interface CaraTambah {
  nama: string;
  ringkas: string;
  /** columns fixed by the subcommand (e.g. arah = masuk) */
  tetap?: Record<string, Nilai>;
  /** fields required by this subcommand beyond the declaration */
  wajib?: string[];
  /** fields this subcommand never asks for */
  sembunyi?: string[];
}

export interface Kait {
  cara?: CaraTambah[];
  /** the book records through its own command (rapat catat): no generic `tambah` */
  tanpaTambah?: boolean;
  /** the book shows a record its own way (rapat tampil) */
  tanpaTampil?: boolean;
  /** more help on `tambah`/`ubah` (the book's rules in a sentence) */
  bantuan?: string;
  /** more subcommands on the noun (inventaris hapus) */
  tambahan?: (noun: Command, run: Run) => void;
}

/** The fields `tambah` asks, as this way of adding asks them, each with the book's rule on it. */
export function formTambah(buku: Buku, cara?: CaraTambah): Form {
  const aturan = ATURAN_BUKU[buku.nama]?.isian ?? {};
  const fields = buku.fields
    .filter((f) => !cara?.sembunyi?.includes(f.name))
    .map((f) => ({
      ...f,
      required: f.required || Boolean(cara?.wajib?.includes(f.name)),
      ...(aturan[f.name] ? { aturan: aturan[f.name] } : {}),
    }));
  return formDari(fields);
}

export function warn(ctx: Context, peringatan: string[] | undefined): void {
  for (const p of peringatan ?? []) ctx.io.err(ctx.io.color.yellow(p));
}

/** Finds the noun's command if another module registered it already, else creates it. */
export function nounCommand(program: Command, nama: string, ringkas: string): Command {
  return program.commands.find((c) => c.name() === nama) ?? subcommand(program, nama, ringkas);
}

/** A row that may already be in the book: --yes adds it, a terminal asks, a script is refused by the service. */
async function tanyaGanda(
  ctx: Context,
  buku: Buku,
  isi: Record<string, Nilai>,
  ada: Baris | undefined,
): Promise<boolean> {
  if (ctx.yes) return true;
  if (!ada || !ctx.interactive) return false;
  const message = pesan.tetapTambahkan(buku.nama, String(isi.nama ?? ''), ada.id, String(ada.nama ?? ''));
  if (!(await ctx.prompter.confirm({ message, default: false }))) throw new Dibatalkan(pesan.dibatalkanPengguna());
  return true;
}

function pasangTambah(noun: Command, run: Run, buku: Buku, cara: CaraTambah, bantuan?: string): void {
  const form = formTambah(buku, cara);
  const c = declareOptions(subcommand(noun, cara.nama, cara.ringkas + (bantuan ? `. ${bantuan}` : '')), form);
  if (adaNik(buku)) c.option('--lengkap', 'tampilkan NIK utuh pada keluaran');
  c.action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const isi = { ...(await collect(ctx, form, opts, { ref: await bacaReferensi(db), db })), ...(cara.tetap ?? {}) };
      const bolehGanda = await tanyaGanda(ctx, buku, isi, await barisSerupa(buku, db, isi));
      await confirmSummary(ctx, `${buku.judul}:`, ringkasanIsi(buku, isi, tampilan(opts)));
      const { baris, peringatan } = await tambahBaris(db, buku, isi, ctx.jejak(), bolehGanda);
      warn(ctx, peringatan);
      const nama = String(baris.nama ?? baris.nomor ?? baris.agenda ?? '');
      ctx.io.out(
        ctx.json ? renderJson(barisJson(buku, baris, tampilan(opts))) : pesan.barisDicatat(buku.nama, baris.id, nama),
      );
    }),
  );
}

function pasangDaftar(noun: Command, run: Run, buku: Buku): void {
  const daftar = subcommand(noun, 'daftar', `daftar isi ${buku.judul.toLowerCase()}; --json atau --csv untuk skrip`);
  const saring = buku.saring.map((n) => fieldOf(buku, n));
  for (const f of saring) daftar.option(`--${flagOf(f)} <nilai>`, `hanya ${f.label.toLowerCase()} ini`);
  daftar.option('--cari <teks>', `cari di ${buku.cari.join(', ')}`);
  if (buku.tanggal) daftar.option('--dari <tanggal>', 'sejak tanggal').option('--sampai <tanggal>', 'sampai tanggal');
  opsiCsv(daftar);
  if (adaNik(buku)) daftar.option('--lengkap', 'tampilkan NIK utuh (data pribadi: hanya bila perlu)');
  daftar.action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const sama = Object.fromEntries(
        saring.filter((f) => opts[optionKey(f)] !== undefined).map((f) => [f.name, String(opts[optionKey(f)])]),
      );
      const rows = await daftarBaris(db, buku, {
        sama,
        cari: opts.cari === undefined ? undefined : String(opts.cari),
        dari: opts.dari ? parseDate(String(opts.dari), 'dari') : undefined,
        sampai: opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined,
      });
      tampilDaftar(ctx, buku, rows, tampilan(opts), pemisahCsv(opts));
    }),
  );
}

/** A record's ID: as given, else at a terminal picked from the book by search, else the flag-like hint. */
export async function idCatatan(
  ctx: Context,
  buku: Buku,
  perintah: string,
  diberikan: string | undefined,
): Promise<string> {
  const { db } = await ctx.ledger();
  const tampak = buku.fields.filter((f) => f.type !== 'nik').slice(0, 3);
  return askArgumen(ctx, diberikan, {
    label: `ID ${buku.judul.toLowerCase()}`,
    contoh: `wksbm ${buku.nama} ${perintah} 1`,
    pilihan: async () =>
      (await daftarBaris(db, buku, { sama: {} })).map((b) => ({
        name: [String(b.id), ...tampak.map((f) => b[f.name]).filter((v) => v !== null && v !== '')].join(' · '),
        value: String(b.id),
      })),
  });
}

function pasangTampil(noun: Command, run: Run, buku: Buku): void {
  const tampil = subcommand(noun, 'tampil [id]', 'menampilkan satu catatan beserta riwayat perubahannya');
  if (adaNik(buku)) tampil.option('--lengkap', 'tampilkan NIK utuh');
  tampil.action(
    run(async (ctx, opts, [diberikan]) => {
      const idTeks = await idCatatan(ctx, buku, 'tampil', diberikan);
      const { baris, riwayat } = await bacaBaris((await ctx.ledger()).db, buku, idTeks);
      tampilRekaman(ctx, buku, baris, riwayat, tampilan(opts));
    }),
  );
}

function pasangUbah(noun: Command, run: Run, buku: Buku): void {
  const form = formDari(buku.fields);
  const contoh = `--${flagOf(buku.fields[0]!)} "..."`;
  const ringkas = `mengubah isian catatan, mis. ${contoh}; setiap perubahan disimpan di jejak perubahan`;
  declareOptions(subcommand(noun, 'ubah [id]', ringkas), opsional(form)).action(
    run(async (ctx, opts, [diberikan]) => {
      const idTeks = await idCatatan(ctx, buku, 'ubah', diberikan);
      const { db } = await ctx.ledger();
      const baru = collectGiven(form, opts, { ref: await bacaReferensi(db) });
      const { baris, diubah, peringatan } = await ubahBaris(db, buku, idTeks, baru, ctx.jejak());
      warn(ctx, peringatan);
      ctx.io.out(
        ctx.json
          ? renderJson(barisJson(buku, baris, { lengkap: false }))
          : pesan.barisDiubah(buku.nama, baris.id, diubah),
      );
    }),
  );
}

const FORM_ANONIM = {
  alasan: {
    name: 'alasan',
    label: 'Alasan',
    type: 'teks',
    required: true,
    help: 'mis. permintaan yang bersangkutan (UU 27/2022), dicatat di jurnal',
  },
} satisfies Form;

/** `ppks anonimkan ID --alasan …`: the right to erasure, for every book of persons. */
function pasangAnonimkan(noun: Command, run: Run, buku: Buku): void {
  const ringkas =
    'menghapus data pribadi (nama, NIK, KK, alamat, HP, tanggal lahir) untuk selamanya; ' +
    'bantuan, uang dan semua jumlah tetap tercatat';
  declareOptions(subcommand(noun, 'anonimkan [id]', ringkas), FORM_ANONIM).action(
    run(async (ctx, opts, [diberikan]) => {
      const idTeks = await idCatatan(ctx, buku, 'anonimkan', diberikan);
      const ledger = await ctx.ledger();
      const orang = enforce(await bolehDianonimkan(ledger.db, buku, idTeks));
      const { alasan } = await collect(ctx, FORM_ANONIM, opts);
      await konfirmasiAnonim(ctx, buku, orang, alasan);
      const h = await anonimkan(ledger, buku, idTeks, alasan, ctx.jejak());
      if (ctx.json) return ctx.io.out(renderJson(h));
      ctx.io.out(pesan.dianonimkan(buku.nama, h.id, h.nama, h.entri, h.jurnal));
      ctx.io.err(ctx.io.color.yellow(pesan.cadanganMasihMemuat(h.cadangan)));
    }),
  );
}

/** At a terminal: what will be erased, then Ya/Tidak (bawaan Tidak); scripts go on (the flags are the consent). */
async function konfirmasiAnonim(ctx: Context, buku: Buku, orang: Baris, alasan: string): Promise<void> {
  if (!ctx.interactive || ctx.yes) return;
  const kosong = buku.anonim!.kosongkan.filter((k) => orang[k] !== null && orang[k] !== undefined && orang[k] !== '');
  const label = (k: string) => fieldOf(buku, k).label;
  ctx.io.err(pesan.judulAnonim(buku.judul.toLowerCase()));
  for (const [k, v] of [
    ['Nama', String(orang.nama)],
    ['Menjadi', namaAnonim(buku.anonim!.sebutan, orang.id)],
    ['Dikosongkan', kosong.map(label).join(', ') || '-'],
    ['Alasan', alasan],
  ])
    ctx.io.err(`  ${k!.padEnd(12)}  ${v}`);
  const ya = await ctx.prompter.confirm({ message: pesan.konfirmasiAnonim(buku.nama, orang.id), default: false });
  if (!ya) throw new Dibatalkan(pesan.dibatalkanPengguna());
}

export function pasangBuku(program: Command, run: Run, buku: Buku, kait: Kait = {}): Command {
  const noun = nounCommand(program, buku.nama, `${buku.judul}${buku.nomorBuku ? ` (buku ${buku.nomorBuku})` : ''}`);
  const caraBawaan: CaraTambah = { nama: buku.kataTambah, ringkas: `mencatat ke ${buku.judul.toLowerCase()}` };
  if (!kait.tanpaTambah)
    for (const cara of kait.cara ?? [caraBawaan]) pasangTambah(noun, run, buku, cara, kait.bantuan);
  pasangDaftar(noun, run, buku);
  if (!kait.tanpaTampil) pasangTampil(noun, run, buku);
  pasangUbah(noun, run, buku);
  if (buku.anonim) pasangAnonimkan(noun, run, buku);
  kait.tambahan?.(noun, run);
  return noun;
}
