// `wksbm rapat`: minutes (book 6) with their attendance of members and guests (book 7).
import type { Command } from 'commander';
import {
  type AnggotaRingkas,
  anggotaAktif,
  bacaRapat,
  bacaTamu,
  catatRapat,
  cocokkanHadir,
  type Hadir,
  type Tamu,
} from '../books/rapat.js';
import { bacaReferensi } from '../books/referensi.js';
import type { Baris } from '../books/register.js';
import { RAPAT } from '../books/registers.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { collect, confirmSummary, declareOptions, type Form } from '../cli/form.js';
import { formatTanggal } from '../domain/dates.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { renderJson, renderTable } from '../render/teks.js';
import { formTambah, idCatatan, pasangBuku } from './register.js';
import { barisJson, ringkasanIsi } from './tampilan-buku.js';

const FORM_RAPAT = formTambah(RAPAT);
/** Asked after the attendance, as the minutes are written. */
const SESUDAH_HADIR = ['pembahasan', 'keputusan'];
const bagianForm = (sesudah: boolean): Form =>
  Object.fromEntries(Object.entries(FORM_RAPAT).filter(([k]) => SESUDAH_HADIR.includes(k) === sesudah));
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

async function tanyaTamu(ctx: Context): Promise<Tamu[]> {
  const hasil: Tamu[] = [];
  for (;;) {
    const validate = (s: string) => {
      if (s.trim() === '') return true;
      const r = bacaTamu(s);
      return r.ok ? true : r.pesan;
    };
    const v = await ctx.prompter.input({ message: pesan.tanyaTamuRapat(), validate });
    if (v.trim() === '') return hasil;
    hasil.push(...enforce(bacaTamu(v)));
  }
}

/** Members present: from `--hadir`, else ticked at a terminal. */
async function pilihHadir(
  ctx: Context,
  opts: Record<string, unknown>,
  anggota: AnggotaRingkas[],
): Promise<AnggotaRingkas[]> {
  if (opts.hadir !== undefined) return enforce(cocokkanHadir(String(opts.hadir), anggota));
  if (!ctx.interactive || !anggota.length) return [];
  const choices = anggota.map((a) => ({ name: `${a.nama} (${a.jabatan})`, value: a.id }));
  const ids = await ctx.prompter.checkbox<number>({ message: pesan.tanyaHadir(), choices });
  return anggota.filter((a) => ids.includes(a.id));
}

function rapatJson(baris: Baris, hadir: Hadir[]): string {
  return renderJson({ ...barisJson(RAPAT, baris, { lengkap: false }), daftar_hadir: hadir.map(hadirJson) });
}

function pasangCatat(noun: Command, run: Run): void {
  const ringkas =
    'mencatat notulen rapat dan daftar hadirnya (anggota dipilih dari daftar anggota; tamu dengan asalnya)';
  declareOptions(subcommand(noun, 'catat', ringkas), FORM_RAPAT)
    .option('--hadir <nama,...>', 'anggota yang hadir: nama atau ID, dipisah koma; yang bukan anggota ditolak')
    .option('--tamu <"Nama (asal)",...>', 'tamu yang hadir, mis. "Ibu Endang (Dinas Sosial), Pak Bayu"')
    .action(
      run(async (ctx, opts) => {
        const { db } = await ctx.ledger();
        const env = { ref: await bacaReferensi(db), db };
        const isi = await collect(ctx, bagianForm(false), opts, env);
        const hadir = await pilihHadir(ctx, opts, await anggotaAktif(db));
        const tamu =
          opts.tamu !== undefined ? enforce(bacaTamu(String(opts.tamu))) : ctx.interactive ? await tanyaTamu(ctx) : [];
        Object.assign(isi, await collect(ctx, bagianForm(true), opts, env));
        const nama = [...hadir.map((a) => a.nama), ...tamu.map((t) => t.nama)].join(', ');
        await confirmSummary(ctx, `${RAPAT.judul}:`, [
          ...ringkasanIsi(RAPAT, isi, { lengkap: false }),
          ['Hadir', nama],
        ]);
        const r = await catatRapat(db, { isi, anggota: hadir.map((a) => a.id), tamu }, ctx.jejak());
        ctx.io.out(ctx.json ? rapatJson(r.baris, r.hadir) : pesan.rapatDicatat(r.baris.id, hadir.length, tamu.length));
      }),
    );
}

function notulen(ctx: Context, row: Baris, jumlahHadir: number): string {
  const tanggal = String(row.tanggal);
  const hari = HARI[new Date(`${tanggal}T00:00:00Z`).getUTCDay()];
  const isi: [string, string][] = [
    ['Hari/tanggal', `${hari}, ${formatTanggal(tanggal, true)}`],
    ['Waktu', row.waktu ? `${String(row.waktu)} WIB` : ''],
    ['Tempat', String(row.tempat ?? '')],
    ['Jenis rapat', String(row.jenis ?? '')],
    ['Pimpinan rapat', String(row.pimpinan ?? '')],
    ['Notulis', String(row.notulis ?? '')],
    ['Jumlah hadir', `${jumlahHadir} orang`],
  ];
  const lebar = Math.max(...isi.map(([k]) => k.length));
  const out = [ctx.io.color.bold(`NOTULEN RAPAT #${row.id}`), ''];
  for (const [k, v] of isi) out.push(`${k.padEnd(lebar)} : ${v}`);
  for (const [judul, kolom] of [
    ['AGENDA', 'agenda'],
    ['PEMBAHASAN', 'pembahasan'],
    ['KEPUTUSAN', 'keputusan'],
  ] as const) {
    out.push('', ctx.io.color.bold(judul), String(row[kolom] ?? '-'));
  }
  out.push('', ctx.io.color.bold('DAFTAR HADIR'));
  return out.join('\n');
}

function daftarHadir(ctx: Context, hadir: Hadir[]): string {
  if (!hadir.length) return pesan.tidakAdaData();
  return renderTable(
    ctx.io,
    [
      { header: 'No', key: 'no', value: (h: Hadir & { no: number }) => h.no, align: 'right' },
      { header: 'Nama', key: 'nama', value: (h) => h.nama },
      { header: 'Jabatan/peran', key: 'peran', value: (h) => h.peran ?? '' },
      { header: 'Asal', key: 'asal', value: (h) => h.asal ?? (h.tamu ? '' : 'anggota') },
      { header: 'Tanda tangan', key: 'ttd', value: () => '' },
    ],
    hadir.map((h, i) => ({ ...h, no: i + 1 })),
  );
}

function pasangTampil(noun: Command, run: Run): void {
  subcommand(noun, 'tampil [id]', 'menampilkan notulen rapat dan daftar hadirnya seperti dicetak').action(
    run(async (ctx, _opts, [diberikan]) => {
      const idTeks = await idCatatan(ctx, RAPAT, 'tampil', diberikan);
      const { baris, hadir } = await bacaRapat((await ctx.ledger()).db, idTeks);
      if (ctx.json) return ctx.io.out(rapatJson(baris, hadir));
      ctx.io.out(notulen(ctx, baris, hadir.length));
      ctx.io.out(daftarHadir(ctx, hadir));
    }),
  );
}

export function register(program: Command, run: Run): void {
  const noun = pasangBuku(program, run, RAPAT, { tanpaTambah: true, tanpaTampil: true });
  pasangCatat(noun, run);
  pasangTampil(noun, run);
}

function hadirJson(h: Hadir): Record<string, unknown> {
  return { anggota_id: h.anggota_id, nama: h.nama, peran: h.peran, asal: h.asal, tamu: Boolean(h.tamu) };
}
