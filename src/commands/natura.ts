// `wksbm natura …`: goods in kind (jimpitan rice): in, out, sold (with a BKM), stock.
import type { Command } from 'commander';
import { cariDonatur } from '../books/donatur.js';
import { dbOf, refOf } from '../books/field.js';
import { KAS_FIELDS } from '../books/kas.js';
import { NATURA_FIELDS } from '../books/natura.js';
import { bacaReferensi } from '../books/referensi.js';
import { opsiCsv, pemisahCsv, type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { askArgumen, collect, confirmSummary, declareOptions, type Form, type FormField } from '../cli/form.js';
import { formatTanggal, parseDate } from '../domain/dates.js';
import { formatRupiah, miliKeAngka } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { danaBawaanMasuk, danaBolehMenerima, peringatanMeterai } from '../ledger/aturan.js';
import { formatKuantitas, namaBarang } from '../ledger/natura.js';
import {
  batalkanNatura,
  catatNaturaKeluar,
  catatNaturaMasuk,
  daftarNatura,
  idNatura,
  jualNatura,
  keteranganStok,
  kuantitasCukup,
  type Natura,
  naturaBisaDibatalkan,
  stokBarang,
} from '../ledger/stok.js';
import { renderCsv, renderJson, renderTable } from '../render/teks.js';

const N = NATURA_FIELDS;
const K = KAS_FIELDS;
const TANGGAL = { ...K.tanggal, hariIni: true };

const FORM_MASUK = {
  barang: N.barang,
  kuantitas: N.kuantitas,
  satuan: { ...N.satuan, tanya: false },
  sumber: { ...K.sumber, bawaan: () => 'jimpitan' },
  tanggal: TANGGAL,
  donatur: { ...K.donatur, tanya: false, aturan: (v, _, env) => cariDonatur(dbOf(env), v) },
  uraian: K.uraian,
} satisfies Form;

/** A quantity leaving the stock, checked against the stock on the entry's day, which the question shows. */
const KUANTITAS_KELUAR = {
  ...N.kuantitas,
  keterangan: (isi, env) => keteranganStok(dbOf(env), isi.barang, isi.tanggal),
  aturan: (k, isi, env) => kuantitasCukup(dbOf(env), isi.barang, isi.tanggal, k),
} satisfies FormField;

const FORM_KELUAR = {
  barang: N.barang,
  tanggal: TANGGAL,
  kuantitas: KUANTITAS_KELUAR,
  uraian: K.uraian,
} satisfies Form;

const FORM_JUAL = {
  barang: N.barang,
  tanggal: TANGGAL,
  kuantitas: KUANTITAS_KELUAR,
  jumlah: K.jumlah,
  sumber: { ...K.sumber, bawaan: () => 'jimpitan', tanya: false },
  dana: {
    ...K.dana,
    tanya: false,
    bawaan: (isi, env) => danaBawaanMasuk(refOf(env), isi.sumber),
    aturan: (dana, isi, env) => danaBolehMenerima(refOf(env), dana, isi.sumber),
  },
  akun: { ...K.akun, bawaan: () => 'tunai' },
  uraian: K.uraian,
} satisfies Form;

const FORM_BATAL = {
  alasan: K.alasan,
  tanggal: { ...TANGGAL, label: 'tanggal pembatalan', tanya: false },
} satisfies Form;

function naturaJson(r: Natura) {
  return {
    id: r.id,
    tanggal: r.tanggal,
    barang: r.barang,
    arah: r.arah,
    kuantitas: miliKeAngka(r.kuantitas_mili),
    satuan: r.satuan,
    sumber: r.sumber,
    tujuan: r.tujuan,
    kas_id: r.kas_id,
    donatur_id: r.donatur_id,
    uraian: r.uraian,
  };
}

function tercatat(ctx: Context, arah: string, row: Natura): void {
  ctx.io.out(
    ctx.json
      ? renderJson(naturaJson(row))
      : pesan.naturaTercatat(arah, row.barang, formatKuantitas(row.kuantitas_mili, row.satuan)),
  );
}

function pasangMasuk(natura: Command, run: Run): void {
  declareOptions(subcommand(natura, 'masuk', 'mencatat barang masuk (jimpitan, donatur)'), FORM_MASUK).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const n = await collect(ctx, FORM_MASUK, opts, { ref: await bacaReferensi(db), db });
      await confirmSummary(ctx, 'Natura masuk:', [
        ['barang', n.barang],
        ['kuantitas', formatKuantitas(n.kuantitas, n.satuan ?? '')],
        ['sumber', n.sumber],
        ['tanggal', formatTanggal(n.tanggal, true)],
      ]);
      tercatat(ctx, 'masuk', await catatNaturaMasuk(db, n, ctx.now()));
    }),
  );
}

function pasangKeluar(natura: Command, run: Run): void {
  const ringkas =
    'mencatat barang keluar selain penyaluran (mis. rusak, dipakai kegiatan); ' +
    'penyaluran ke PPKS lewat `wksbm salur --barang`';
  declareOptions(subcommand(natura, 'keluar', ringkas), FORM_KELUAR).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const n = await collect(ctx, FORM_KELUAR, opts, { ref: await bacaReferensi(db), db });
      await confirmSummary(ctx, 'Natura keluar:', [
        ['barang', n.barang],
        ['kuantitas', formatKuantitas(n.kuantitas)],
        ['tanggal', formatTanggal(n.tanggal, true)],
      ]);
      tercatat(ctx, 'keluar', await catatNaturaKeluar(db, n, ctx.now()));
    }),
  );
}

function pasangJual(natura: Command, run: Run): void {
  declareOptions(
    subcommand(natura, 'jual', 'menjual barang natura: stok keluar dan BKM untuk uangnya, dalam satu catatan'),
    FORM_JUAL,
  ).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const n = await collect(ctx, FORM_JUAL, opts, { ref: await bacaReferensi(db), db });
      await confirmSummary(ctx, 'Penjualan natura:', [
        ['barang', namaBarang(n.barang)],
        ['kuantitas', formatKuantitas(n.kuantitas)],
        ['jumlah', formatRupiah(n.jumlah)],
        ['dana', n.dana],
        ['akun', n.akun],
        ['tanggal', formatTanggal(n.tanggal, true)],
      ]);
      const { kas, natura: row } = await jualNatura(db, n, ctx.now());
      for (const p of peringatanMeterai(kas)) ctx.io.err(ctx.io.color.yellow(p));
      const teks = pesan.naturaDijual(
        formatKuantitas(row.kuantitas_mili, row.satuan),
        row.barang,
        kas.nomor,
        formatRupiah(kas.jumlah),
      );
      ctx.io.out(ctx.json ? renderJson({ ...naturaJson(row), nomor: kas.nomor, jumlah: kas.jumlah }) : teks);
    }),
  );
}

/** `3 · 2 Jul 2026 · beras masuk 5 kg · jimpitan`: a stock row as a treasurer finds it in a list. */
function barisNatura(r: Natura): string {
  const gerak = `${r.barang} ${r.arah} ${formatKuantitas(r.kuantitas_mili, r.satuan)}`;
  return [String(r.id), formatTanggal(r.tanggal), gerak, r.sumber ?? r.tujuan ?? '', r.uraian ?? '']
    .filter(Boolean)
    .join(' · ');
}

function pasangBatal(natura: Command, run: Run): void {
  const ringkas =
    'membatalkan catatan natura yang salah dengan catatan pembalik (keduanya tetap tercatat); ' +
    'membatalkan penjualan ikut membatalkan BKM-nya';
  declareOptions(subcommand(natura, 'batal [id]', ringkas), FORM_BATAL).action(
    run(async (ctx, opts, [diberikan]) => {
      const { db } = await ctx.ledger();
      const idTeks = await askArgumen(ctx, diberikan, {
        label: 'ID natura yang dibatalkan',
        contoh: 'wksbm natura batal 3',
        pilihan: async () =>
          (await naturaBisaDibatalkan(db)).map((r) => ({ name: barisNatura(r), value: String(r.id) })),
      });
      const id = enforce(idNatura(idTeks));
      const n = await collect(ctx, FORM_BATAL, opts);
      await confirmSummary(ctx, `Batalkan natura ID ${idTeks}?`, [['alasan', n.alasan]]);
      const { pembatal, kasPembatal } = await batalkanNatura(db, { id, ...n }, ctx.now());
      const json = { ...naturaJson(pembatal), batal_dari: pembatal.batal_dari, nomor_batal: kasPembatal ?? null };
      ctx.io.out(ctx.json ? renderJson(json) : pesan.naturaDibatalkan(id, pembatal.id, kasPembatal));
    }),
  );
}

function pasangSaldo(natura: Command, run: Run): void {
  subcommand(natura, 'saldo', 'stok setiap barang natura')
    .option('--tanggal <tanggal>', 'stok pada akhir tanggal ini (bawaan: semua catatan)')
    .action(
      run(async (ctx, opts) => {
        const { db } = await ctx.ledger();
        const stok = await stokBarang(db, opts.tanggal ? parseDate(String(opts.tanggal)) : undefined);
        if (ctx.json)
          return ctx.io.out(
            renderJson(
              Object.fromEntries(
                stok.map((s) => [s.barang, { kuantitas: miliKeAngka(s.kuantitas_mili), satuan: s.satuan }]),
              ),
            ),
          );
        if (stok.length === 0) return ctx.io.out(pesan.tidakAdaData());
        ctx.io.out(
          renderTable(
            ctx.io,
            [
              { header: 'Barang', key: 'barang', value: (s) => s.barang },
              {
                header: 'Stok',
                key: 'stok',
                value: (s) => formatKuantitas(s.kuantitas_mili, s.satuan),
                align: 'right',
              },
            ],
            stok,
          ),
        );
      }),
    );
}

const KOLOM_CSV = [
  'id',
  'tanggal',
  'barang',
  'arah',
  'kuantitas',
  'satuan',
  'sumber',
  'tujuan',
  'kas_id',
  'uraian',
] as const;

function tampilDaftar(ctx: Context, rows: ReturnType<typeof naturaJson>[], csv: string | null): void {
  if (ctx.json) return ctx.io.out(renderJson(rows));
  if (csv)
    return ctx.io.out(
      renderCsv(
        [...KOLOM_CSV],
        rows.map((r) => KOLOM_CSV.map((k) => r[k])),
        csv,
      ),
    );
  if (rows.length === 0) return ctx.io.out(pesan.tidakAdaData());
  const mili = (r: { kuantitas: number }) => Math.round(r.kuantitas * 1000);
  ctx.io.out(
    renderTable(
      ctx.io,
      [
        { header: 'ID', key: 'id', value: (r) => r.id, align: 'right' },
        { header: 'Tanggal', key: 'tanggal', value: (r) => formatTanggal(r.tanggal) },
        { header: 'Barang', key: 'barang', value: (r) => r.barang },
        {
          header: 'Masuk',
          key: 'masuk',
          value: (r) => (r.arah === 'masuk' ? formatKuantitas(mili(r), r.satuan) : ''),
          align: 'right',
        },
        {
          header: 'Keluar',
          key: 'keluar',
          value: (r) => (r.arah === 'keluar' ? formatKuantitas(mili(r), r.satuan) : ''),
          align: 'right',
        },
        { header: 'Sumber/tujuan', key: 'st', value: (r) => r.sumber ?? r.tujuan ?? '' },
        { header: 'Uraian', key: 'uraian', value: (r) => r.uraian ?? '' },
      ],
      rows,
    ),
  );
}

function pasangDaftar(natura: Command, run: Run): void {
  const daftar = subcommand(natura, 'daftar', 'buku stok: setiap barang masuk dan keluar')
    .option('--barang <barang>', 'hanya barang ini')
    .option('--dari <tanggal>', 'sejak tanggal')
    .option('--sampai <tanggal>', 'sampai tanggal');
  opsiCsv(daftar).action(
    run(async (ctx, opts) => {
      const { db } = await ctx.ledger();
      const rows = await daftarNatura(db, {
        barang: opts.barang ? String(opts.barang) : undefined,
        dari: opts.dari ? parseDate(String(opts.dari), 'dari') : undefined,
        sampai: opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined,
      });
      tampilDaftar(ctx, rows.map(naturaJson), pemisahCsv(opts));
    }),
  );
}

export function register(program: Command, run: Run): void {
  const natura = subcommand(program, 'natura', 'buku stok barang natura (beras jimpitan): masuk, keluar, jual, saldo');
  pasangMasuk(natura, run);
  pasangKeluar(natura, run);
  pasangJual(natura, run);
  pasangBatal(natura, run);
  pasangSaldo(natura, run);
  pasangDaftar(natura, run);
}
