// `wksbm impor …` and `wksbm <buku> impor FILE`: bulk import of donors, PPKS, PSKS and cash entries
// from CSV/XLSX, the import history, and reversing an import.
import type cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { batalImpor, imporAda, riwayatImpor } from '../books/impor.js';
import { type Run, subcommand } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { askArgumen, confirmSummary } from '../cli/form.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import type { Ringkasan } from '../import/impor.js';
import { BUKU_IMPOR, type BukuImpor, bukuImpor, type HasilBaris } from '../import/jenis.js';
import { type Kolom, renderJson, renderTable } from '../render/teks.js';

const KEPUTUSAN: Record<HasilBaris['keputusan'], string> = {
  baru: 'baru',
  sudah_ada: 'sudah ada',
  mungkin_ganda: 'mungkin ganda',
  ditolak: 'ditolak',
};
const TAMPIL_MAKS = 30;

function tambahOpsi(cmd: Command, buku: BukuImpor | undefined): Command {
  cmd
    .option('--uji', 'uji coba: laporkan apa yang akan ditambah, dilewati dan ditolak, tanpa menulis apa pun')
    .option(
      '--ketat',
      'semua baris atau tidak sama sekali: bila ada baris ditolak, tidak ada yang diimpor (kode keluar 2)',
    )
    .option(
      '--kolom <isian=judul>',
      'tunjukkan kolom untuk satu isian, mis. --kolom hp="TELP." (boleh berulang)',
      (v: string, acc: string[] | undefined) => [...(acc ?? []), v],
    )
    .option(
      '--ditolak <berkas>',
      'tulis baris yang tidak diimpor ke berkas ini (tata letak sama, ditambah kolom alasan)',
    );
  if (buku !== 'kas')
    cmd.option('--terima-mirip', 'tambahkan juga baris yang mungkin orang yang sama dengan data yang sudah ada');
  if (buku === 'ppks' || buku === undefined)
    cmd
      .option('--kategori <kategori>', 'PPKS: kategori untuk baris tanpa kolom kategori (daftar BNBA/DTSEN), mis. FM')
      .option('--status <status>', 'PPKS: status untuk baris tanpa kolom status (bawaan: aktif)')
      .option('--dasar <dasar>', 'PPKS: dasar pemrosesan data untuk setiap baris tanpa kolom itu, mis. tugas_publik');
  return cmd;
}

type Progres = { update: (posisi: number, total: number) => void; stop: () => void };

/** A bar on stderr when it is a terminal; it appears only once a file is big enough to report progress. */
async function progres(io: Context['io']): Promise<Progres> {
  const stream = io.terminal?.err;
  if (!stream) return { update: () => undefined, stop: () => undefined };
  const { default: cliProgress } = await import('cli-progress');
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(posisi, total) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream, format: 'Mengimpor [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, posisi);
      } else bar.update(posisi);
    },
    stop() {
      bar?.stop();
    },
  };
}

async function jalankan(ctx: Context, buku: BukuImpor, berkas: string, opts: Record<string, unknown>): Promise<void> {
  // the import's machinery (CSV and XLSX readers, the bulk writer) loads only when a file is imported
  const [{ jalankanImpor }, { parseKolomOpsi }] = await Promise.all([
    import('../import/impor.js'),
    import('../import/kolom.js'),
  ]);
  const kolom = parseKolomOpsi((opts.kolom as string[] | undefined) ?? []);
  const ledger = await ctx.ledger();
  const bar = await progres(ctx.io);
  let r: Ringkasan;
  try {
    r = await jalankanImpor(ledger, {
      buku,
      berkas,
      kolom,
      uji: Boolean(opts.uji),
      ketat: Boolean(opts.ketat),
      terimaMirip: Boolean(opts.terimaMirip),
      bawaan: buku === 'ppks' ? bawaanPpks(opts) : undefined,
      ditolak: opts.ditolak === undefined ? undefined : String(opts.ditolak),
      waktu: ctx.now(),
      hariIni: ctx.today(),
      oleh: ctx.user(),
      onProgress: bar.update,
      err: (teks) => ctx.io.err(teks),
    });
  } finally {
    bar.stop();
  }
  tampilkan(ctx, r);
  if (r.batal_ketat) throw new UserError(pesan.imporKetat(r.ditolak));
}

/** `--kategori`, `--status`, `--dasar`: the PPKS fields a BNBA list leaves out, for every row. */
function bawaanPpks(opts: Record<string, unknown>): Record<string, string> {
  const pasang: [string, unknown][] = [
    ['kategori', opts.kategori],
    ['status', opts.status],
    ['dasar_pemrosesan', opts.dasar],
  ];
  return Object.fromEntries(pasang.filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}

function tampilkan(ctx: Context, r: Ringkasan): void {
  if (ctx.json) {
    const { dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak, impor_id, uji, baris } = r;
    ctx.io.out(renderJson({ dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak, impor_id, uji, baris }));
    return;
  }
  const angka: [string, number][] = [
    ['Dibaca', r.dibaca],
    ['Ditambah', r.ditambah],
    ['Sudah ada', r.sudah_ada],
    ['Mungkin ganda', r.mungkin_ganda],
    ['Ditolak', r.ditolak],
  ];
  ctx.io.out(
    renderTable(
      ctx.io,
      [
        { header: 'Baris', key: 'k', value: (x: [string, number]) => x[0] },
        { header: 'Jumlah', key: 'n', value: (x: [string, number]) => x[1], align: 'right' },
      ],
      angka,
    ),
  );
  if (r.baris.length) {
    const kolom: Kolom<HasilBaris>[] = [
      { header: 'Baris', key: 'baris', value: (b) => b.baris, align: 'right' },
      { header: 'Keputusan', key: 'keputusan', value: (b) => KEPUTUSAN[b.keputusan] },
      { header: 'Isi', key: 'ringkas', value: (b) => b.ringkas },
      { header: 'Alasan', key: 'alasan', value: (b) => b.alasan },
    ];
    ctx.io.out(renderTable(ctx.io, kolom, r.baris.slice(0, TAMPIL_MAKS)));
    if (r.baris.length > TAMPIL_MAKS) ctx.io.out(pesan.imporDanLainnya(r.baris.length - TAMPIL_MAKS));
  }
  if (r.uji) ctx.io.out(pesan.imporUji());
  else if (r.impor_id !== null) ctx.io.out(pesan.imporTercatat(r.impor_id, r.ditambah));
  if (r.berkas_ditolak) ctx.io.out(pesan.imporDitolakDitulis(r.mungkin_ganda + r.ditolak, r.berkas_ditolak));
}

function defineImpor(cmd: Command, buku: BukuImpor, run: Run): Command {
  return tambahOpsi(cmd, buku).action(run(async (ctx, opts, [berkas]) => jalankan(ctx, buku, berkas!, opts)));
}

/** `wksbm <buku> impor FILE`: hooked under donatur, ppks, psks and kas. */
export function addImporCommand(parent: Command, buku: string, run: Run): Command {
  return defineImpor(
    subcommand(parent, 'impor <berkas>', `mengimpor ${buku} dari berkas CSV atau XLSX`),
    bukuImpor(buku),
    run,
  );
}

export function register(program: Command, run: Run): void {
  const impor = subcommand(
    program,
    'impor',
    'impor massal dari CSV/XLSX (donatur, ppks, psks, kas), riwayat impor, dan pembatalannya',
  );
  for (const buku of BUKU_IMPOR)
    defineImpor(
      subcommand(
        impor,
        `${buku} <berkas>`,
        `mengimpor ${buku} dari berkas CSV atau XLSX (sama dengan wksbm ${buku} impor)`,
      ),
      buku,
      run,
    );

  subcommand(impor, 'riwayat', 'daftar impor yang pernah dilakukan').action(
    run(async (ctx) => {
      const rows = await riwayatImpor((await ctx.ledger()).db);
      if (ctx.json) return ctx.io.out(renderJson(rows.map((r) => ({ ...r, dibatalkan: r.dibatalkan ?? null }))));
      if (!rows.length) return ctx.io.out(pesan.tidakAdaData());
      type R = (typeof rows)[number];
      const kolom: Kolom<R>[] = [
        { header: 'ID', key: 'id', value: (r) => r.id, align: 'right' },
        { header: 'Waktu', key: 'waktu', value: (r) => r.waktu.slice(0, 16).replace('T', ' ') },
        { header: 'Buku', key: 'buku', value: (r) => r.buku },
        { header: 'Berkas', key: 'berkas', value: (r) => r.berkas },
        { header: 'Dibaca', key: 'dibaca', value: (r) => r.dibaca, align: 'right' },
        { header: 'Ditambah', key: 'ditambah', value: (r) => r.ditambah, align: 'right' },
        { header: 'Sudah ada', key: 'sudah_ada', value: (r) => r.sudah_ada, align: 'right' },
        { header: 'Mungkin ganda', key: 'mungkin_ganda', value: (r) => r.mungkin_ganda, align: 'right' },
        { header: 'Ditolak', key: 'ditolak', value: (r) => r.ditolak, align: 'right' },
        {
          header: 'Status',
          key: 'status',
          value: (r) => (r.dibatalkan ? `dibatalkan ${r.dibatalkan.slice(0, 10)}` : ''),
        },
      ];
      ctx.io.out(renderTable(ctx.io, kolom, rows));
    }),
  );

  subcommand(
    impor,
    'batal [id]',
    'membatalkan satu impor: entri kas dibatalkan dengan entri pembalik, baris buku yang belum dipakai dihapus',
  ).action(
    run(async (ctx, _opts, [diberikan]) => {
      const ledger = await ctx.ledger();
      const id = await askArgumen(ctx, diberikan, {
        label: 'ID impor yang dibatalkan',
        contoh: 'wksbm impor batal 1',
        pilihan: async () =>
          (await riwayatImpor(ledger.db))
            .filter((r) => !r.dibatalkan)
            .map((r) => ({
              name: [`#${r.id}`, r.waktu.slice(0, 10), r.buku, r.berkas, `${r.ditambah} ditambah`].join(' · '),
              value: String(r.id),
            })),
      });
      const imp = enforce(await imporAda(ledger.db, id!));
      await confirmSummary(ctx, `Batalkan impor #${imp.id}?`, [
        ['buku', imp.buku],
        ['berkas', imp.berkas],
        ['ditambah', String(imp.ditambah)],
      ]);
      const h = await batalImpor(ledger, id!, ctx.jejak());
      if (ctx.json) return ctx.io.out(renderJson(h));
      ctx.io.out(pesan.imporDibatalkan(h.id, h.kas_dibatalkan, h.dihapus));
      if (h.dipertahankan.length)
        ctx.io.out(
          pesan.imporDipertahankan(
            h.dipertahankan.length,
            h.dipertahankan
              .slice(0, 20)
              .map((d) => `ID ${d.id} (${d.nama})`)
              .join(', '),
          ),
        );
    }),
  );
}
