// `wksbm kas …`: receipts, payments, transfers, voids, the cash book, balances, closing quarters.
import type { Command } from 'commander';
import { KAS_FIELDS, BATAS_METERAI } from '../books/kas.js';
import { type Nilai, normalizePhone } from '../books/field.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../domain/errors.js';
import { type FormField, addFieldOptions, collect, confirmSummary } from '../cli/form.js';
import { renderCsv, renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { findDonatur, listDonaturRingkas } from '../db/donatur-repo.js';
import { listKas, saldoAkun, saldoDana } from '../db/kas-repo.js';
import { type Referensi, loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import { formatTanggal, hariSebelum, labelTriwulan, parseDate, parseTriwulan, rentangTriwulan } from '../domain/dates.js';
import { formatRupiah } from '../domain/money.js';
import { closeQuarter, reopenQuarter } from '../ledger/period.js';
import { type EntriBaru, postEntry, voidEntry } from '../ledger/posting.js';
import { CSV_BUKU_KAS, KOLOM_BUKU_KAS, kasJson } from '../render/kas-view.js';
import { bukuKas } from '../reports/buku-kas.js';
import { findKegiatan } from '../db/kegiatan-repo.js';
import { addImporCommand } from './impor.js';

const F = KAS_FIELDS;

function formMasuk(ctx: Context, ref: Referensi, donors: FormField['opsiDinamis']): FormField[] {
  return [
    F.jumlah,
    F.sumber,
    { ...F.dana, bawaan: (n) => ref.sumber.find((s) => s.kode === n.sumber)?.dana ?? 'umum' },
    { ...F.akun, bawaan: () => 'tunai' },
    { ...F.tanggal, bawaan: () => ctx.today() },
    { ...F.donatur, opsiDinamis: donors, tanya: Boolean(donors?.length) },
    F.uraian,
  ];
}

function formKeluar(ctx: Context, ref: Referensi): FormField[] {
  const jenis = (n: Record<string, Nilai>) => ref.jenis.find((j) => j.kode === n.jenis);
  const dana = (n: Record<string, Nilai>) => ref.dana.find((d) => d.kode === n.dana);
  return [
    F.jumlah,
    F.jenis,
    { ...F.dana, bawaan: (n) => ref.dana.find((d) => d.hanya_jenis === n.jenis)?.kode ?? 'umum' },
    { ...F.layanan, tanya: (n) => Boolean(jenis(n)?.perlu_layanan) },
    { ...F.asnaf, tanya: (n) => Boolean(dana(n)?.perlu_asnaf) },
    { ...F.akun, bawaan: () => 'tunai' },
    { ...F.tanggal, bawaan: () => ctx.today() },
    { ...F.kegiatan, tanya: (n) => n.jenis === 'kegiatan' },
    F.uraian,
  ];
}

function formPindah(ctx: Context): FormField[] {
  return [F.jumlah, F.dari, F.ke, { ...F.tanggal, bawaan: () => ctx.today() }, F.uraian];
}

async function resolveDonatur(ctx: Context, raw: Nilai): Promise<number | null> {
  if (raw === null || raw === '') return null;
  const s = String(raw).trim();
  const ledger = await ctx.ledger();
  let found;
  if (/^\d{1,7}$/.test(s)) found = await findDonatur(ledger.db, { id: Number(s) });
  else {
    let hp: string | undefined;
    try {
      hp = normalizePhone(s);
    } catch {
      hp = undefined;
    }
    found = hp ? await findDonatur(ledger.db, { hp }) : await findDonatur(ledger.db, { nama: s });
  }
  if (found.length === 0) throw new UserError(pesan.donaturTidakAda(s));
  if (found.length > 1) throw new UserError(pesan.donaturGanda(s, found.length));
  return found[0]!.id;
}

function ringkasan(e: EntriBaru): [string, string][] {
  return [
    ['jumlah', formatRupiah(e.jumlah)],
    ['tanggal', formatTanggal(e.tanggal, true)],
    ['sumber', e.sumber ?? ''],
    ['jenis', e.jenis ?? ''],
    ['layanan', e.layanan ?? ''],
    ['asnaf', e.asnaf ?? ''],
    ['dana', e.dana ?? ''],
    ['akun', e.akun_tujuan ? `${e.akun} → ${e.akun_tujuan}` : e.akun],
    ['uraian', e.uraian ?? ''],
  ];
}

async function post(ctx: Context, ref: Referensi, e: EntriBaru, judul: string): Promise<void> {
  await confirmSummary(ctx, judul, ringkasan(e));
  const ledger = await ctx.ledger();
  const row = await withTransaction(ledger.db, (tx) => postEntry(tx, e, ref, ctx.now()));
  if (e.arah !== 'pindah' && e.jumlah > BATAS_METERAI) ctx.io.err(ctx.io.color.yellow(pesan.meterai(formatRupiah(e.jumlah))));
  ctx.io.out(ctx.json ? renderJson(kasJson(row)) : pesan.tercatat(row.nomor, formatRupiah(row.jumlah)));
}

export function register(program: Command, run: Run): void {
  const kas = subcommand(program, 'kas', 'buku kas (buku 2 dan 3): pemasukan, pengeluaran, pemindahan, pembatalan, saldo');

  addFieldOptions(subcommand(kas, 'masuk', 'mencatat pemasukan (BKM)'), formMasuk({} as Context, {} as Referensi, [])).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const donors = ctx.interactive && opts.donatur === undefined ? (await listDonaturRingkas(ledger.db)).map((d) => ({ kode: String(d.id), nama: `${d.nama}${d.hp ? ` (${d.hp})` : ''}` })) : [];
      const n = await collect(ctx, formMasuk(ctx, ref, donors), opts, ref);
      const e: EntriBaru = { arah: 'masuk', jumlah: Number(n.jumlah), sumber: n.sumber as string, dana: n.dana as string, akun: n.akun as string, tanggal: n.tanggal as string, donatur_id: await resolveDonatur(ctx, n.donatur), uraian: n.uraian as string | null };
      await post(ctx, ref, e, 'Pemasukan baru:');
    }),
  );

  addFieldOptions(subcommand(kas, 'keluar', 'mencatat pengeluaran (BKK)'), formKeluar({} as Context, {} as Referensi)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formKeluar(ctx, ref), opts, ref);
      if (n.kegiatan !== null && !(await findKegiatan(ledger.db, Number(n.kegiatan)))) throw new UserError(pesan.kegiatanTidakAda(String(n.kegiatan)));
      const e: EntriBaru = { arah: 'keluar', jumlah: Number(n.jumlah), jenis: n.jenis as string, layanan: n.layanan as string | null, asnaf: n.asnaf as string | null, dana: n.dana as string, akun: n.akun as string, tanggal: n.tanggal as string, kegiatan_id: n.kegiatan === null ? null : Number(n.kegiatan), uraian: n.uraian as string | null };
      await post(ctx, ref, e, 'Pengeluaran baru:');
    }),
  );

  addFieldOptions(subcommand(kas, 'pindah', 'memindahkan uang antar akun (mis. setor tunai ke bank); bukan pemasukan atau pengeluaran'), formPindah({} as Context)).action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const n = await collect(ctx, formPindah(ctx), opts, ref);
      const e: EntriBaru = { arah: 'pindah', jumlah: Number(n.jumlah), akun: n.dari as string, akun_tujuan: n.ke as string, tanggal: n.tanggal as string, uraian: n.uraian as string | null };
      await post(ctx, ref, e, 'Pemindahan baru:');
    }),
  );

  subcommand(kas, 'batal <nomor>', 'membatalkan bukti dengan entri pembalik; keduanya tetap tercatat')
    .option('--alasan <teks>', 'alasan pembatalan')
    .option('--tanggal <tanggal>', 'tanggal pembatalan (bawaan: hari ini)')
    .action(
      run(async (ctx, opts, [nomor]) => {
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        const n = await collect(ctx, [F.alasan, { ...F.tanggal, label: 'tanggal pembatalan', bawaan: () => ctx.today(), tanya: false }], opts, ref);
        await confirmSummary(ctx, `Batalkan ${nomor}?`, [['alasan', String(n.alasan)]]);
        const { pembatal } = await withTransaction(ledger.db, (tx) => voidEntry(tx, nomor!, String(n.alasan), String(n.tanggal), ref, ctx.now()));
        ctx.io.out(ctx.json ? renderJson(kasJson(pembatal)) : pesan.dibatalkan(nomor!, pembatal.nomor));
      }),
    );

  subcommand(kas, 'daftar', 'buku kas dengan saldo berjalan')
    .option('--dari <tanggal>', 'sejak tanggal')
    .option('--sampai <tanggal>', 'sampai tanggal')
    .option('--triwulan <tahun-triwulan>', 'satu triwulan, mis. 2026-3')
    .option('--dana <dana>', 'hanya satu dana')
    .option('--akun <akun>', 'hanya satu akun')
    .option('--csv', 'keluaran CSV')
    .action(
      run(async (ctx, opts) => {
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        let dari = opts.dari ? parseDate(String(opts.dari), 'dari') : undefined;
        let sampai = opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined;
        if (opts.triwulan) ({ dari, sampai } = rentangTriwulan(parseTriwulan(String(opts.triwulan))));
        const dana = opts.dana === undefined ? undefined : String(opts.dana);
        const akun = opts.akun === undefined ? undefined : String(opts.akun);
        if (dana && !ref.dana.some((d) => d.kode === dana)) throw new UserError(pesan.danaTidakAda(dana, ref.dana.map((d) => d.kode)));
        if (akun && !ref.akun.some((a) => a.kode === akun)) throw new UserError(pesan.akunTidakAda(akun, ref.akun.map((a) => a.kode)));
        let saldoAwal = 0;
        if (dari) {
          const sebelum = hariSebelum(dari);
          if (dana) saldoAwal = (await saldoDana(ledger.db, sebelum)).get(dana) ?? 0;
          else if (akun) saldoAwal = (await saldoAkun(ledger.db, sebelum)).get(akun) ?? 0;
          else saldoAwal = [...(await saldoAkun(ledger.db, sebelum)).values()].reduce((a, b) => a + b, 0);
        }
        const buku = bukuKas(saldoAwal, await listKas(ledger.db, { dari, sampai, dana, akun }), { dana, akun });
        if (ctx.json) ctx.io.out(renderJson(buku.baris));
        else if (opts.csv) ctx.io.out(renderCsv(CSV_BUKU_KAS, buku.baris.map((b) => CSV_BUKU_KAS.map((k) => b[k]))));
        else {
          ctx.io.out(`Saldo awal: ${formatRupiah(buku.saldoAwal)}`);
          if (buku.baris.length) ctx.io.out(renderTable(ctx.io, KOLOM_BUKU_KAS, buku.baris));
          else ctx.io.out(pesan.tidakAdaData());
          ctx.io.out(`Penerimaan ${formatRupiah(buku.penerimaan)} · Pengeluaran ${formatRupiah(buku.pengeluaran)} · Saldo akhir ${formatRupiah(buku.saldoAkhir)}`);
        }
      }),
    );

  subcommand(kas, 'saldo', 'saldo per dana atau per akun')
    .option('--per <dana|akun>', 'dikelompokkan per dana atau per akun', 'dana')
    .option('--tanggal <tanggal>', 'saldo pada akhir tanggal ini (bawaan: semua entri)')
    .action(
      run(async (ctx, opts) => {
        const per = String(opts.per);
        if (per !== 'dana' && per !== 'akun') throw new UserError(pesan.pilihanTidakDikenal('per', per, ['dana', 'akun']));
        const tanggal = opts.tanggal ? parseDate(String(opts.tanggal)) : undefined;
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        const saldo = per === 'dana' ? await saldoDana(ledger.db, tanggal) : await saldoAkun(ledger.db, tanggal);
        const total = [...saldo.values()].reduce((a, b) => a + b, 0);
        if (ctx.json) {
          ctx.io.out(renderJson({ total, per: Object.fromEntries(saldo) }));
          return;
        }
        const nama = new Map<string, string>([...ref.dana.map((d) => [d.kode, d.nama] as const), ...ref.akun.map((a) => [a.kode, a.nama] as const)].filter(([k]) => saldo.has(k)));
        const rows = [...saldo].map(([kode, n]) => ({ kode, nama: nama.get(kode) ?? '', saldo: formatRupiah(n) }));
        rows.push({ kode: 'JUMLAH', nama: '', saldo: formatRupiah(total) });
        ctx.io.out(renderTable(ctx.io, [{ header: per === 'dana' ? 'Dana' : 'Akun', key: 'kode', value: (r) => r.kode }, { header: 'Nama', key: 'nama', value: (r) => r.nama }, { header: 'Saldo', key: 'saldo', value: (r) => r.saldo, align: 'right' }], rows));
      }),
    );

  addImporCommand(kas, 'kas', run);

  subcommand(kas, 'tutup <triwulan>', 'menutup triwulan (mis. 2026-3) setelah laporan diserahkan')
    .action(
      run(async (ctx, _opts, [teks]) => {
        const t = parseTriwulan(teks!);
        const ledger = await ctx.ledger();
        await withTransaction(ledger.db, (tx) => closeQuarter(tx, t, ctx.today(), ctx.now()));
        ctx.io.out(ctx.json ? renderJson({ tahun: t.tahun, triwulan: t.triwulan, tutup: true }) : pesan.ditutup(labelTriwulan(t)));
      }),
    );

  subcommand(kas, 'buka <triwulan>', 'membuka kembali triwulan yang ditutup (tercatat dengan alasannya)')
    .option('--alasan <teks>', 'alasan membuka kembali')
    .action(
      run(async (ctx, opts, [teks]) => {
        const t = parseTriwulan(teks!);
        const n = await collect(ctx, [{ name: 'alasan', label: 'alasan membuka kembali', type: 'teks', required: true }], opts);
        const ledger = await ctx.ledger();
        await withTransaction(ledger.db, (tx) => reopenQuarter(tx, t, String(n.alasan), ctx.now()));
        ctx.io.out(ctx.json ? renderJson({ tahun: t.tahun, triwulan: t.triwulan, tutup: false }) : pesan.dibuka(labelTriwulan(t)));
      }),
    );
}
