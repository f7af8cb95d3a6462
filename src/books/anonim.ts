// `anonimkan`, the right to erasure (UU 27/2022): a person's name and identifying fields replaced in
// their row, in every row that names them (aid, cash and stock descriptions, attendance), in the
// change history and in the journal, under one journalled act; money, aid and every total stay.
// How the hash chains and seals stay whole is told in src/domain/anonim.ts.
import type { Kysely } from 'kysely';
import {
  barisDengan,
  bersihkanBerkas,
  catatPerubahan,
  entriMilik,
  hapusAman,
  lotEntri,
  perubahanKolom,
  setIsiEntri,
  setKolom,
  setPerubahan,
  tanpaPenjagaUbah,
} from '../db/anonim-repo.js';
import { jurnalkan, tambahEntri } from '../db/jurnal-repo.js';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { type GantiHash, gantiTeks, type IsiAnonim, namaAnonim } from '../domain/anonim.js';
import { formatTanggal } from '../domain/dates.js';
import { LedgerError, UserError } from '../domain/errors.js';
import type { Jejak } from '../domain/jejak.js';
import { BUKU_JURNAL, barisDiLot, gantiDalamLot, hashJurnal, hashLot, isiJurnal } from '../domain/jurnal.js';
import { pesan } from '../domain/pesan.js';
import { enforce, type RuleResult, refuse } from '../domain/rule.js';
import { berkasCadangan } from '../ledger/cadangan.js';
import { hashRow, type TabelRantai } from '../ledger/hash.js';
import type { Buku } from './buku.js';
import { type Baris, barisAda } from './register.js';

type Db = Kysely<Database>;
type Isi = Record<string, unknown>;

/** Rows of another book that name the person: their text columns rewritten, and the cash/stock rows they point to. */
interface Tautan {
  tabel: string;
  kunci: string;
  teks: string[];
  ikut?: { tabel: TabelRantai; kolom: string }[];
}

const TAUTAN: Record<string, Tautan[]> = {
  ppks: [
    {
      tabel: 'penyaluran',
      kunci: 'ppks_id',
      teks: ['uraian'],
      ikut: [
        { tabel: 'kas', kolom: 'kas_id' },
        { tabel: 'natura', kolom: 'natura_id' },
      ],
    },
    { tabel: 'santunan', kunci: 'ppks_id', teks: ['almarhum'], ikut: [{ tabel: 'kas', kolom: 'kas_id' }] },
  ],
  donatur: [
    { tabel: 'kas', kunci: 'donatur_id', teks: ['uraian'] },
    { tabel: 'natura', kunci: 'donatur_id', teks: ['uraian'] },
  ],
  anggota: [{ tabel: 'rapat_hadir', kunci: 'anggota_id', teks: ['nama'] }],
};

/** The append-only tables an erasure rewrites text in (their UPDATE guards are lifted for it alone). */
const DIJAGA = ['kas', 'natura', 'penyaluran', 'santunan', 'jurnal', 'perubahan'];

const diJurnal = (tabel: string) => (BUKU_JURNAL as readonly string[]).includes(tabel);

/** A row of a book of persons that is not anonymised yet. */
export async function bolehDianonimkan(db: Db, buku: Buku, idTeks: string): Promise<RuleResult<Baris>> {
  const r = await barisAda(db, buku, idTeks);
  if (r.ok && r.value.dianonimkan)
    return refuse(
      new UserError(pesan.sudahDianonimkan(buku.nama, r.value.id, formatTanggal(String(r.value.dianonimkan))), 'id'),
    );
  return r;
}

export interface HasilAnonim {
  id: number;
  nama: string;
  /** cash and stock entries whose description was rewritten */
  entri: number;
  /** journal entries rewritten */
  jurnal: number;
  /** backups that still hold the old values */
  cadangan: number;
}

/**
 * Anonymises one person, in one transaction, with freed pages zeroed (secure_delete); then rebuilds the file
 * and empties its WAL, so the old values cannot be read back from either. Backups are left as they are.
 */
export async function anonimkan(
  ledger: { db: Db; path: string },
  buku: Buku,
  idTeks: string,
  alasan: string,
  jejak: Jejak,
): Promise<HasilAnonim> {
  if (!buku.anonim) throw new Error(`buku ${buku.nama} bukan buku orang`);
  if (alasan.trim() === '') throw new UserError(pesan.wajibDiisi('Alasan', 'alasan'), 'alasan');
  await hapusAman(ledger.db);
  const hasil = await withTransaction(ledger.db, (tx) => tulisAnonim(tx, buku, idTeks, alasan.trim(), jejak));
  try {
    await bersihkanBerkas(ledger.db);
  } catch {
    // committed already: the data is anonymised, only the old pages may linger (a full disk, a reader)
    throw new LedgerError(pesan.pembersihanGagal(buku.nama, hasil.id));
  }
  return { ...hasil, cadangan: berkasCadangan(ledger.path).length };
}

/** Replaces the person's values in a row of another book; the columns that changed. */
function gantiDi(r: Isi, kolom: string[], lama: string[], nama: string): Isi {
  const ubah: Isi = {};
  for (const k of kolom) {
    const v = gantiTeks(r[k], lama, nama);
    if (v !== r[k]) ubah[k] = v;
  }
  return ubah;
}

/** What the erasure does to a person: their name, the old values sought in other books, what their row becomes. */
interface Orang {
  baris: Baris;
  nama: string;
  lama: string[];
  diri: (r: Isi) => Isi;
}

async function tulisAnonim(tx: Tx, buku: Buku, idTeks: string, alasan: string, jejak: Jejak) {
  const baris = enforce(await bolehDianonimkan(tx, buku, idTeks));
  const nama = namaAnonim(buku.anonim!.sebutan, baris.id);
  const kosong = buku.anonim!.kosongkan;
  const diri = (r: Isi): Isi => ({ nama, ...Object.fromEntries(kosong.filter((k) => k in r).map((k) => [k, null])) });
  const orang: Orang = { baris, nama, lama: await namaDulu(tx, buku, baris), diri };
  const ganti: GantiHash[] = [];
  const { entri, jurnal } = await tanpaPenjagaUbah(tx, DIJAGA, async () => {
    const t = await tulisUlangTautan(tx, buku, orang, ganti);
    let n = 0;
    for (const j of t.diJurnalkan) n += await tulisUlangJurnal(tx, j.tabel, j.uid, j.ubah, ganti);
    await tulisUlangPerubahan(tx, buku, baris.id, nama);
    return { entri: t.entri, jurnal: n };
  });
  await catatAkta(tx, buku, orang, { alasan, oleh: jejak.oleh, ganti }, jejak);
  return { id: baris.id, nama, entri, jurnal };
}

interface DiJurnalkan {
  tabel: string;
  uid: string[];
  ubah: (r: Isi) => Isi;
}

/**
 * The rows of other books that name the person, rewritten; the cash and stock rows among them counted.
 * Returns with them the journal entries to rewrite: the person's own, and those of each journalled row.
 */
async function tulisUlangTautan(tx: Tx, buku: Buku, o: Orang, ganti: GantiHash[]) {
  const diJurnalkan: DiJurnalkan[] = [{ tabel: buku.tabel, uid: [String(o.baris.uid)], ubah: o.diri }];
  let entri = 0;
  for (const t of TAUTAN[buku.nama] ?? []) {
    const rows = await barisDengan(tx, t.tabel, t.kunci, [o.baris.id]);
    const ubah = (r: Isi) => gantiDi(r, t.teks, o.lama, o.nama);
    for (const r of rows) entri += await tulisUlang(tx, t.tabel, r, ubah(r), ganti);
    if (diJurnal(t.tabel)) diJurnalkan.push({ tabel: t.tabel, uid: rows.map((r) => String(r.uid)), ubah });
    for (const ik of t.ikut ?? []) {
      const ids = rows.map((r) => r[ik.kolom]).filter((v) => v !== null && v !== undefined);
      for (const r of await barisDengan(tx, ik.tabel, 'id', ids.map(Number)))
        entri += await tulisUlang(tx, ik.tabel, r, gantiDi(r, ['uraian'], o.lama, o.nama), ganti);
    }
  }
  return { entri, diJurnalkan };
}

/** The act in the journal, then the person's row as it now stands, journalled, and the reason in its history. */
async function catatAkta(tx: Tx, buku: Buku, o: Orang, akta: IsiAnonim, jejak: Jejak): Promise<void> {
  const { id, uid } = o.baris;
  const { waktu, oleh } = jejak;
  await tambahEntri(tx, { waktu, buku: buku.tabel, uid: String(uid), aksi: 'anonimkan', isi: JSON.stringify(akta) });
  await setKolom(tx, buku.tabel, id, {
    ...(o.diri(o.baris) as Record<string, null>),
    nama: o.nama,
    dianonimkan: waktu,
  });
  await jurnalkan(tx, buku.tabel, id, 'ubah', waktu);
  await catatPerubahan(tx, { tabel: buku.tabel, baris_id: id, kolom: 'dianonimkan', baru: akta.alasan, oleh, waktu });
}

/** Every name and NIK the person has had in the book (a rename leaves the old name in older descriptions). */
async function namaDulu(tx: Tx, buku: Buku, orang: Baris): Promise<string[]> {
  const semua = [orang as Isi];
  for (const e of await entriMilik(tx, buku.tabel, [String(orang.uid)]))
    semua.push(e.aksi === 'lot' ? (barisDiLot(e.isi, String(orang.uid)) ?? {}) : ((JSON.parse(e.isi) as Isi) ?? {}));
  const nilai = semua.flatMap((r) => [r.nama, r.nik]);
  return [...new Set(nilai.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/** Rewrites a row's changed columns; a cash or stock row's new hash goes into the act (and counts 1). */
async function tulisUlang(tx: Tx, tabel: string, r: Isi, ubah: Isi, ganti: GantiHash[]): Promise<number> {
  if (Object.keys(ubah).length === 0) return 0;
  await setKolom(tx, tabel, Number(r.id), ubah as Record<string, string | null>);
  if (tabel !== 'kas' && tabel !== 'natura') return 0;
  const baru = hashRow(tabel, String(r.hash_sebelum), { ...r, ...ubah });
  ganti.push({ tabel, id: Number(r.id), lama: String(r.hash), baru });
  return 1;
}

async function tulisUlangJurnal(
  tx: Tx,
  tabel: string,
  uid: string[],
  ubah: (r: Isi) => Isi,
  ganti: GantiHash[],
): Promise<number> {
  let n = 0;
  const ditulis: number[] = [];
  for (const e of await entriMilik(tx, tabel, uid)) {
    if (e.aksi === 'lot') {
      const baruIsi = uid.reduce((isi, u) => gantiDalamLot(isi, u, ubah) ?? isi, e.isi);
      if (baruIsi === e.isi) continue;
      await setIsiEntri(tx, e.id, baruIsi);
      ditulis.push(e.id);
      n++;
      continue;
    }
    const isi = JSON.parse(e.isi) as Isi | null;
    if (!isi || e.aksi === 'anonimkan') continue;
    const baruIsi = isiJurnal({ ...isi, ...ubah(isi) });
    if (baruIsi === e.isi) continue;
    await setIsiEntri(tx, e.id, baruIsi);
    ditulis.push(e.id);
    n++;
  }
  for (const e of ditulis) await gantiLot(tx, e, ganti);
  return n;
}

/**
 * The journal hash an erasure changed is the one its entry's lot is sealed by: the entry's own when it was
 * written alone (a `lot` entry too), the lot's closing entry's (hashLot over the rewritten lot) when a bulk
 * import before 0016 wrote an entry per row.
 */
async function gantiLot(tx: Tx, id: number, ganti: GantiHash[]): Promise<void> {
  const lot = await lotEntri(tx, id);
  const tutup = lot.at(-1)!;
  const baru = lot.length > 1 ? hashLot(tutup.hash_sebelum, lot) : hashJurnal(tutup.hash_sebelum, tutup);
  const ada = ganti.findIndex((g) => g.tabel === 'jurnal' && g.id === tutup.id);
  const g = { tabel: 'jurnal' as const, id: tutup.id, lama: tutup.hash, baru };
  if (ada >= 0) ganti[ada] = g;
  else ganti.push(g);
}

/** The change history of the erased columns keeps that they changed, not what they held. */
async function tulisUlangPerubahan(tx: Tx, buku: Buku, id: number, nama: string): Promise<void> {
  const kolom = ['nama', ...buku.anonim!.kosongkan];
  for (const p of await perubahanKolom(tx, buku.tabel, id, kolom)) {
    const tutup = (v: string | null) => (v === null ? null : p.kolom === 'nama' ? nama : '(dianonimkan)');
    await setPerubahan(tx, p.id, tutup(p.lama), tutup(p.baru));
  }
}
