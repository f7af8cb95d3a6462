// The one command builder for register books: `tambah`/`catat`, `daftar`, `tampil`, `ubah`, all derived
// from the book's declaration; a book's own rules come in through hooks (`Kait`).
import type { Command } from 'commander';
import { type Buku, kolomBuku, maskNik } from '../books/buku.js';
import { type Field, type Nilai, flagOf, optionKey, parseField } from '../books/field.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../domain/errors.js';
import { type FormField, collect, confirmSummary } from '../cli/form.js';
import { type Kolom, renderCsv, renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { type Baris, type Ubahan, getBaris, insertBaris, listBaris, riwayatPerubahan, updateDenganJejak } from '../db/register-repo.js';
import { type Referensi, loadReferensi } from '../db/referensi-repo.js';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import type { Kysely } from 'kysely';
import { formatTanggal, parseDate } from '../domain/dates.js';
import { formatRupiah } from '../domain/money.js';

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

export interface HasilAturan {
  /** columns the book's rules fill (agenda number) */
  tambahan?: Record<string, Nilai>;
  /** said on stderr after the row is saved */
  peringatan?: string[];
}

export interface Kait {
  cara?: CaraTambah[];
  /** the book records through its own command (rapat catat): no generic `tambah` */
  tanpaTambah?: boolean;
  /** the book shows a record its own way (rapat tampil) */
  tanpaTampil?: boolean;
  /** more help on `tambah`/`ubah` (the book's rules in a sentence) */
  bantuan?: string;
  /** the book's rules on a new or edited row, inside the write transaction; throw to refuse */
  aturan?: (tx: Tx, baris: Record<string, Nilai>, ctx: Context, ref: Referensi, lama?: Baris) => Promise<HasilAturan>;
  /** the figures declared in `buku.hitung`, per row id */
  hitung?: (db: Kysely<Database>, ids: number[]) => Promise<Map<number, Record<string, number>>>;
  /** more subcommands on the noun (inventaris hapus) */
  tambahan?: (noun: Command, run: Run) => void;
}

export interface Tampilan {
  lengkap: boolean;
}

const adaNik = (buku: Buku) => buku.fields.some((f) => f.type === 'nik');

/** A stored value as scripts see it: ISO dates, integer amounts, NIKs masked unless asked. */
function nilaiData(f: Field, v: unknown, t: Tampilan): unknown {
  if (v === undefined) return null;
  if (f.type === 'nik' && !t.lengkap) return maskNik(v as string | null) || null;
  return v;
}

/** A stored value as people read it. */
export function nilaiTeks(f: Field, v: unknown, t: Tampilan): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f.type) {
    case 'tanggal':
      return formatTanggal(String(v));
    case 'jumlah':
      return formatRupiah(Number(v));
    case 'nik':
      return t.lengkap ? String(v) : maskNik(String(v));
    case 'pilihan': {
      // numeric codes (anggota.aktif 1/0) mean nothing to a reader: show the choice's name
      const o = f.pilihan && 'tetap' in f.pilihan ? f.pilihan.tetap.find((x) => x.kode === String(v)) : undefined;
      return o && /^\d+$/.test(o.kode) ? o.nama : String(v);
    }
    default:
      return String(v);
  }
}

function semuaKolom(buku: Buku): Field[] {
  return [...kolomBuku(buku), ...(buku.hitung ?? [])];
}

export function barisJson(buku: Buku, b: Baris, t: Tampilan): Record<string, unknown> {
  return { id: b.id, ...Object.fromEntries(semuaKolom(buku).map((f) => [f.name, nilaiData(f, b[f.name], t)])) };
}

async function denganHitung(db: Kysely<Database>, kait: Kait, rows: Baris[]): Promise<Baris[]> {
  if (!kait.hitung) return rows;
  const h = await kait.hitung(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, ...(h.get(r.id) ?? {}) }));
}

/** Turns SQLite's refusal (a CHECK or NOT NULL of the table) into bad input: exit 2, nothing written. */
export function kendalaKeUserError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT') && code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') return new UserError(pesan.ditolakAturanBuku((err as Error).message));
  return err;
}

export function formTambah(ctx: Context, buku: Buku, cara: CaraTambah): FormField[] {
  return buku.fields
    .filter((f) => !cara.sembunyi?.includes(f.name))
    .map((f) => ({
      ...f,
      required: f.required || Boolean(cara.wajib?.includes(f.name)),
      ...(f.hariIni ? { bawaan: () => ctx.today() } : {}),
    }));
}

function addOptions(cmd: Command, fields: Field[]): Command {
  for (const f of fields) {
    const pilihan = f.pilihan && 'tetap' in f.pilihan ? `: ${f.pilihan.tetap.map((o) => o.kode).join('|')}` : f.pilihan ? `: lihat wksbm kode ${f.pilihan.referensi}` : '';
    cmd.option(`--${flagOf(f)} <${f.type === 'jumlah' ? 'jumlah' : f.type === 'tanggal' ? 'tanggal' : 'nilai'}>`, f.label + pilihan + (f.help ? ` (${f.help})` : '') + (f.hariIni ? ' (bawaan: hari ini)' : '') + (f.required && !f.hariIni ? ' — wajib' : ''));
  }
  return cmd;
}

export function warn(ctx: Context, peringatan: string[] | undefined): void {
  for (const p of peringatan ?? []) ctx.io.err(ctx.io.color.yellow(p));
}

/** Finds the noun's command if another module registered it already, else creates it. */
export function nounCommand(program: Command, nama: string, ringkas: string): Command {
  return program.commands.find((c) => c.name() === nama) ?? subcommand(program, nama, ringkas);
}

export function pasangBuku(program: Command, run: Run, buku: Buku, kait: Kait = {}): Command {
  const noun = nounCommand(program, buku.nama, `${buku.judul}${buku.nomorBuku ? ` (buku ${buku.nomorBuku})` : ''}`);
  const t = (opts: Record<string, unknown>): Tampilan => ({ lengkap: Boolean(opts.lengkap) });

  if (!kait.tanpaTambah) {
    for (const cara of kait.cara ?? [{ nama: buku.kataTambah, ringkas: `mencatat ke ${buku.judul.toLowerCase()}` }]) {
      const c = addOptions(subcommand(noun, cara.nama, cara.ringkas + (kait.bantuan ? `. ${kait.bantuan}` : '')), formTambah({ today: () => '' } as Context, buku, cara));
      if (adaNik(buku)) c.option('--lengkap', 'tampilkan NIK utuh pada keluaran');
      c.action(
        run(async (ctx, opts) => {
          const ledger = await ctx.ledger();
          const ref = await loadReferensi(ledger.db);
          const nilai = { ...(await collect(ctx, formTambah(ctx, buku, cara), opts, ref)), ...(cara.tetap ?? {}) };
          await confirmSummary(ctx, `${buku.judul}:`, buku.fields.filter((f) => nilai[f.name] !== null && nilai[f.name] !== undefined).map((f) => [f.label, nilaiTeks(f, nilai[f.name], t(opts))]));
          const { id, peringatan } = await withTransaction(ledger.db, async (tx) => {
            const h = kait.aturan ? await kait.aturan(tx, nilai, ctx, ref) : {};
            try {
              return { id: await insertBaris(tx, buku.tabel, { ...nilai, ...h.tambahan, dibuat: ctx.now() }), peringatan: h.peringatan };
            } catch (err) {
              throw kendalaKeUserError(err);
            }
          });
          warn(ctx, peringatan);
          const [row] = await denganHitung(ledger.db, kait, [(await getBaris(ledger.db, buku.tabel, id))!]);
          ctx.io.out(ctx.json ? renderJson(barisJson(buku, row!, t(opts))) : pesan.barisDicatat(buku.nama, id, String(row!.nama ?? row!.nomor ?? row!.agenda ?? '')));
        }),
      );
    }
  }

  const daftar = subcommand(noun, 'daftar', `daftar isi ${buku.judul.toLowerCase()}; --json atau --csv untuk skrip`);
  const saring = buku.saring.map((n) => kolomBuku(buku).find((f) => f.name === n)!);
  for (const f of saring) daftar.option(`--${flagOf(f)} <nilai>`, `hanya ${f.label.toLowerCase()} ini`);
  daftar.option('--cari <teks>', `cari di ${buku.cari.join(', ')}`);
  if (buku.tanggal) daftar.option('--dari <tanggal>', 'sejak tanggal').option('--sampai <tanggal>', 'sampai tanggal');
  daftar.option('--csv', 'keluaran CSV');
  if (adaNik(buku)) daftar.option('--lengkap', 'tampilkan NIK utuh (data pribadi: hanya bila perlu)');
  daftar.action(
    run(async (ctx, opts) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const sama: Record<string, string | number> = {};
      for (const f of saring) {
        const raw = opts[optionKey(f)];
        if (raw === undefined) continue;
        const v = parseField({ ...f, required: true }, String(raw), ref);
        if (v !== null) sama[f.name] = v;
      }
      const rows = await denganHitung(ledger.db, kait, await listBaris(ledger.db, buku.tabel, {
        sama,
        cari: opts.cari === undefined ? undefined : { kolom: buku.cari, teks: String(opts.cari) },
        tanggal: buku.tanggal ? { kolom: buku.tanggal, dari: opts.dari ? parseDate(String(opts.dari), 'dari') : undefined, sampai: opts.sampai ? parseDate(String(opts.sampai), 'sampai') : undefined } : undefined,
      }));
      const tv = t(opts);
      if (ctx.json) return ctx.io.out(renderJson(rows.map((r) => barisJson(buku, r, tv))));
      if (opts.csv) {
        const kol = semuaKolom(buku);
        return ctx.io.out(renderCsv(['id', ...kol.map((f) => f.name)], rows.map((r) => [r.id, ...kol.map((f) => nilaiData(f, r[f.name], tv))])));
      }
      if (rows.length === 0) return ctx.io.out(pesan.tidakAdaData());
      const kolom: Kolom<Baris>[] = [
        { header: 'ID', key: 'id', value: (r) => r.id, align: 'right' },
        ...buku.kolomDaftar.map((n) => {
          const f = semuaKolom(buku).find((x) => x.name === n)!;
          return { header: f.label, key: f.name, value: (r: Baris) => nilaiTeks(f, r[f.name], tv), align: f.type === 'jumlah' || f.type === 'angka' ? ('right' as const) : ('left' as const) };
        }),
      ];
      ctx.io.out(renderTable(ctx.io, kolom, rows));
      ctx.io.out(pesan.jumlahBaris(rows.length));
    }),
  );

  if (!kait.tanpaTampil) {
    const tampil = subcommand(noun, 'tampil <id>', 'menampilkan satu catatan beserta riwayat perubahannya');
    if (adaNik(buku)) tampil.option('--lengkap', 'tampilkan NIK utuh');
    tampil.action(
      run(async (ctx, opts, [idTeks]) => {
        const ledger = await ctx.ledger();
        const b = await ambil(ledger.db, buku, idTeks!);
        const [row] = await denganHitung(ledger.db, kait, [b]);
        const riwayat = await riwayatPerubahan(ledger.db, buku.tabel, b.id);
        const tv = t(opts);
        if (ctx.json) return ctx.io.out(renderJson({ ...barisJson(buku, row!, tv), perubahan: riwayat.map((r) => (r.kolom === 'nik' || r.kolom === 'no_kk') && !tv.lengkap ? { ...r, lama: maskNik(r.lama) || null, baru: maskNik(r.baru) || null } : r) }));
        ctx.io.out(tampilkanBaris(ctx, buku, row!, tv));
        if (riwayat.length) {
          ctx.io.out(ctx.io.color.bold('Riwayat perubahan'));
          const f = (k: string) => semuaKolom(buku).find((x) => x.name === k) ?? ({ name: k, label: k, type: 'teks' } as Field);
          ctx.io.out(renderTable(ctx.io, [
            { header: 'Waktu', key: 'waktu', value: (r) => r.waktu.slice(0, 16).replace('T', ' ') },
            { header: 'Oleh', key: 'oleh', value: (r) => r.oleh },
            { header: 'Isian', key: 'kolom', value: (r) => f(r.kolom).label },
            { header: 'Lama', key: 'lama', value: (r) => nilaiTeks(f(r.kolom), r.lama, tv) },
            { header: 'Baru', key: 'baru', value: (r) => nilaiTeks(f(r.kolom), r.baru, tv) },
          ], riwayat));
        }
      }),
    );
  }

  const ubah = addOptions(subcommand(noun, 'ubah <id>', `mengubah isian catatan, mis. --${flagOf(buku.fields[0]!)} "..."; setiap perubahan disimpan di jejak perubahan`), buku.fields.map((f) => ({ ...f, required: false })));
  ubah.action(
    run(async (ctx, opts, [idTeks]) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const lama = await ambil(ledger.db, buku, idTeks!);
      const baru: Record<string, Nilai> = {};
      for (const f of buku.fields) {
        const raw = opts[optionKey(f)];
        if (raw !== undefined) baru[f.name] = parseField(f, String(raw), ref);
      }
      if (Object.keys(baru).length === 0) throw new UserError(pesan.tanpaUbahan(buku.nama, flagOf(buku.fields[0]!)));
      const peringatan = await withTransaction(ledger.db, async (tx) => {
        const gabungan = { ...(lama as Record<string, Nilai>), ...baru };
        const h = kait.aturan ? await kait.aturan(tx, gabungan, ctx, ref, lama) : {};
        const ubahan: Ubahan[] = Object.entries({ ...baru, ...h.tambahan }).filter(([k, v]) => (lama[k] ?? null) !== v).map(([k, v]) => ({ kolom: k, lama: lama[k], baru: v }));
        try {
          await updateDenganJejak(tx, buku.tabel, lama.id, ubahan, ctx.user(), ctx.now());
        } catch (err) {
          throw kendalaKeUserError(err);
        }
        return { peringatan: h.peringatan, n: ubahan.length };
      });
      warn(ctx, peringatan.peringatan);
      const [row] = await denganHitung(ledger.db, kait, [(await getBaris(ledger.db, buku.tabel, lama.id))!]);
      ctx.io.out(ctx.json ? renderJson(barisJson(buku, row!, { lengkap: false })) : pesan.barisDiubah(buku.nama, lama.id, peringatan.n));
    }),
  );

  kait.tambahan?.(noun, run);
  return noun;
}

/** A row by its id, or a UserError saying it is not in the book. */
export async function ambil(db: Kysely<Database>, buku: Buku, idTeks: string): Promise<Baris> {
  const id = /^\d{1,9}$/.test(idTeks.trim()) ? Number(idTeks) : NaN;
  const b = Number.isNaN(id) ? undefined : await getBaris(db, buku.tabel, id);
  if (!b) throw new UserError(pesan.barisTidakAda(buku.nama, idTeks));
  return b;
}

export function tampilkanBaris(ctx: Context, buku: Buku, row: Baris, t: Tampilan): string {
  const isi = semuaKolom(buku).map((f) => [f.label, nilaiTeks(f, row[f.name], t)] as [string, string]).filter(([, v]) => v !== '');
  return renderTable(ctx.io, [{ header: 'Isian', key: 'k', value: (r: [string, string]) => r[0] }, { header: `${buku.judul} #${row.id}`, key: 'v', value: (r: [string, string]) => r[1] }], isi);
}
