// `wksbm rapat`: minutes (book 6) with their attendance of members and guests (book 7).
import type { Command } from 'commander';
import { RAPAT } from '../books/registers.js';
import { type Nilai, flagOf } from '../books/field.js';
import type { Context } from '../cli/context.js';
import { UserError } from '../domain/errors.js';
import { collect, confirmSummary } from '../cli/form.js';
import { renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { type AnggotaRingkas, type Hadir, insertHadir, listAnggotaRingkas, listHadir } from '../db/rapat-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import { formatTanggal } from '../domain/dates.js';
import { ambil, barisJson, formTambah, kendalaKeUserError, nilaiTeks, pasangBuku } from './register.js';
import { insertBaris, jumlahHadir } from '../db/register-repo.js';

const SESUDAH_HADIR = ['pembahasan', 'keputusan'];
const HARI = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

/** `--hadir "Sukardi, 3"`: members by name (any case) or id; anyone not a member is refused. */
export function cocokkanHadir(teks: string, anggota: AnggotaRingkas[]): AnggotaRingkas[] {
  const hasil: AnggotaRingkas[] = [];
  for (const bagian of teks.split(',').map((s) => s.trim()).filter(Boolean)) {
    const cocok = /^\d+$/.test(bagian) ? anggota.filter((a) => a.id === Number(bagian)) : anggota.filter((a) => a.nama.trim().toLowerCase() === bagian.toLowerCase());
    if (cocok.length === 0) throw new UserError(pesan.anggotaTidakAda(bagian));
    if (cocok.length > 1) throw new UserError(pesan.anggotaGanda(bagian, cocok.length));
    if (!hasil.some((h) => h.id === cocok[0]!.id)) hasil.push(cocok[0]!);
  }
  return hasil;
}

/** `--tamu "Ibu Endang (Dinas Sosial), Pak Bayu"`: guests with their origin in brackets. */
export function bacaTamu(teks: string): { nama: string; asal: string | null }[] {
  const hasil: { nama: string; asal: string | null }[] = [];
  const re = /\s*([^,(]+?)\s*(?:\(([^)]*)\))?\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < teks.length && (m = re.exec(teks))) {
    if (m[0] === '') break;
    if (m[1]) hasil.push({ nama: m[1].trim(), asal: m[2]?.trim() || null });
  }
  if (hasil.length === 0 || re.lastIndex < teks.trim().length) throw new UserError(pesan.tamuRapatTidakSah(teks));
  return hasil;
}

async function tanyaTamu(ctx: Context): Promise<{ nama: string; asal: string | null }[]> {
  const hasil: { nama: string; asal: string | null }[] = [];
  for (;;) {
    const v = await ctx.prompter.input({
      message: pesan.tanyaTamuRapat(),
      validate: (s) => {
        if (s.trim() === '') return true;
        try {
          bacaTamu(s);
          return true;
        } catch (err) {
          return (err as Error).message;
        }
      },
    });
    if (v.trim() === '') return hasil;
    hasil.push(...bacaTamu(v));
  }
}

export function register(program: Command, run: Run): void {
  const hitung = async (db: Parameters<typeof jumlahHadir>[0], ids: number[]) => {
    const hadir = await jumlahHadir(db, ids);
    return new Map(ids.map((id) => [id, { hadir: hadir.get(id) ?? 0 }]));
  };
  const noun = pasangBuku(program, run, RAPAT, { tanpaTambah: true, tanpaTampil: true, hitung });

  const catat = subcommand(noun, 'catat', 'mencatat notulen rapat dan daftar hadirnya (anggota dipilih dari daftar anggota; tamu dengan asalnya)');
  for (const f of formTambah({ today: () => '' } as Context, RAPAT, { nama: 'catat', ringkas: '' })) catat.option(`--${flagOf(f)} <${f.type === 'tanggal' ? 'tanggal' : 'nilai'}>`, f.label + (f.required ? ' — wajib' : ''));
  catat
    .option('--hadir <nama,...>', 'anggota yang hadir: nama atau ID, dipisah koma; yang bukan anggota ditolak')
    .option('--tamu <"Nama (asal)",...>', 'tamu yang hadir, mis. "Ibu Endang (Dinas Sosial), Pak Bayu"')
    .action(
      run(async (ctx, opts) => {
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        const form = formTambah(ctx, RAPAT, { nama: 'catat', ringkas: '' });
        const nilai: Record<string, Nilai> = await collect(ctx, form.filter((f) => !SESUDAH_HADIR.includes(f.name)), opts, ref);
        const anggota = await listAnggotaRingkas(ledger.db);
        let hadir: AnggotaRingkas[] = [];
        if (opts.hadir !== undefined) hadir = cocokkanHadir(String(opts.hadir), anggota);
        else if (ctx.interactive && anggota.length) {
          const ids = await ctx.prompter.checkbox<number>({ message: pesan.tanyaHadir(), choices: anggota.map((a) => ({ name: `${a.nama} (${a.jabatan})`, value: a.id })) });
          hadir = anggota.filter((a) => ids.includes(a.id));
        }
        const tamu = opts.tamu !== undefined ? bacaTamu(String(opts.tamu)) : ctx.interactive ? await tanyaTamu(ctx) : [];
        Object.assign(nilai, await collect(ctx, form.filter((f) => SESUDAH_HADIR.includes(f.name)), opts, ref));
        const baris: Hadir[] = [
          ...hadir.map((a) => ({ anggota_id: a.id, nama: a.nama, peran: a.jabatan, asal: null, tamu: 0 })),
          ...tamu.map((t) => ({ anggota_id: null, nama: t.nama, peran: 'tamu', asal: t.asal, tamu: 1 })),
        ];
        await confirmSummary(ctx, `${RAPAT.judul}:`, [
          ...RAPAT.fields.filter((f) => nilai[f.name] !== null).map((f) => [f.label, nilaiTeks(f, nilai[f.name], { lengkap: false })] as [string, string]),
          ['Hadir', baris.map((b) => b.nama).join(', ')],
        ]);
        const id = await withTransaction(ledger.db, async (tx) => {
          try {
            const id = await insertBaris(tx, 'rapat', { ...nilai, dibuat: ctx.now() });
            await insertHadir(tx, id, baris);
            return id;
          } catch (err) {
            throw kendalaKeUserError(err);
          }
        });
        const row = await ambil(ledger.db, RAPAT, String(id));
        ctx.io.out(ctx.json ? renderJson({ ...barisJson(RAPAT, { ...row, hadir: baris.length }, { lengkap: false }), daftar_hadir: baris.map(hadirJson) }) : pesan.rapatDicatat(id, hadir.length, tamu.length));
      }),
    );

  subcommand(noun, 'tampil <id>', 'menampilkan notulen rapat dan daftar hadirnya seperti dicetak').action(
    run(async (ctx, _opts, [idTeks]) => {
      const ledger = await ctx.ledger();
      const row = await ambil(ledger.db, RAPAT, idTeks!);
      const hadir = await listHadir(ledger.db, row.id);
      if (ctx.json) return ctx.io.out(renderJson({ ...barisJson(RAPAT, { ...row, hadir: hadir.length }, { lengkap: false }), daftar_hadir: hadir.map(hadirJson) }));
      const tanggal = String(row.tanggal);
      const hari = HARI[new Date(`${tanggal}T00:00:00Z`).getUTCDay()];
      const isi: [string, string][] = [
        ['Hari/tanggal', `${hari}, ${formatTanggal(tanggal, true)}`],
        ['Waktu', row.waktu ? `${String(row.waktu)} WIB` : ''],
        ['Tempat', String(row.tempat ?? '')],
        ['Jenis rapat', String(row.jenis ?? '')],
        ['Pimpinan rapat', String(row.pimpinan ?? '')],
        ['Notulis', String(row.notulis ?? '')],
        ['Jumlah hadir', `${hadir.length} orang`],
      ];
      const lebar = Math.max(...isi.map(([k]) => k.length));
      const out = [ctx.io.color.bold(`NOTULEN RAPAT #${row.id}`), ''];
      for (const [k, v] of isi) out.push(`${k.padEnd(lebar)} : ${v}`);
      for (const [judul, kolom] of [['AGENDA', 'agenda'], ['PEMBAHASAN', 'pembahasan'], ['KEPUTUSAN', 'keputusan']] as const) {
        out.push('', ctx.io.color.bold(judul), String(row[kolom] ?? '-'));
      }
      out.push('', ctx.io.color.bold('DAFTAR HADIR'));
      ctx.io.out(out.join('\n'));
      ctx.io.out(
        hadir.length
          ? renderTable(ctx.io, [
              { header: 'No', key: 'no', value: (h: Hadir & { no: number }) => h.no, align: 'right' },
              { header: 'Nama', key: 'nama', value: (h) => h.nama },
              { header: 'Jabatan/peran', key: 'peran', value: (h) => h.peran ?? '' },
              { header: 'Asal', key: 'asal', value: (h) => h.asal ?? (h.tamu ? '' : 'anggota') },
              { header: 'Tanda tangan', key: 'ttd', value: () => '' },
            ], hadir.map((h, i) => ({ ...h, no: i + 1 })))
          : pesan.tidakAdaData(),
      );
    }),
  );
}

function hadirJson(h: Hadir): Record<string, unknown> {
  return { anggota_id: h.anggota_id, nama: h.nama, peran: h.peran, asal: h.asal, tamu: Boolean(h.tamu) };
}
