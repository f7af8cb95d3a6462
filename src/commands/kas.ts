// `wksbm kas …`: receipts, payments, transfers, voids, the cash book, balances, closing quarters.
import type { Command } from 'commander';
import { cariDonatur, pilihanDonatur } from '../books/donatur.js';
import { dbOf, type Nilai, type Opsi, refOf } from '../books/field.js';
import { KAS_FIELDS } from '../books/kas.js';
import { kegiatanAda } from '../books/kegiatan.js';
import { bacaReferensi, type Referensi } from '../books/referensi.js';
import { opsiCsv, pemisahCsv, type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { askArgumen, collect, collectConfirmed, declareOptions, type Form, type FormField } from '../cli/form.js';
import { formatTanggal, labelTriwulan, parseDate, parseTriwulan, rentangTriwulan } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import {
  akunBerbeda,
  danaBawaanKeluar,
  danaBawaanMasuk,
  danaBolehMembayar,
  danaBolehMenerima,
  danaPerluAsnaf,
  jenisPerluLayanan,
  keteranganSaldo,
  peringatanMeterai,
  tanggalMundur,
  uangCukup,
} from '../ledger/aturan.js';
import {
  bacaBukuKas,
  batalkanBukti,
  buktiBisaDibatalkan,
  buktiUntukDibatalkan,
  catatKeluar,
  catatMasuk,
  catatPindah,
  type Kas,
  type LingkupKas,
  saldoKas,
} from '../ledger/kas.js';
import { bukaTriwulan, tutupTriwulan } from '../ledger/period.js';
import { bacaSaldoAwal } from '../ledger/saldo-awal.js';
import { CSV_BUKU_KAS, KOLOM_BUKU_KAS, kasJson } from '../render/kas-view.js';
import { renderCsv, renderJson, renderTable } from '../render/teks.js';
import { bukuKas } from '../reports/buku-kas.js';
import { addImporCommand } from './impor.js';

type BukuKas = ReturnType<typeof bukuKas>;

const F = KAS_FIELDS;
const TANGGAL = { ...F.tanggal, hariIni: true };
/** An entry's date; one before the newest voucher of its kind is confirmed at a terminal. */
const tanggalBukti = (bukti: 'BKM' | 'BKK' | 'PB') =>
  ({ ...TANGGAL, konfirmasi: (v, _, env) => tanggalMundur(dbOf(env), bukti, v) }) satisfies FormField;
const AKUN = { ...F.akun, bawaan: () => 'tunai' };

export const FORM_MASUK = {
  jumlah: F.jumlah,
  sumber: F.sumber,
  dana: {
    ...F.dana,
    bawaan: (isi, env) => danaBawaanMasuk(refOf(env), isi.sumber),
    aturan: (dana, isi, env) => danaBolehMenerima(refOf(env), dana, isi.sumber),
  },
  akun: AKUN,
  tanggal: tanggalBukti('BKM'),
  donatur: {
    ...F.donatur,
    tanya: (_, env) => Boolean(env.pilihan.donatur?.length),
    aturan: (v, _, env) => cariDonatur(dbOf(env), v),
  },
  uraian: F.uraian,
} satisfies Form;

/** Where money leaves from: the fund and account of a payment, the source account of a transfer. */
const asalUang = (isi: Record<string, Nilai>) => ({ dana: isi.dana, akun: isi.akun ?? isi.dari, tanggal: isi.tanggal });

/** An amount paid out, checked against its fund and account on the entry's day, which the question shows. */
const JUMLAH_KELUAR = {
  ...F.jumlah,
  keterangan: (isi, env) => keteranganSaldo(dbOf(env), refOf(env), asalUang(isi)),
  aturan: (jumlah, isi, env) => uangCukup(dbOf(env), refOf(env), asalUang(isi), jumlah),
} satisfies FormField;

export const FORM_KELUAR = {
  jenis: F.jenis,
  dana: {
    ...F.dana,
    bawaan: (isi, env) => danaBawaanKeluar(refOf(env), isi.jenis),
    aturan: (dana, isi, env) => danaBolehMembayar(refOf(env), { dana, jenis: isi.jenis }),
  },
  layanan: {
    ...F.layanan,
    tanya: (isi, env) => jenisPerluLayanan(refOf(env), isi.jenis),
    wajib: (isi, env) => jenisPerluLayanan(refOf(env), isi.jenis),
    aturan: (layanan, isi, env) => danaBolehMembayar(refOf(env), { dana: isi.dana, jenis: isi.jenis, layanan }),
  },
  asnaf: {
    ...F.asnaf,
    tanya: (isi, env) => danaPerluAsnaf(refOf(env), isi.dana),
    wajib: (isi, env) => danaPerluAsnaf(refOf(env), isi.dana),
    aturan: (asnaf, isi, env) => danaBolehMembayar(refOf(env), { dana: isi.dana, jenis: isi.jenis, asnaf }),
  },
  akun: AKUN,
  tanggal: tanggalBukti('BKK'),
  jumlah: JUMLAH_KELUAR,
  kegiatan: {
    ...F.kegiatan,
    tanya: (isi) => isi.jenis === 'kegiatan',
    aturan: (id, _, env) => kegiatanAda(dbOf(env), id),
  },
  uraian: F.uraian,
} satisfies Form;

export const FORM_PINDAH = {
  dari: F.dari,
  ke: { ...F.ke, aturan: (ke, isi) => akunBerbeda(isi.dari, ke) },
  tanggal: tanggalBukti('PB'),
  jumlah: JUMLAH_KELUAR,
  uraian: F.uraian,
} satisfies Form;

const FORM_BATAL = {
  alasan: F.alasan,
  tanggal: { ...TANGGAL, label: 'tanggal pembatalan', tanya: false },
} satisfies Form;

const FORM_BUKA = {
  alasan: { name: 'alasan', label: 'alasan membuka kembali', type: 'teks', required: true },
} satisfies Form;

interface Ringkas {
  jumlah: number;
  tanggal: string;
  sumber?: string | null;
  jenis?: string | null;
  layanan?: string | null;
  asnaf?: string | null;
  dana?: string | null;
  akun: string;
  ke?: string;
  uraian?: string | null;
}

/** `zakat — Zakat maal`: a code with the name the unit gave it. */
function bernama(rows: { kode: string; nama: string }[], kode: string | null | undefined): string {
  if (!kode) return '';
  const nama = rows.find((r) => r.kode === kode)?.nama;
  return nama && nama !== kode ? `${kode} — ${nama}` : kode;
}

function ringkasan(e: Ringkas, ref: Referensi, donatur = ''): [string, string][] {
  return [
    ['jumlah', formatRupiah(e.jumlah)],
    ['tanggal', formatTanggal(e.tanggal, true)],
    ['sumber', bernama(ref.sumber, e.sumber)],
    ['donatur', donatur],
    ['jenis', bernama(ref.jenis, e.jenis)],
    ['layanan', bernama(ref.layanan, e.layanan)],
    ['asnaf', bernama(ref.asnaf, e.asnaf)],
    ['dana', bernama(ref.dana, e.dana)],
    ['akun', e.ke ? `${bernama(ref.akun, e.akun)} → ${bernama(ref.akun, e.ke)}` : bernama(ref.akun, e.akun)],
    ['uraian', e.uraian ?? ''],
  ];
}

function warn(ctx: Context, peringatan: string[]): void {
  for (const p of peringatan) ctx.io.err(ctx.io.color.yellow(p));
}

function tercatat(ctx: Context, row: Kas): void {
  warn(ctx, peringatanMeterai(row));
  ctx.io.out(ctx.json ? renderJson(kasJson(row)) : pesan.tercatat(row.nomor, formatRupiah(row.jumlah)));
}

function pasangMasuk(kas: Command, run: Run): void {
  declareOptions(subcommand(kas, 'masuk', 'mencatat pemasukan (BKM)'), FORM_MASUK).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const ref = await bacaReferensi(db);
      const pilihan: Record<string, Opsi[]> =
        ctx.interactive && opts.donatur === undefined ? { donatur: await pilihanDonatur(db) } : {};
      const donatur = (id: unknown) => pilihan.donatur?.find((o) => o.kode === String(id))?.nama ?? String(id ?? '');
      const n = await collectConfirmed(ctx, FORM_MASUK, opts, { ref, db, pilihan }, (n) => [
        'Pemasukan baru:',
        ringkasan(n, ref, donatur(n.donatur)),
      ]);
      tercatat(ctx, await catatMasuk(db, n, ctx.now()));
    }),
  );
}

function pasangKeluar(kas: Command, run: Run): void {
  declareOptions(subcommand(kas, 'keluar', 'mencatat pengeluaran (BKK)'), FORM_KELUAR).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const ref = await bacaReferensi(db);
      const n = await collectConfirmed(ctx, FORM_KELUAR, opts, { ref, db }, (n) => [
        'Pengeluaran baru:',
        ringkasan(n, ref),
      ]);
      tercatat(ctx, await catatKeluar(db, n, ctx.now()));
    }),
  );
}

function pasangPindah(kas: Command, run: Run): void {
  const ringkas = 'memindahkan uang antar akun (mis. setor tunai ke bank); bukan pemasukan atau pengeluaran';
  declareOptions(subcommand(kas, 'pindah', ringkas), FORM_PINDAH).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const ref = await bacaReferensi(db);
      const n = await collectConfirmed(ctx, FORM_PINDAH, opts, { ref, db }, (n) => [
        'Pemindahan baru:',
        ringkasan({ ...n, akun: n.dari }, ref),
      ]);
      tercatat(ctx, await catatPindah(db, n, ctx.now()));
    }),
  );
}

/** `001/BKK/XI/2026 · 22 Nov 2026 · Rp 45.000 · Map`: a voucher as a treasurer finds it in a list. */
function barisBukti(k: Kas): string {
  const bagian = [k.nomor, formatTanggal(k.tanggal), formatRupiah(Math.abs(k.jumlah)), k.uraian ?? ''];
  return bagian.filter(Boolean).join(' · ');
}

function pasangBatal(kas: Command, run: Run): void {
  declareOptions(
    subcommand(kas, 'batal [nomor]', 'membatalkan bukti dengan entri pembalik; keduanya tetap tercatat'),
    FORM_BATAL,
  ).action(
    run(async (ctx, opts, [diberikan]) => {
      const { db } = await ctx.ledger();
      const nomor = await askArgumen(ctx, diberikan, {
        label: 'nomor bukti yang dibatalkan',
        contoh: 'wksbm kas batal 001/BKK/XI/2026',
        pilihan: async () => (await buktiBisaDibatalkan(db)).map((k) => ({ name: barisBukti(k), value: k.nomor })),
      });
      const asli = await buktiUntukDibatalkan(db, nomor);
      // an opening balance is voided whole: the summary names every voucher that goes with it
      const ikut = asli.bukti === 'SA' ? (await bacaSaldoAwal(db)).map((k) => k.nomor).filter((x) => x !== nomor) : [];
      const n = await collectConfirmed(ctx, FORM_BATAL, opts, {}, (n) => [
        `Batalkan ${nomor}?`,
        [
          ['tanggal', formatTanggal(asli.tanggal, true)],
          ['jumlah', formatRupiah(Math.abs(asli.jumlah))],
          ['uraian', asli.uraian ?? ''],
          ['ikut dibatalkan', ikut.length ? `${ikut.join(', ')} (seluruh saldo awal)` : ''],
          ['alasan', n.alasan],
        ],
      ]);
      const { pembatal, semua } = await batalkanBukti(db, { nomor, ...n }, ctx.now());
      if (ctx.json) {
        const bersama = semua ? { saldo_awal_dibatalkan: semua.asli.map((k) => k.nomor) } : {};
        return ctx.io.out(renderJson({ ...kasJson(pembatal), ...bersama }));
      }
      ctx.io.out(
        semua
          ? pesan.saldoAwalDibatalkan(
              semua.asli.map((k) => k.nomor),
              semua.pembatal.map((k) => k.nomor),
            )
          : pesan.dibatalkan(nomor, pembatal.nomor),
      );
    }),
  );
}

/** `--dari/--sampai` or `--triwulan`, and one fund or account. */
function lingkupDaftar(opts: Record<string, unknown>): LingkupKas {
  let dari = opts.dari ? parseDate(String(opts.dari), 'dari') : undefined;
  let sampai = opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined;
  if (opts.triwulan) ({ dari, sampai } = rentangTriwulan(parseTriwulan(String(opts.triwulan))));
  return {
    dari,
    sampai,
    dana: opts.dana === undefined ? undefined : String(opts.dana),
    akun: opts.akun === undefined ? undefined : String(opts.akun),
  };
}

function tampilBukuKas(ctx: Context, buku: BukuKas, csv: string | null): void {
  if (ctx.json) return ctx.io.out(renderJson(buku.baris));
  if (csv)
    return ctx.io.out(
      renderCsv(
        CSV_BUKU_KAS,
        buku.baris.map((b) => CSV_BUKU_KAS.map((k) => b[k])),
        csv,
      ),
    );
  ctx.io.out(`Saldo awal: ${formatRupiah(buku.saldoAwal)}`);
  ctx.io.out(buku.baris.length ? renderTable(ctx.io, KOLOM_BUKU_KAS, buku.baris) : pesan.tidakAdaData());
  const [masuk, keluar, akhir] = [buku.penerimaan, buku.pengeluaran, buku.saldoAkhir].map(formatRupiah);
  const awal = buku.saldoAwalDicatat === 0 ? '' : `Saldo awal dicatat ${formatRupiah(buku.saldoAwalDicatat)} · `;
  ctx.io.out(`${awal}Penerimaan ${masuk} · Pengeluaran ${keluar} · Saldo akhir ${akhir}`);
}

function pasangDaftar(kas: Command, run: Run): void {
  const daftar = subcommand(kas, 'daftar', 'buku kas dengan saldo berjalan')
    .option('--dari <tanggal>', 'sejak tanggal')
    .option('--sampai <tanggal>', 'sampai tanggal')
    .option('--triwulan <tahun-triwulan>', 'satu triwulan, mis. 2026-3')
    .option('--dana <dana>', 'hanya satu dana')
    .option('--akun <akun>', 'hanya satu akun');
  opsiCsv(daftar).action(
    run(async (ctx, opts) => {
      const lingkup = lingkupDaftar(opts);
      const { db } = await ctx.ledger();
      const { saldoAwal, entri } = await bacaBukuKas(db, lingkup);
      tampilBukuKas(ctx, bukuKas(saldoAwal, entri, { dana: lingkup.dana, akun: lingkup.akun }), pemisahCsv(opts));
    }),
  );
}

function pasangSaldo(kas: Command, run: Run): void {
  subcommand(kas, 'saldo', 'saldo per dana atau per akun')
    .option('--per <dana|akun>', 'dikelompokkan per dana atau per akun', 'dana')
    .option('--tanggal <tanggal>', 'saldo pada akhir tanggal ini (bawaan: semua entri)')
    .action(
      run(async (ctx, opts) => {
        const per = String(opts.per);
        if (per !== 'dana' && per !== 'akun')
          throw new UserError(pesan.pilihanTidakDikenal('per', per, ['dana', 'akun']));
        const tanggal = opts.tanggal ? parseDate(String(opts.tanggal)) : undefined;
        const saldo = await saldoKas((await ctx.ledger()).db, per, tanggal);
        if (ctx.json) return ctx.io.out(renderJson({ total: saldo.total, per: Object.fromEntries(saldo.per) }));
        const rows = [...saldo.per].map(([kode, n]) => ({
          kode,
          nama: saldo.nama.get(kode) ?? '',
          saldo: formatRupiah(n),
        }));
        rows.push({ kode: 'JUMLAH', nama: '', saldo: formatRupiah(saldo.total) });
        ctx.io.out(
          renderTable(
            ctx.io,
            [
              { header: per === 'dana' ? 'Dana' : 'Akun', key: 'kode', value: (r) => r.kode },
              { header: 'Nama', key: 'nama', value: (r) => r.nama },
              { header: 'Saldo', key: 'saldo', value: (r) => r.saldo, align: 'right' },
            ],
            rows,
          ),
        );
        const awal = (await bacaSaldoAwal((await ctx.ledger()).db)).filter((k) => !tanggal || k.tanggal <= tanggal);
        if (awal.length)
          ctx.io.out(
            pesan.saldoAwalTermasuk(
              formatTanggal(awal[0]!.tanggal, true),
              formatRupiah(awal.reduce((s, k) => s + k.jumlah, 0)),
            ),
          );
      }),
    );
}

function pasangTutupBuka(kas: Command, run: Run): void {
  subcommand(kas, 'tutup <triwulan>', 'menutup triwulan (mis. 2026-3) setelah laporan diserahkan').action(
    run(async (ctx, _opts, [teks]) => {
      const t = parseTriwulan(teks!);
      const kode = await tutupTriwulan((await ctx.ledger()).db, t, ctx.today(), ctx.now());
      ctx.io.out(
        ctx.json
          ? renderJson({ tahun: t.tahun, triwulan: t.triwulan, tutup: true, kode_segel: kode })
          : pesan.ditutup(labelTriwulan(t), kode),
      );
    }),
  );
  declareOptions(
    subcommand(kas, 'buka <triwulan>', 'membuka kembali triwulan yang ditutup (tercatat dengan alasannya)'),
    FORM_BUKA,
  ).action(
    run(async (ctx, opts, [teks]) => {
      const t = parseTriwulan(teks!);
      const n = await collect(ctx, FORM_BUKA, opts);
      await bukaTriwulan(await ctx.ledger(), t, n.alasan, ctx.now());
      ctx.io.out(
        ctx.json ? renderJson({ tahun: t.tahun, triwulan: t.triwulan, tutup: false }) : pesan.dibuka(labelTriwulan(t)),
      );
    }),
  );
}

export function register(program: Command, run: Run): void {
  const kas = subcommand(
    program,
    'kas',
    'buku kas (buku 2 dan 3): pemasukan, pengeluaran, pemindahan, pembatalan, saldo',
  );
  pasangMasuk(kas, run);
  pasangKeluar(kas, run);
  pasangPindah(kas, run);
  pasangBatal(kas, run);
  pasangDaftar(kas, run);
  pasangSaldo(kas, run);
  addImporCommand(kas, 'kas', run);
  pasangTutupBuka(kas, run);
}
