// `periksa` over the journal: the chain must hold, and every row of every journalled book must be
// what its last journal entry says; a row with no entry was inserted outside the tool, an entry
// with no row names a row deleted outside it, and a differing row names its first changed field.
import type { Kysely } from 'kysely';
import type { Ledger } from '../db/connection.js';
import { type BarisJurnal, isiAktaAnonim, iterBaris, iterJurnal } from '../db/jurnal-repo.js';
import type { Database } from '../db/types.js';
import { hashTercatat, type IsiAnonim, type PetaGanti, petaGanti } from '../domain/anonim.js';
import {
  BUKU_JURNAL,
  bacaLotTerbaca,
  GENESIS_JURNAL,
  hashJurnal,
  hashLot,
  kolomBeda,
  type LotTerbaca,
  penyusunIsi,
} from '../domain/jurnal.js';
import { pesan } from '../domain/pesan.js';

export interface TemuanJurnal {
  jenis: 'jurnal';
  pesan: string;
  id?: number;
}

/** The rows the erasure acts rewrote, for every checker that recomputes a hash. */
export async function petaGantiJurnal(db: Kysely<Database>): Promise<PetaGanti> {
  return petaGanti((await isiAktaAnonim(db)).map((isi) => JSON.parse(isi) as IsiAnonim));
}

/**
 * The journal's last word on each row, by `buku/uid`: what its row must still hold; a row of a lot by its place
 * in the lot, its text made only when the row is compared.
 */
type Terakhir = Map<
  string,
  Pick<BarisJurnal, 'buku' | 'uid' | 'aksi'> & { isi?: string; lot?: LotTerbaca; i?: number }
>;
const isiTerakhir = (e: { isi?: string; lot?: LotTerbaca; i?: number }): string => e.lot?.isi(e.i!) ?? e.isi!;

/**
 * Streams the journal (its chain checked on the way, only each row's last entry kept), then each
 * journalled book, row by row.
 */
export function periksaJurnal(ledger: Pick<Ledger, 'sqlite'>, peta: PetaGanti): TemuanJurnal[] {
  const terakhir: Terakhir = new Map();
  const temuan = periksaRantai(iterJurnal(ledger.sqlite), terakhir, peta);
  for (const buku of BUKU_JURNAL) {
    const { kolom, baris } = iterBaris(ledger.sqlite, buku);
    const [iId, iUid] = [kolom.indexOf('id'), kolom.indexOf('uid')];
    const susun = penyusunIsi(kolom);
    for (const row of baris) {
      const id = Number(row[iId]);
      const kunci = `${buku}/${String(row[iUid])}`;
      const e = terakhir.get(kunci);
      terakhir.delete(kunci);
      if (!e || e.aksi === 'hapus') temuan.push({ jenis: 'jurnal', id, pesan: pesan.jurnalBarisAsing(buku, id) });
      else if (!(e.lot ? e.lot.sama(e.i!, kolom, row) : susun(row) === e.isi)) {
        const beda = kolomBeda(Object.fromEntries(kolom.map((k, c) => [k, row[c]])), isiTerakhir(e));
        if (beda.length) temuan.push({ jenis: 'jurnal', id, pesan: pesan.jurnalKolomBeda(buku, id, beda) });
      }
    }
  }
  for (const e of terakhir.values()) {
    if (e.aksi === 'hapus') continue;
    const id = (JSON.parse(isiTerakhir(e)) as { id?: number }).id;
    temuan.push({ jenis: 'jurnal', pesan: pesan.jurnalBarisHilang(e.buku, String(id ?? e.uid)) });
  }
  return temuan;
}

/**
 * The chain over the whole journal (its first break is the finding), noting each row's last entry. Each entry
 * follows the hash before it: alone, by its own hash; in a lot written by a bulk import, the lot's entries carry
 * an empty hash and the last one holds the digest of them all (hashLot). An erasure act describes a rewrite,
 * not a row: the row's state is the entry after it. A `lot` entry (since 0016) is hashed alone and holds many
 * rows' states.
 */
function periksaRantai(jurnal: Iterable<BarisJurnal>, terakhir: Terakhir, peta: PetaGanti): TemuanJurnal[] {
  let sebelum = GENESIS_JURNAL;
  let lot: BarisJurnal[] = [];
  let putus: TemuanJurnal[] = [];
  const patah = (e: BarisJurnal) => [{ jenis: 'jurnal' as const, id: e.id, pesan: pesan.jurnalPutus(e.id) }];
  for (const e of jurnal) {
    if (e.aksi === 'lot') {
      const lot = bacaLotTerbaca(e.isi);
      for (let i = 0; i < lot.jumlah; i++) {
        const uid = lot.uid(i);
        terakhir.set(`${e.buku}/${uid}`, { buku: e.buku, uid, aksi: 'tambah', lot, i });
      }
    } else if (e.aksi !== 'anonimkan')
      terakhir.set(`${e.buku}/${e.uid}`, { buku: e.buku, uid: e.uid, aksi: e.aksi, isi: e.isi });
    if (putus.length) continue;
    if (e.hash_sebelum !== sebelum) {
      putus = patah(lot[0] ?? e);
      continue;
    }
    if (e.hash === '') {
      lot.push(e);
      continue;
    }
    const hash = lot.length ? hashLot(sebelum, [...lot, e]) : hashJurnal(sebelum, e);
    if (hashTercatat(peta, 'jurnal', e.id, hash) !== e.hash) putus = patah(lot[0] ?? e);
    sebelum = e.hash;
    lot = [];
  }
  return putus.length || !lot.length ? putus : patah(lot[0]!);
}
