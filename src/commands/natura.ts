// `wksbm natura …`: goods in kind (jimpitan rice): in, out, sold (with a BKM), stock.
import type { Command } from 'commander';
import { BATAS_METERAI, KAS_FIELDS } from '../books/kas.js';
import { type Field, type Nilai, normalizePhone } from '../books/field.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../domain/errors.js';
import { type FormField, addFieldOptions, collect, confirmSummary } from '../cli/form.js';
import { renderCsv, renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { findDonatur } from '../db/donatur-repo.js';
import { listNatura, satuanBarang, stokNatura } from '../db/natura-repo.js';
import { type Referensi, loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import type { Kysely } from 'kysely';
import { formatTanggal, parseDate } from '../domain/dates.js';
import { formatRupiah, miliKeAngka } from '../domain/money.js';
import { formatKuantitas, namaBarang, postNatura, voidNatura } from '../ledger/natura.js';
import { postEntry } from '../ledger/posting.js';

export const NATURA_FIELDS = {
  barang: { name: 'barang', label: 'barang', help: 'mis. beras', type: 'teks', required: true, maxLength: 60 },
  kuantitas: { name: 'kuantitas', label: 'kuantitas', help: 'dalam satuan barang, mis. 12,5', type: 'kuantitas', required: true },
  satuan: { name: 'satuan', label: 'satuan', help: 'bawaan: satuan barang itu sebelumnya, atau kg', type: 'teks', maxLength: 20 },
} satisfies Record<string, Field>;

const N = NATURA_FIELDS;
const K = KAS_FIELDS;

function formMasuk(ctx: Context): FormField[] {
  return [N.barang, N.kuantitas, { ...N.satuan, tanya: false }, { ...K.sumber, bawaan: () => 'jimpitan' }, { ...K.tanggal, bawaan: () => ctx.today() }, { ...K.donatur, tanya: false }, K.uraian];
}

function formKeluar(ctx: Context): FormField[] {
  return [N.barang, N.kuantitas, { ...K.tanggal, bawaan: () => ctx.today() }, K.uraian];
}

function formJual(ctx: Context, ref: Referensi): FormField[] {
  return [
    N.barang,
    N.kuantitas,
    K.jumlah,
    { ...K.sumber, bawaan: () => 'jimpitan', tanya: false },
    { ...K.dana, bawaan: (n) => ref.sumber?.find((s) => s.kode === n.sumber)?.dana ?? 'umum', tanya: false },
    { ...K.akun, bawaan: () => 'tunai' },
    { ...K.tanggal, bawaan: () => ctx.today() },
    K.uraian,
  ];
}

/** A donor by id, phone or name, as `kas masuk --donatur` takes it. */
export async function cariDonatur(db: Kysely<Database>, raw: Nilai): Promise<number | null> {
  if (raw === null || raw === '') return null;
  const s = String(raw).trim();
  let hp: string | undefined;
  try {
    hp = /^\d{1,7}$/.test(s) ? undefined : normalizePhone(s);
  } catch {
    hp = undefined;
  }
  const found = /^\d{1,7}$/.test(s) ? await findDonatur(db, { id: Number(s) }) : hp ? await findDonatur(db, { hp }) : await findDonatur(db, { nama: s });
  if (found.length === 0) throw new UserError(pesan.donaturTidakAda(s));
  if (found.length > 1) throw new UserError(pesan.donaturGanda(s, found.length));
  return found[0]!.id;
}

function naturaJson(r: { id: number; tanggal: string; barang: string; satuan: string; arah: string; kuantitas_mili: number; sumber: string | null; tujuan: string | null; kas_id: number | null; donatur_id: number | null; uraian: string | null }) {
  return { id: r.id, tanggal: r.tanggal, barang: r.barang, arah: r.arah, kuantitas: miliKeAngka(r.kuantitas_mili), satuan: r.satuan, sumber: r.sumber, tujuan: r.tujuan, kas_id: r.kas_id, donatur_id: r.donatur_id, uraian: r.uraian };
}

export function register(program: Command, run: Run): void {
  const natura = subcommand(program, 'natura', 'buku stok barang natura (beras jimpitan): masuk, keluar, jual, saldo');

  addFieldOptions(subcommand(natura, 'masuk', 'mencatat barang masuk (jimpitan, donatur)'), formMasuk({} as Context)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formMasuk(ctx), opts, ref);
      const donatur_id = await cariDonatur(ledger.db, n.donatur);
      await confirmSummary(ctx, 'Natura masuk:', [['barang', String(n.barang)], ['kuantitas', formatKuantitas(Number(n.kuantitas), (n.satuan as string) ?? '')], ['sumber', String(n.sumber)], ['tanggal', formatTanggal(String(n.tanggal), true)]]);
      const row = await withTransaction(ledger.db, (tx) =>
        postNatura(tx, { arah: 'masuk', barang: String(n.barang), kuantitas_mili: Number(n.kuantitas), satuan: n.satuan as string | null, sumber: n.sumber as string, tanggal: String(n.tanggal), donatur_id, uraian: n.uraian as string | null }, ref, ctx.now()),
      );
      ctx.io.out(ctx.json ? renderJson(naturaJson(row)) : pesan.naturaTercatat('masuk', row.barang, formatKuantitas(row.kuantitas_mili, row.satuan)));
    }),
  );

  addFieldOptions(subcommand(natura, 'keluar', 'mencatat barang keluar selain penyaluran (mis. rusak, dipakai kegiatan); penyaluran ke PPKS lewat `wksbm salur --barang`'), formKeluar({} as Context)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formKeluar(ctx), opts, ref);
      await confirmSummary(ctx, 'Natura keluar:', [['barang', String(n.barang)], ['kuantitas', formatKuantitas(Number(n.kuantitas))], ['tanggal', formatTanggal(String(n.tanggal), true)]]);
      const row = await withTransaction(ledger.db, (tx) =>
        postNatura(tx, { arah: 'keluar', tujuan: 'lainnya', barang: String(n.barang), kuantitas_mili: Number(n.kuantitas), tanggal: String(n.tanggal), uraian: n.uraian as string | null }, ref, ctx.now()),
      );
      ctx.io.out(ctx.json ? renderJson(naturaJson(row)) : pesan.naturaTercatat('keluar', row.barang, formatKuantitas(row.kuantitas_mili, row.satuan)));
    }),
  );

  addFieldOptions(subcommand(natura, 'jual', 'menjual barang natura: stok keluar dan BKM untuk uangnya, dalam satu catatan'), formJual({} as Context, {} as Referensi)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formJual(ctx, ref), opts, ref);
      const barang = namaBarang(String(n.barang));
      const satuan = (await satuanBarang(ledger.db, barang)) ?? 'kg';
      const uraian = (n.uraian as string | null) ?? pesan.uraianJualNatura(formatKuantitas(Number(n.kuantitas), satuan), barang);
      await confirmSummary(ctx, 'Penjualan natura:', [['barang', barang], ['kuantitas', formatKuantitas(Number(n.kuantitas))], ['jumlah', formatRupiah(Number(n.jumlah))], ['dana', String(n.dana)], ['akun', String(n.akun)], ['tanggal', formatTanggal(String(n.tanggal), true)]]);
      const { kas, row } = await withTransaction(ledger.db, async (tx) => {
        const kas = await postEntry(tx, { arah: 'masuk', jumlah: Number(n.jumlah), sumber: String(n.sumber), dana: String(n.dana), akun: String(n.akun), tanggal: String(n.tanggal), uraian }, ref, ctx.now());
        const row = await postNatura(tx, { arah: 'keluar', tujuan: 'jual', barang, kuantitas_mili: Number(n.kuantitas), tanggal: String(n.tanggal), kas_id: kas.id, uraian }, ref, ctx.now());
        return { kas, row };
      });
      if (kas.jumlah > BATAS_METERAI) ctx.io.err(ctx.io.color.yellow(pesan.meterai(formatRupiah(kas.jumlah))));
      ctx.io.out(ctx.json ? renderJson({ ...naturaJson(row), nomor: kas.nomor, jumlah: kas.jumlah }) : pesan.naturaDijual(formatKuantitas(row.kuantitas_mili, row.satuan), row.barang, kas.nomor, formatRupiah(kas.jumlah)));
    }),
  );

  subcommand(natura, 'batal <id>', 'membatalkan catatan natura yang salah dengan catatan pembalik (keduanya tetap tercatat); membatalkan penjualan ikut membatalkan BKM-nya')
    .option('--alasan <teks>', 'alasan pembatalan')
    .option('--tanggal <tanggal>', 'tanggal pembatalan (bawaan: hari ini)')
    .action(
      run(async (ctx, opts, [idTeks]) => {
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        if (!/^\d{1,9}$/.test(idTeks!)) throw new UserError(pesan.naturaTidakAda(idTeks!));
        const n = await collect(ctx, [K.alasan, { ...K.tanggal, label: 'tanggal pembatalan', bawaan: () => ctx.today(), tanya: false }], opts, ref);
        await confirmSummary(ctx, `Batalkan natura ID ${idTeks}?`, [['alasan', String(n.alasan)]]);
        const { pembatal, kasPembatal } = await withTransaction(ledger.db, (tx) => voidNatura(tx, Number(idTeks), String(n.alasan), String(n.tanggal), ref, ctx.now()));
        ctx.io.out(ctx.json ? renderJson({ ...naturaJson(pembatal), batal_dari: pembatal.batal_dari, nomor_batal: kasPembatal ?? null }) : pesan.naturaDibatalkan(Number(idTeks), pembatal.id, kasPembatal));
      }),
    );

  subcommand(natura, 'saldo', 'stok setiap barang natura')
    .option('--tanggal <tanggal>', 'stok pada akhir tanggal ini (bawaan: semua catatan)')
    .action(
      run(async (ctx, opts) => {
        const ledger = await ctx.ledger();
        const stok = await stokNatura(ledger.db, opts.tanggal ? parseDate(String(opts.tanggal)) : undefined);
        if (ctx.json) return ctx.io.out(renderJson(Object.fromEntries(stok.map((s) => [s.barang, { kuantitas: miliKeAngka(s.kuantitas_mili), satuan: s.satuan }]))));
        if (stok.length === 0) return ctx.io.out(pesan.tidakAdaData());
        ctx.io.out(renderTable(ctx.io, [{ header: 'Barang', key: 'barang', value: (s) => s.barang }, { header: 'Stok', key: 'stok', value: (s) => formatKuantitas(s.kuantitas_mili, s.satuan), align: 'right' }], stok));
      }),
    );

  subcommand(natura, 'daftar', 'buku stok: setiap barang masuk dan keluar')
    .option('--barang <barang>', 'hanya barang ini')
    .option('--dari <tanggal>', 'sejak tanggal')
    .option('--sampai <tanggal>', 'sampai tanggal')
    .option('--csv', 'keluaran CSV')
    .action(
      run(async (ctx, opts) => {
        const ledger = await ctx.ledger();
        const rows = (await listNatura(ledger.db, { barang: opts.barang ? namaBarang(String(opts.barang)) : undefined, dari: opts.dari ? parseDate(String(opts.dari), 'dari') : undefined, sampai: opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined })).map(naturaJson);
        if (ctx.json) return ctx.io.out(renderJson(rows));
        const kolom = ['id', 'tanggal', 'barang', 'arah', 'kuantitas', 'satuan', 'sumber', 'tujuan', 'kas_id', 'uraian'] as const;
        if (opts.csv) return ctx.io.out(renderCsv([...kolom], rows.map((r) => kolom.map((k) => r[k]))));
        if (rows.length === 0) return ctx.io.out(pesan.tidakAdaData());
        ctx.io.out(renderTable(ctx.io, [
          { header: 'ID', key: 'id', value: (r) => r.id, align: 'right' },
          { header: 'Tanggal', key: 'tanggal', value: (r) => formatTanggal(r.tanggal) },
          { header: 'Barang', key: 'barang', value: (r) => r.barang },
          { header: 'Masuk', key: 'masuk', value: (r) => (r.arah === 'masuk' ? formatKuantitas(Math.round(r.kuantitas * 1000), r.satuan) : ''), align: 'right' },
          { header: 'Keluar', key: 'keluar', value: (r) => (r.arah === 'keluar' ? formatKuantitas(Math.round(r.kuantitas * 1000), r.satuan) : ''), align: 'right' },
          { header: 'Sumber/tujuan', key: 'st', value: (r) => r.sumber ?? r.tujuan ?? '' },
          { header: 'Uraian', key: 'uraian', value: (r) => r.uraian ?? '' },
        ], rows));
      }),
    );
}
