// `wksbm salur` (aid to a PPKS, money or goods) and `wksbm santunan` (death benefit to the heir).
import type { Command } from 'commander';
import { maskNik } from '../books/buku.js';
import { BATAS_METERAI, KAS_FIELDS } from '../books/kas.js';
import type { Field, Nilai } from '../books/field.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../domain/errors.js';
import { type FormField, addFieldOptions, collect, confirmSummary } from '../cli/form.js';
import { renderJson } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { findKegiatan } from '../db/kegiatan-repo.js';
import { type Referensi, loadReferensi } from '../db/referensi-repo.js';
import { type Baris, findPpksByNik, getBaris, listBaris } from '../db/register-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import type { Kysely } from 'kysely';
import { formatTanggal } from '../domain/dates.js';
import { formatRupiah, miliKeAngka } from '../domain/money.js';
import { formatKuantitas, namaBarang } from '../ledger/natura.js';
import { bayarSantunan, salurkan } from '../ledger/penyaluran.js';
import { NATURA_FIELDS } from './natura.js';

const K = KAS_FIELDS;

const SALUR = {
  ppks: { name: 'ppks', label: 'penerima (PPKS)', help: 'ID atau NIK', type: 'teks', required: true },
  layanan: { ...K.layanan, required: true },
  bentuk: { name: 'bentuk', label: 'bentuk bantuan', help: 'bawaan: uang bila --jumlah, barang bila --barang', type: 'pilihan', pilihan: { tetap: [{ kode: 'uang', nama: 'Uang' }, { kode: 'barang', nama: 'Barang (natura)' }] } },
  jumlah: { ...K.jumlah, required: false },
} satisfies Record<string, Field>;

function formSalur(ctx: Context, ref: Referensi, opts: Record<string, unknown>, penerima: FormField['opsiDinamis']): FormField[] {
  const uang = (n: Record<string, Nilai>) => n.bentuk === 'uang';
  const dana = (n: Record<string, Nilai>) => ref.dana?.find((d) => d.kode === n.dana);
  return [
    { ...SALUR.ppks, opsiDinamis: penerima },
    SALUR.layanan,
    { ...SALUR.bentuk, bawaan: () => (opts.barang !== undefined ? 'barang' : opts.jumlah !== undefined ? 'uang' : undefined), tanya: opts.barang === undefined && opts.jumlah === undefined },
    { ...SALUR.jumlah, tanya: uang },
    { ...NATURA_FIELDS.barang, required: false, tanya: (n) => !uang(n) },
    { ...NATURA_FIELDS.kuantitas, required: false, tanya: (n) => !uang(n) },
    { ...K.dana, bawaan: () => 'umum', tanya: uang },
    { ...K.asnaf, tanya: (n) => uang(n) && Boolean(dana(n)?.perlu_asnaf) },
    { ...K.akun, bawaan: () => 'tunai', tanya: uang },
    { ...K.tanggal, bawaan: () => ctx.today() },
    { ...K.kegiatan, tanya: false },
    K.uraian,
  ];
}

/** A PPKS by its id or its 16-digit NIK. */
async function cariPpks(db: Kysely<Database>, raw: string): Promise<Baris> {
  const s = raw.replace(/[\s.-]/g, '');
  const b = /^\d{16}$/.test(s) ? await findPpksByNik(db, s) : /^\d{1,9}$/.test(s) ? await getBaris(db, 'ppks', Number(s)) : undefined;
  if (!b) throw new UserError(pesan.ppksTidakAda(raw.length === 16 ? maskNik(raw) : raw));
  return b;
}

function formSantunan(ctx: Context): FormField[] {
  return [
    { name: 'almarhum', label: 'nama almarhum/almarhumah', type: 'teks', required: true },
    { name: 'tanggal_wafat', label: 'tanggal wafat', type: 'tanggal', required: true },
    { name: 'ahli_waris', label: 'ahli waris penerima', type: 'teks', required: true },
    { name: 'hubungan', label: 'hubungan ahli waris dengan almarhum', help: 'mis. istri, suami, anak', type: 'teks', required: true },
    { name: 'alamat', label: 'alamat ahli waris', type: 'teks' },
    K.jumlah,
    { ...K.dana, bawaan: () => 'kematian' },
    { ...K.akun, bawaan: () => 'tunai' },
    { ...K.tanggal, label: 'tanggal pembayaran', bawaan: () => ctx.today() },
    K.uraian,
  ];
}

export function register(program: Command, run: Run): void {
  const salur = subcommand(
    program,
    'salur',
    'menyalurkan bantuan ke PPKS (buku 8): uang dengan BKK (--jumlah) atau barang natura dari stok (--barang --kuantitas), bersama catatan penyalurannya, dalam satu transaksi. Dari dana zakat wajib --asnaf (di terminal ditanyakan); --dana dan --akun hanya untuk bantuan uang',
  );
  addFieldOptions(salur, formSalur({} as Context, {} as Referensi, {}, [])).action(
    run(async (ctx, opts) => {
      if (opts.jumlah !== undefined && opts.barang !== undefined) throw new UserError(pesan.salurBentukGanda());
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const penerima = ctx.interactive && opts.ppks === undefined
        ? (await listBaris(ledger.db, 'ppks', { sama: { status: 'aktif' } })).map((p) => ({ kode: String(p.id), nama: `${String(p.nama)} ${maskNik(p.nik as string | null)} (${String(p.kategori)})` }))
        : [];
      const n = await collect(ctx, formSalur(ctx, ref, opts, penerima), opts, ref);
      const bentuk = (n.bentuk as 'uang' | 'barang' | null) ?? null;
      if (!bentuk) throw new UserError(pesan.salurPerluJumlahAtauBarang());
      if (bentuk === 'uang' && n.jumlah === null) throw new UserError(pesan.wajibDiisi('jumlah', 'jumlah'));
      if (bentuk === 'barang' && n.barang === null) throw new UserError(pesan.wajibDiisi('barang', 'barang'));
      if (bentuk === 'barang' && n.kuantitas === null) throw new UserError(pesan.wajibDiisi('kuantitas', 'kuantitas'));
      const ppks = await cariPpks(ledger.db, String(n.ppks));
      if (ppks.status === 'meninggal' || ppks.status === 'pindah') ctx.io.err(ctx.io.color.yellow(pesan.ppksTidakAktif(String(ppks.nama), String(ppks.status))));
      const kegiatan_id = n.kegiatan === null ? null : Number(n.kegiatan);
      if (kegiatan_id !== null && !(await findKegiatan(ledger.db, kegiatan_id))) throw new UserError(pesan.kegiatanTidakAda(String(kegiatan_id)));
      await confirmSummary(ctx, 'Penyaluran bantuan:', [
        ['penerima', `${String(ppks.nama)} ${maskNik(ppks.nik as string | null)}`],
        ['layanan', String(n.layanan)],
        ['bantuan', bentuk === 'uang' ? formatRupiah(Number(n.jumlah)) : `${formatKuantitas(Number(n.kuantitas))} ${namaBarang(String(n.barang))}`],
        ['dana', bentuk === 'uang' ? String(n.dana) : ''],
        ['asnaf', (n.asnaf as string | null) ?? ''],
        ['tanggal', formatTanggal(String(n.tanggal), true)],
      ]);
      const hasil = await withTransaction(ledger.db, (tx) =>
        salurkan(tx, {
          ppks_id: ppks.id, ppks_nama: String(ppks.nama), layanan: String(n.layanan), tanggal: String(n.tanggal), bentuk,
          jumlah: n.jumlah as number | null, dana: n.dana as string | null, akun: n.akun as string | null, asnaf: n.asnaf as string | null,
          barang: n.barang as string | null, kuantitas_mili: n.kuantitas as number | null, kegiatan_id, uraian: n.uraian as string | null,
        }, ref, ctx.now()),
      );
      if (hasil.kas && hasil.kas.jumlah > BATAS_METERAI) ctx.io.err(ctx.io.color.yellow(pesan.meterai(formatRupiah(hasil.kas.jumlah))));
      if (ctx.json) {
        return ctx.io.out(renderJson({
          id: hasil.id, ...(hasil.kas ? { nomor: hasil.kas.nomor, kas_id: hasil.kas.id, jumlah: hasil.kas.jumlah, dana: hasil.kas.dana } : {}),
          ...(hasil.natura ? { natura_id: hasil.natura.id, barang: hasil.natura.barang, kuantitas: miliKeAngka(hasil.natura.kuantitas_mili), satuan: hasil.natura.satuan } : {}),
          tanggal: n.tanggal, ppks_id: ppks.id, layanan: n.layanan, bentuk, asnaf: n.asnaf, kegiatan_id,
        }));
      }
      ctx.io.out(hasil.kas
        ? pesan.disalurkanUang(hasil.kas.nomor, formatRupiah(hasil.kas.jumlah), String(ppks.nama))
        : pesan.disalurkanBarang(formatKuantitas(hasil.natura!.kuantitas_mili, hasil.natura!.satuan), hasil.natura!.barang, String(ppks.nama)));
    }),
  );
}

export function registerSantunan(program: Command, run: Run): void {
  const santunan = subcommand(program, 'santunan', 'membayar santunan kematian kepada ahli waris (BKK dari dana kematian) dan mencatatnya');
  addFieldOptions(santunan, formSantunan({} as Context)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formSantunan(ctx), opts, ref);
      if (String(n.tanggal_wafat) > String(n.tanggal)) throw new UserError(pesan.wafatSesudahBayar(formatTanggal(String(n.tanggal_wafat)), formatTanggal(String(n.tanggal))));
      await confirmSummary(ctx, 'Santunan kematian:', [
        ['almarhum', String(n.almarhum)], ['wafat', formatTanggal(String(n.tanggal_wafat), true)], ['ahli waris', `${String(n.ahli_waris)} (${String(n.hubungan)})`],
        ['jumlah', formatRupiah(Number(n.jumlah))], ['dana', String(n.dana)], ['tanggal', formatTanggal(String(n.tanggal), true)],
      ]);
      const { id, kas } = await withTransaction(ledger.db, (tx) =>
        bayarSantunan(tx, {
          almarhum: String(n.almarhum), tanggal_wafat: String(n.tanggal_wafat), ahli_waris: String(n.ahli_waris), hubungan: String(n.hubungan), alamat: n.alamat as string | null,
          jumlah: Number(n.jumlah), dana: String(n.dana), akun: String(n.akun), tanggal: String(n.tanggal), uraian: n.uraian as string | null,
        }, ref, ctx.now()),
      );
      if (kas.jumlah > BATAS_METERAI) ctx.io.err(ctx.io.color.yellow(pesan.meterai(formatRupiah(kas.jumlah))));
      ctx.io.out(ctx.json
        ? renderJson({ id, nomor: kas.nomor, kas_id: kas.id, tanggal: kas.tanggal, jumlah: kas.jumlah, dana: kas.dana, almarhum: n.almarhum, tanggal_wafat: n.tanggal_wafat, ahli_waris: n.ahli_waris, hubungan: n.hubungan })
        : pesan.santunanDibayar(kas.nomor, formatRupiah(kas.jumlah), String(n.ahli_waris), String(n.almarhum)));
    }),
  );
}
