// How a register book's rows are shown: as people read them (table, one record) and as scripts read
// them (JSON, CSV), NIKs masked unless asked.
import { type Buku, kolomBuku, maskNik } from '../books/buku.js';
import type { Field, Nilai } from '../books/field.js';
import type { Baris, Perubahan } from '../books/register.js';
import type { Context } from '../cli/context.js';
import { formatTanggal } from '../domain/dates.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { type Kolom, renderCsv, renderJson, renderTable } from '../render/teks.js';

export interface Tampilan {
  lengkap: boolean;
}

export const tampilan = (opts: Record<string, unknown>): Tampilan => ({ lengkap: Boolean(opts.lengkap) });

export const adaNik = (buku: Buku) => buku.fields.some((f) => f.type === 'nik');

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

/** The summary shown before saving: each typed field that has a value. */
export function ringkasanIsi(buku: Buku, isi: Record<string, Nilai>, t: Tampilan): [string, string][] {
  return buku.fields
    .filter((f) => isi[f.name] !== null && isi[f.name] !== undefined)
    .map((f) => [f.label, nilaiTeks(f, isi[f.name], t)]);
}

export function tampilkanBaris(ctx: Context, buku: Buku, row: Baris, t: Tampilan): string {
  const isi = semuaKolom(buku)
    .map((f) => [f.label, nilaiTeks(f, row[f.name], t)] as [string, string])
    .filter(([, v]) => v !== '');
  const kolom = [
    { header: 'Isian', key: 'k', value: (r: [string, string]) => r[0] },
    { header: `${buku.judul} #${row.id}`, key: 'v', value: (r: [string, string]) => r[1] },
  ];
  return renderTable(ctx.io, kolom, isi);
}

/** `daftar`: JSON, CSV, or the declared list columns as a table. */
export function tampilDaftar(ctx: Context, buku: Buku, rows: Baris[], t: Tampilan, csv: string | null): void {
  if (ctx.json) return ctx.io.out(renderJson(rows.map((r) => barisJson(buku, r, t))));
  if (csv) {
    const kol = semuaKolom(buku);
    return ctx.io.out(
      renderCsv(
        ['id', ...kol.map((f) => f.name)],
        rows.map((r) => [r.id, ...kol.map((f) => nilaiData(f, r[f.name], t))]),
        csv,
      ),
    );
  }
  if (rows.length === 0) return ctx.io.out(pesan.tidakAdaData());
  const kolom: Kolom<Baris>[] = [
    { header: 'ID', key: 'id', value: (r) => r.id, align: 'right' },
    ...buku.kolomDaftar.map((n) => {
      const f = semuaKolom(buku).find((x) => x.name === n)!;
      const align = f.type === 'jumlah' || f.type === 'angka' ? ('right' as const) : ('left' as const);
      return { header: f.label, key: f.name, value: (r: Baris) => nilaiTeks(f, r[f.name], t), align };
    }),
  ];
  ctx.io.out(renderTable(ctx.io, kolom, rows));
  ctx.io.out(pesan.jumlahBaris(rows.length));
}

const NIK = ['nik', 'no_kk'];

/** `tampil`: one record and its audit trail. */
export function tampilRekaman(ctx: Context, buku: Buku, row: Baris, riwayat: Perubahan[], t: Tampilan): void {
  if (ctx.json) {
    const samar = (r: Perubahan) =>
      NIK.includes(r.kolom) && !t.lengkap ? { ...r, lama: maskNik(r.lama) || null, baru: maskNik(r.baru) || null } : r;
    return ctx.io.out(renderJson({ ...barisJson(buku, row, t), perubahan: riwayat.map(samar) }));
  }
  ctx.io.out(tampilkanBaris(ctx, buku, row, t));
  if (!riwayat.length) return;
  ctx.io.out(ctx.io.color.bold('Riwayat perubahan'));
  const f = (k: string) => semuaKolom(buku).find((x) => x.name === k) ?? ({ name: k, label: k, type: 'teks' } as Field);
  ctx.io.out(
    renderTable(
      ctx.io,
      [
        { header: 'Waktu', key: 'waktu', value: (r) => r.waktu.slice(0, 16).replace('T', ' ') },
        { header: 'Oleh', key: 'oleh', value: (r) => r.oleh },
        { header: 'Isian', key: 'kolom', value: (r) => f(r.kolom).label },
        { header: 'Lama', key: 'lama', value: (r) => nilaiTeks(f(r.kolom), r.lama, t) },
        { header: 'Baru', key: 'baru', value: (r) => nilaiTeks(f(r.kolom), r.baru, t) },
      ],
      riwayat,
    ),
  );
}
