// `wksbm saldo-awal`: the opening balance of a unit that starts its books mid-year, from flags
// (`--akun tunai=1.500.000 --dana zakat=500.000 --natura beras=25`) or asked field by field.
import type { Command } from 'commander';
import { dbOf, type Nilai, optionKey } from '../books/field.js';
import { bacaReferensi, type Referensi } from '../books/referensi.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { collectConfirmed, type Form, type FormField, type Isi } from '../cli/form.js';
import { formatTanggal } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { formatRupiah, jumlahSemua, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK } from '../domain/rule.js';
import { formatKuantitas } from '../ledger/natura.js';
import {
  catatSaldoAwal,
  DANA_SISA,
  danaUmumTidakMinus,
  type SaldoAwalBaru,
  saldoAwalBelumAda,
  sisaDanaUmum,
  tanggalSebelumEntriKas,
  tanggalSebelumEntriNatura,
} from '../ledger/saldo-awal.js';
import { kasJson } from '../render/kas-view.js';
import { renderJson } from '../render/teks.js';

/** The goods a treasurer is asked about at a terminal: the rice in store. */
const BARANG_DITANYA = ['beras'];

type Pasangan = Map<string, string>;

/** `--akun tunai=1.500.000`, repeated: code → amount as typed. */
function pasangan(isian: string, nilai: unknown, contoh: string): Pasangan {
  const hasil: Pasangan = new Map();
  for (const v of (nilai as string[] | undefined) ?? []) {
    const i = v.indexOf('=');
    const kode = v.slice(0, i).trim().toLowerCase();
    if (i <= 0 || kode === '') throw new UserError(pesan.saldoAwalPasangan(isian, v, contoh), isian);
    if (hasil.has(kode)) throw new UserError(pesan.saldoAwalGanda(isian, kode), isian);
    hasil.set(kode, v.slice(i + 1));
  }
  return hasil;
}

/** The amounts gathered so far under a prefix, but the field being checked (asked again at Ubah isian). */
const jumlahDari = (isi: Record<string, Nilai>, awalan: string, kecuali?: string): Rupiah[] =>
  Object.entries(isi)
    .filter(([k, v]) => k.startsWith(awalan) && k !== kecuali && typeof v === 'number')
    .map(([, v]) => v as Rupiah);

function fieldAkun(kode: string): FormField {
  return {
    name: `akun_${kode}`,
    flag: `akun-${kode}`,
    label: `saldo akun ${kode}`,
    type: 'jumlah',
    aturan: (v, isi, env) => (v ? tanggalSebelumEntriKas(dbOf(env), String(isi.tanggal), [kode], []) : OK),
  };
}

function fieldDana(kode: string, terikat: boolean): FormField {
  return {
    name: `dana_${kode}`,
    flag: `dana-${kode}`,
    label: `saldo dana ${kode}`,
    type: 'jumlah',
    tanya: terikat,
    keterangan: async (isi) => {
      const sisa = sisaDanaUmum(jumlahDari(isi, 'akun_'), jumlahDari(isi, 'dana_', `dana_${kode}`));
      return pesan.saldoAwalSisaUmum(formatRupiah(sisa));
    },
    aturan: async (v, isi, env) => {
      if (!v) return OK;
      const sebelum = await tanggalSebelumEntriKas(dbOf(env), String(isi.tanggal), [], [kode]);
      if (!sebelum.ok) return sebelum;
      return danaUmumTidakMinus(jumlahDari(isi, 'akun_'), [...jumlahDari(isi, 'dana_', `dana_${kode}`), v as Rupiah]);
    },
  };
}

function fieldNatura(barang: string): FormField {
  return {
    name: `natura_${barang}`,
    flag: `natura-${barang}`,
    label: `${barang} di gudang (kg)`,
    type: 'kuantitas',
    tanya: BARANG_DITANYA.includes(barang),
    aturan: (v, isi, env) => (v ? tanggalSebelumEntriNatura(dbOf(env), String(isi.tanggal), barang) : OK),
  };
}

/** The form of this unit: the date, every account, every fund but umum (restricted ones asked), the goods. */
function formSaldoAwal(ref: Referensi, barang: string[]): Form {
  const fields: FormField[] = [
    { name: 'tanggal', label: 'tanggal saldo awal', type: 'tanggal', required: true, rentang: 'entri' },
    ...ref.akun.map((a) => fieldAkun(a.kode)),
    ...ref.dana.filter((d) => d.kode !== DANA_SISA).map((d) => fieldDana(d.kode, Boolean(d.terikat))),
    ...barang.map(fieldNatura),
  ];
  return Object.fromEntries(fields.map((f) => [f.name, f]));
}

/** The flags as the form's own keys; a code the unit does not have is refused in its words. */
function opsiForm(ref: Referensi, form: Form, opts: Record<string, unknown>): Record<string, unknown> {
  const hasil: Record<string, unknown> = { tanggal: opts.tanggal };
  const akun = pasangan('akun', opts.akun, 'tunai=1.500.000');
  const dana = pasangan('dana', opts.dana, 'zakat=500.000');
  const natura = pasangan('natura', opts.natura, 'beras=25');
  const isi = (awalan: string, p: Pasangan, kenal: (k: string) => void) => {
    for (const [kode, v] of p) {
      kenal(kode);
      hasil[optionKey(form[`${awalan}_${kode}`]!)] = v;
    }
  };
  isi('akun', akun, (k) => {
    if (!ref.akun.some((a) => a.kode === k))
      throw new UserError(
        pesan.akunTidakAda(
          k,
          ref.akun.map((a) => a.kode),
        ),
        'akun',
      );
  });
  isi('dana', dana, (k) => {
    if (k === DANA_SISA) throw new UserError(pesan.saldoAwalDanaUmum(), 'dana');
    if (!ref.dana.some((d) => d.kode === k))
      throw new UserError(
        pesan.danaTidakAda(
          k,
          ref.dana.map((d) => d.kode),
        ),
        'dana',
      );
  });
  isi('natura', natura, () => {});
  return hasil;
}

function keSaldoAwal(isi: Record<string, Nilai>): SaldoAwalBaru {
  const pilih = (awalan: string) =>
    Object.entries(isi)
      .filter(([k, v]) => k.startsWith(awalan) && typeof v === 'number' && v > 0)
      .map(([k, v]): [string, number] => [k.slice(awalan.length), v as number]);
  return {
    tanggal: String(isi.tanggal),
    akun: pilih('akun_') as [string, Rupiah][],
    dana: pilih('dana_') as [string, Rupiah][],
    natura: pilih('natura_'),
  };
}

function ringkasan(s: SaldoAwalBaru): [string, string][] {
  const umum = sisaDanaUmum(
    s.akun.map(([, n]) => n),
    s.dana.map(([, n]) => n),
  );
  return [
    ['tanggal', formatTanggal(s.tanggal, true)],
    ...s.akun.map(([k, n]): [string, string] => [`akun ${k}`, formatRupiah(n)]),
    ['jumlah akun', formatRupiah(jumlahSemua(s.akun.map(([, n]) => n)))],
    ...s.dana.map(([k, n]): [string, string] => [`dana ${k}`, formatRupiah(n)]),
    [`dana ${DANA_SISA} (sisanya)`, formatRupiah(umum)],
    ...s.natura.map(([b, q]): [string, string] => [b, formatKuantitas(q, 'kg')]),
  ];
}

function tercatat(ctx: Context, s: SaldoAwalBaru, hasil: Awaited<ReturnType<typeof catatSaldoAwal>>): void {
  const nomor = hasil.kas.map((k) => k.nomor);
  if (ctx.json) {
    const umum = sisaDanaUmum(
      s.akun.map(([, n]) => n),
      s.dana.map(([, n]) => n),
    );
    return ctx.io.out(
      renderJson({
        tanggal: s.tanggal,
        akun: Object.fromEntries(s.akun),
        dana: { ...Object.fromEntries(s.dana), [DANA_SISA]: umum },
        natura: Object.fromEntries(s.natura.map(([b, q]) => [b, q / 1000])),
        bukti: hasil.kas.map(kasJson),
      }),
    );
  }
  const jumlah = formatRupiah(jumlahSemua(s.akun.map(([, n]) => n)));
  const bukti = nomor.length > 1 ? `${nomor[0]} s.d. ${nomor.at(-1)}` : nomor[0]!;
  ctx.io.out(pesan.saldoAwalTercatat(formatTanggal(s.tanggal, true), jumlah, bukti));
}

const ulang = (v: string, semua: string[]) => [...semua, v];

export function register(program: Command, run: Run): void {
  subcommand(
    program,
    'saldo-awal',
    'mencatat saldo awal sekali (akun, dana terikat, beras di gudang); dana umum menampung sisanya',
  )
    .option('--tanggal <tanggal>', 'tanggal saldo awal, paling lambat tanggal entri pertama — wajib')
    .option('--akun <kode=jumlah>', 'saldo satu akun, mis. tunai=1.500.000 (boleh berulang)', ulang, [])
    .option('--dana <kode=jumlah>', 'saldo satu dana terikat, mis. zakat=500.000 (boleh berulang)', ulang, [])
    .option('--natura <barang=kg>', 'stok barang di gudang, mis. beras=25 (boleh berulang)', ulang, [])
    .action(
      run(async (ctx, opts) => {
        const { db } = await ctx.ledger();
        enforce(await saldoAwalBelumAda(db));
        const ref = await bacaReferensi(db);
        const diberi = [...pasangan('natura', opts.natura, 'beras=25').keys()];
        const barang = [...new Set([...BARANG_DITANYA, ...diberi])];
        const form = formSaldoAwal(ref, barang);
        const flag = opsiForm(ref, form, opts);
        const isi = await collectConfirmed(ctx, form, flag, { ref, db }, (n: Isi<Form>) => [
          'Saldo awal:',
          ringkasan(keSaldoAwal(n)),
        ]);
        const s = keSaldoAwal(isi);
        tercatat(ctx, s, await catatSaldoAwal(db, s, ctx.now()));
      }),
    );
}
