// Sealing the chains into what leaves the file (a workbook's _data, a closing in tutup_buku) and
// checking a ledger against such a seal: the history up to the sealed count must hash to the same
// checkpoints, and nothing posted afterwards may be dated inside the sealed period.
import type { Kysely } from 'kysely';
import { hashDiTempat, jumlahBaris, streamHash, streamRows, type TabelBerantai } from '../db/check-repo.js';
import type { Database } from '../db/types.js';
import { hashTercatat, type PetaGanti } from '../domain/anonim.js';
import { formatTanggal } from '../domain/dates.js';
import { type EntriJurnal, hashJurnal, hashLot } from '../domain/jurnal.js';
import { pesan } from '../domain/pesan.js';
import { type KepalaRantai, langkahTitik, PANJANG_TITIK, type RantaiSegel } from '../domain/segel.js';
import { GENESIS, hashRow } from './hash.js';
import { petaGantiJurnal } from './jurnal.js';

type Db = Kysely<Database>;

export interface TemuanSegel {
  jenis: 'segel';
  pesan: string;
  id?: number;
}

const BUKU: Record<TabelBerantai, string> = { kas: 'kas', natura: 'natura', jurnal: 'jurnal' };

/** Where each chain stands now, read from the stored hashes: cash, stock, and the journal of the other books. */
export async function rantaiSekarang(db: Db): Promise<RantaiSegel> {
  return { kas: await kepala(db, 'kas'), natura: await kepala(db, 'natura'), jurnal: await kepala(db, 'jurnal') };
}

/**
 * Each row's hash recomputed from its content and the chain before it, each chain its own way; rows an
 * erasure rewrote count as sealed. A bulk import's journal lot carries an empty hash on every entry but
 * its last, which holds the digest of the lot (hashLot): those entries recompute to '' as stored.
 */
function penghitungHash(tabel: TabelBerantai, peta: PetaGanti): (r: Record<string, unknown>) => string {
  let sebelum = GENESIS;
  let lot: EntriJurnal[] = [];
  return (r) => {
    const id = Number(r.id);
    if (tabel !== 'jurnal') return (sebelum = hashTercatat(peta, tabel, id, hashRow(tabel, sebelum, r)));
    const e = r as unknown as EntriJurnal;
    if (r.hash === '') {
      lot.push(e);
      return '';
    }
    const hash = lot.length ? hashLot(sebelum, [...lot, e]) : hashJurnal(sebelum, e);
    lot = [];
    return (sebelum = hashTercatat(peta, tabel, id, hash));
  };
}

async function kepala(db: Db, tabel: TabelBerantai): Promise<KepalaRantai> {
  const jumlah = await jumlahBaris(db, tabel);
  const langkah = langkahTitik(jumlah);
  const k: KepalaRantai = { jumlah, id: null, hash: GENESIS, langkah, titik: [] };
  // every langkah-th row's hash and the last: read where they stand when the ids have no gap
  const tempat = Array.from({ length: Math.floor(jumlah / langkah) }, (_, i) => (i + 1) * langkah);
  const cepat = await hashDiTempat(db, tabel, jumlah, [...tempat, jumlah]);
  if (cepat) {
    const akhir = cepat.pop()!;
    k.titik = cepat.map((r) => [r.id, r.hash.slice(0, PANJANG_TITIK)]);
    return { ...k, id: akhir.id, hash: akhir.hash };
  }
  let pos = 0;
  for await (const r of streamHash(db, tabel)) {
    pos++;
    if (pos % langkah === 0) k.titik.push([r.id, r.hash.slice(0, PANJANG_TITIK)]);
    k.id = r.id;
    k.hash = r.hash;
  }
  return k;
}

export interface AsalSegel {
  /** "laporan X.xlsx" or "penutupan triwulan III 2026", said in each finding */
  nama: string;
  /** rows posted after the seal but dated up to this day are findings */
  sampai?: string;
}

/**
 * The ledger against a seal, one chain at a time; the first difference per chain is named. Rows an erasure
 * rewrote count as the rows sealed (src/domain/anonim.ts); an older seal without the journal skips it.
 */
export async function periksaSegel(db: Db, rantai: RantaiSegel, asal: AsalSegel): Promise<TemuanSegel[]> {
  const peta = await petaGantiJurnal(db);
  return [
    ...(await periksaSatu(db, 'kas', rantai.kas, asal, peta)),
    ...(await periksaSatu(db, 'natura', rantai.natura, asal, peta)),
    ...(rantai.jurnal ? await periksaSatu(db, 'jurnal', rantai.jurnal, { nama: asal.nama }, peta) : []),
  ];
}

function namaEntri(tabel: TabelBerantai, r: Record<string, unknown>): string {
  if (tabel === 'kas') return `${String(r.nomor)} (id ${String(r.id)})`;
  return tabel === 'jurnal' ? `id ${String(r.id)} (buku ${String(r.buku)})` : `id ${String(r.id)}`;
}

async function periksaSatu(
  db: Db,
  tabel: TabelBerantai,
  k: KepalaRantai,
  asal: AsalSegel,
  peta: PetaGanti,
): Promise<TemuanSegel[]> {
  const temuan: TemuanSegel[] = [];
  let pos = 0;
  const hashBaris = penghitungHash(tabel, peta);
  let titikLalu = 0;
  let beda = false;
  for await (const r of streamRows(db, tabel)) {
    pos++;
    const sebelum = hashBaris(r);
    if (pos > k.jumlah) {
      if (asal.sampai && String(r.tanggal) <= asal.sampai && temuan.length === 0)
        temuan.push(
          segel(
            pesan.segelEntriSusulan(BUKU[tabel], namaEntri(tabel, r), formatTanggal(String(r.tanggal)), asal.nama),
            r,
          ),
        );
      continue;
    }
    if (beda) continue;
    const harap =
      pos === k.jumlah ? ([k.id!, k.hash] as const) : pos % k.langkah === 0 ? k.titik[pos / k.langkah - 1] : null;
    if (!harap) continue;
    if (Number(r.id) === harap[0] && sebelum.startsWith(harap[1])) {
      titikLalu = Number(r.id);
      continue;
    }
    beda = true;
    temuan.push(bedaDi(tabel, r, harap[0], titikLalu, k.langkah, asal.nama));
  }
  if (pos < k.jumlah && !beda)
    temuan.push({
      jenis: 'segel',
      id: k.id ?? undefined,
      pesan: pesan.segelDihapus(BUKU[tabel], k.id, asal.nama, k.jumlah - pos),
    });
  return temuan;
}

function segel(teks: string, r: Record<string, unknown>): TemuanSegel {
  return { jenis: 'segel', id: Number(r.id), pesan: teks };
}

/** With a checkpoint at every row the row is named exactly; otherwise the stretch between two checkpoints. */
function bedaDi(
  tabel: TabelBerantai,
  r: Record<string, unknown>,
  idHarap: number,
  titikLalu: number,
  langkah: number,
  asal: string,
): TemuanSegel {
  const buku = BUKU[tabel];
  const id = Number(r.id);
  if (langkah > 1) return segel(pesan.segelRentangBeda(buku, titikLalu + 1, Math.max(id, idHarap), asal), r);
  if (id > idHarap) return { jenis: 'segel', id: idHarap, pesan: pesan.segelEntriDihapus(buku, idHarap, asal) };
  if (id < idHarap) return segel(pesan.segelEntriDisisipkan(buku, namaEntri(tabel, r), asal), r);
  return segel(pesan.segelEntriDiubah(buku, namaEntri(tabel, r), asal), r);
}
