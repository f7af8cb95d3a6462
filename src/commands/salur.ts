// `wksbm salur` (aid to a PPKS, money or goods) and `wksbm santunan` (death benefit to the heir).
import type { Command } from 'commander';
import { maskNik } from '../books/buku.js';
import { dbOf, type Nilai, type Opsi, refOf } from '../books/field.js';
import { KAS_FIELDS } from '../books/kas.js';
import { kegiatanAda } from '../books/kegiatan.js';
import { NATURA_FIELDS } from '../books/natura.js';
import { SALUR_FIELDS, SANTUNAN_FIELDS } from '../books/penyaluran.js';
import { cariPpks, peringatanPenerima, pilihanPpks } from '../books/ppks.js';
import { bacaReferensi } from '../books/referensi.js';
import type { Baris } from '../books/register.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { collect, collectConfirmed, confirmSummary, declareOptions, type Form, type Isi } from '../cli/form.js';
import { formatTanggal } from '../domain/dates.js';
import { formatRupiah, miliKeAngka } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK } from '../domain/rule.js';
import { danaBolehMembayar, danaPerluAsnaf, keteranganSaldo, peringatanMeterai, uangCukup } from '../ledger/aturan.js';
import { formatKuantitas, namaBarang } from '../ledger/natura.js';
import {
  bayarSantunanKematian,
  bentukLengkap,
  salurBantuan,
  satuBentuk,
  type Tersalur,
  wafatSebelumBayar,
} from '../ledger/salur.js';
import { keteranganStok, kuantitasCukup } from '../ledger/stok.js';
import { renderJson } from '../render/teks.js';

const K = KAS_FIELDS;
const S = SALUR_FIELDS;
const TANGGAL = { ...K.tanggal, hariIni: true };
const uang = (isi: Record<string, Nilai>) => isi.bentuk === 'uang';
const asal = (isi: Record<string, Nilai>) => ({ dana: isi.dana, akun: isi.akun, tanggal: isi.tanggal });

export const FORM_SALUR = {
  ppks: { ...S.ppks, aturan: (v, _, env) => cariPpks(dbOf(env), v) },
  layanan: S.layanan,
  bentuk: {
    ...S.bentuk,
    bawaan: (_, env) => (env.flag.barang !== undefined ? 'barang' : env.flag.jumlah !== undefined ? 'uang' : undefined),
    tanya: (_, env) => env.flag.barang === undefined && env.flag.jumlah === undefined,
    wajib: () => true,
  },
  // the fund and asnaf matter only for money; goods come from the stock
  dana: {
    ...K.dana,
    bawaan: () => 'umum',
    tanya: uang,
    aturan: (dana, isi, env) => (uang(isi) ? danaBolehMembayar(refOf(env), { dana, jenis: 'penyaluran' }) : OK),
  },
  asnaf: {
    ...K.asnaf,
    tanya: (isi, env) => uang(isi) && danaPerluAsnaf(refOf(env), isi.dana),
    wajib: (isi, env) => uang(isi) && danaPerluAsnaf(refOf(env), isi.dana),
    aturan: (asnaf, isi, env) =>
      uang(isi) ? danaBolehMembayar(refOf(env), { dana: isi.dana, jenis: 'penyaluran', asnaf }) : OK,
  },
  akun: { ...K.akun, bawaan: () => 'tunai', tanya: uang },
  tanggal: TANGGAL,
  // an amount or quantity is asked last, against what the fund, account or stock holds that day
  jumlah: {
    ...S.jumlah,
    tanya: uang,
    wajib: uang,
    keterangan: (isi, env) => keteranganSaldo(dbOf(env), refOf(env), asal(isi)),
    aturan: (jumlah, isi, env) => (uang(isi) ? uangCukup(dbOf(env), refOf(env), asal(isi), jumlah) : OK),
  },
  barang: { ...NATURA_FIELDS.barang, required: false, tanya: (isi) => !uang(isi), wajib: (isi) => !uang(isi) },
  kuantitas: {
    ...NATURA_FIELDS.kuantitas,
    required: false,
    tanya: (isi) => !uang(isi),
    wajib: (isi) => !uang(isi),
    keterangan: (isi, env) => keteranganStok(dbOf(env), isi.barang, isi.tanggal),
    aturan: (k, isi, env) => kuantitasCukup(dbOf(env), isi.barang, isi.tanggal, k),
  },
  kegiatan: { ...K.kegiatan, tanya: false, aturan: (id, _, env) => kegiatanAda(dbOf(env), id) },
  uraian: K.uraian,
} satisfies Form;

/** Asked first, so the deceased's name can come from book 9. */
export const FORM_ALMARHUM = {
  ppks: {
    ...S.ppks,
    label: 'almarhum di buku PPKS',
    help: 'ID, NIK atau nama; kosong bila tidak terdaftar',
    required: false,
    tanya: (_, env) => (env.pilihan.ppks?.length ?? 0) > 0,
    aturan: (v, _, env) => (v ? cariPpks(dbOf(env), v) : OK),
  },
} satisfies Form;

/** Fund, account and date come before the amount, so the amount is checked against them as it is typed. */
export const FORM_SANTUNAN = {
  ...SANTUNAN_FIELDS,
  dana: {
    ...K.dana,
    bawaan: () => 'kematian',
    aturan: (dana, _, env) => danaBolehMembayar(refOf(env), { dana, jenis: 'santunan_kematian' }),
  },
  akun: { ...K.akun, bawaan: () => 'tunai' },
  tanggal: {
    ...TANGGAL,
    label: 'tanggal pembayaran',
    aturan: (bayar, isi) => wafatSebelumBayar(isi.tanggal_wafat, bayar),
  },
  jumlah: {
    ...K.jumlah,
    keterangan: (isi, env) =>
      keteranganSaldo(dbOf(env), refOf(env), { dana: isi.dana, akun: isi.akun, tanggal: isi.tanggal }),
    aturan: (jumlah, isi, env) =>
      uangCukup(dbOf(env), refOf(env), { dana: isi.dana, akun: isi.akun, tanggal: isi.tanggal }, jumlah),
  },
  uraian: K.uraian,
} satisfies Form;

/** A registered deceased gives the name: not asked again unless --almarhum says otherwise. */
function formSantunan(ppks: Baris | null): typeof FORM_SANTUNAN {
  if (!ppks) return FORM_SANTUNAN;
  const almarhum = { ...FORM_SANTUNAN.almarhum, bawaan: () => String(ppks.nama), tanya: false };
  return { ...FORM_SANTUNAN, almarhum };
}

function warn(ctx: Context, peringatan: string[]): void {
  for (const p of peringatan) ctx.io.err(ctx.io.color.yellow(p));
}

function ringkasanSalur(n: Isi<typeof FORM_SALUR>, ppks: Baris): [string, string][] {
  return [
    ['penerima', `${String(ppks.nama)} ${maskNik(ppks.nik as string | null)}`],
    ['layanan', n.layanan],
    [
      'bantuan',
      n.bentuk === 'uang'
        ? formatRupiah(n.jumlah ?? 0)
        : `${formatKuantitas(n.kuantitas ?? 0)} ${namaBarang(n.barang ?? '')}`,
    ],
    ['dana', n.bentuk === 'uang' ? n.dana : ''],
    ['asnaf', n.asnaf ?? ''],
    ['tanggal', formatTanggal(n.tanggal, true)],
  ];
}

function tersalur(ctx: Context, n: Isi<typeof FORM_SALUR>, h: Tersalur): void {
  if (h.kas) warn(ctx, peringatanMeterai(h.kas));
  const nama = String(h.ppks.nama);
  if (ctx.json) {
    const kas = h.kas ? { nomor: h.kas.nomor, kas_id: h.kas.id, jumlah: h.kas.jumlah, dana: h.kas.dana } : {};
    const t = h.natura;
    const natura = t
      ? { natura_id: t.id, barang: t.barang, kuantitas: miliKeAngka(t.kuantitas_mili), satuan: t.satuan }
      : {};
    const rekam = {
      tanggal: n.tanggal,
      ppks_id: h.ppks.id,
      layanan: n.layanan,
      bentuk: n.bentuk,
      asnaf: n.asnaf,
      kegiatan_id: n.kegiatan,
    };
    return ctx.io.out(renderJson({ id: h.id, ...kas, ...natura, ...rekam }));
  }
  ctx.io.out(
    h.kas
      ? pesan.disalurkanUang(h.kas.nomor, formatRupiah(h.kas.jumlah), nama)
      : pesan.disalurkanBarang(formatKuantitas(h.natura!.kuantitas_mili, h.natura!.satuan), h.natura!.barang, nama),
  );
}

const BANTUAN_SALUR =
  'menyalurkan bantuan ke PPKS (buku 8): uang dengan BKK (--jumlah) ' +
  'atau barang natura dari stok (--barang --kuantitas), ' +
  'bersama catatan penyalurannya, dalam satu transaksi. Dari dana zakat wajib --asnaf (di terminal ditanyakan); ' +
  '--dana dan --akun hanya untuk bantuan uang';

export function register(program: Command, run: Run): void {
  declareOptions(subcommand(program, 'salur', BANTUAN_SALUR), FORM_SALUR).action(
    run(async (ctx, opts) => {
      enforce(satuBentuk(opts.jumlah !== undefined, opts.barang !== undefined));
      const { db } = await ctx.ledger();
      const pilihan: Record<string, Opsi[]> =
        ctx.interactive && opts.ppks === undefined ? { ppks: await pilihanPpks(db) } : {};
      const env = { ref: await bacaReferensi(db), db, pilihan };
      const n = await collectConfirmed(ctx, FORM_SALUR, opts, env, async (n) => {
        enforce(bentukLengkap(n));
        const ppks = enforce(await cariPpks(db, n.ppks));
        warn(ctx, peringatanPenerima(ppks));
        return ['Penyaluran bantuan:', ringkasanSalur(n, ppks)];
      });
      enforce(bentukLengkap(n));
      tersalur(ctx, n, await salurBantuan(db, n, ctx.now()));
    }),
  );
}

export function registerSantunan(program: Command, run: Run): void {
  const ringkas = 'membayar santunan kematian kepada ahli waris (BKK dari dana kematian) dan mencatatnya';
  const perintah = declareOptions(subcommand(program, 'santunan', ringkas), FORM_ALMARHUM);
  declareOptions(perintah, FORM_SANTUNAN).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const pilihan: Record<string, Opsi[]> =
        ctx.interactive && opts.ppks === undefined ? { ppks: await pilihanPpks(db) } : {};
      const a = await collect(ctx, FORM_ALMARHUM, opts, { db, pilihan });
      const ppks = a.ppks ? enforce(await cariPpks(db, a.ppks)) : null;
      const n = await collect(ctx, formSantunan(ppks), opts, { ref: await bacaReferensi(db), db });
      await confirmSummary(ctx, 'Santunan kematian:', [
        ['almarhum', n.almarhum],
        ['PPKS', ppks ? `ID ${ppks.id}, ditandai meninggal` : ''],
        ['wafat', formatTanggal(n.tanggal_wafat, true)],
        ['ahli waris', `${n.ahli_waris} (${n.hubungan})`],
        ['jumlah', formatRupiah(n.jumlah)],
        ['dana', n.dana],
        ['tanggal', formatTanggal(n.tanggal, true)],
      ]);
      const santunan = { ...n, ppks_id: ppks?.id ?? null };
      const { id, kas } = await bayarSantunanKematian(db, santunan, ctx.now(), ctx.jejak().oleh);
      warn(ctx, peringatanMeterai(kas));
      const { almarhum, tanggal_wafat, ahli_waris, hubungan } = n;
      const rekam = {
        id,
        nomor: kas.nomor,
        kas_id: kas.id,
        tanggal: kas.tanggal,
        jumlah: kas.jumlah,
        dana: kas.dana,
        almarhum,
        tanggal_wafat,
        ahli_waris,
        hubungan,
        ppks_id: ppks?.id ?? null,
      };
      ctx.io.out(
        ctx.json ? renderJson(rekam) : pesan.santunanDibayar(kas.nomor, formatRupiah(kas.jumlah), ahli_waris, almarhum),
      );
    }),
  );
}
