// `wksbm periksa`: everything that must hold in a ledger file, each as a finding when it does not.

import type { LanggarCek } from '../db/cek-tabel.js';
import { danaTerikat, idTerakhir } from '../db/check-repo.js';
import type { Ledger } from '../db/connection.js';
import type { Kas } from '../db/kas-repo.js';
import { type Natura, negativeStokDayEnds, salesWithVoidedReceipt } from '../db/natura-repo.js';
import type { HasilJumlah } from '../db/periksa-sql.js';
import { segelTerakhir } from '../db/periode-repo.js';
import { type BedaHarian, saldoTakBerjalan } from '../db/saldo-repo.js';
import type { Tx } from '../db/transaction.js';
import type { SaldoHarianRow } from '../db/types.js';
import type { PetaGanti } from '../domain/anonim.js';
import { formatTanggal, labelTriwulan, type Triwulan } from '../domain/dates.js';
import { LedgerError } from '../domain/errors.js';
import { formatRupiah, jumlahSemua, type Rupiah, rupiahTersimpan } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { kodeSegelLaporan, type Segel } from '../domain/segel.js';
import { PemeriksaRantai, type PutusRantai, type TabelRantai } from './hash.js';
import { periksaJurnal, petaGantiJurnal, type TemuanJurnal } from './jurnal.js';
import { formatKuantitas, gerakNatura } from './natura.js';
import { PencatatKas } from './periksa-kas.js';
import { bagiKas, jalaniBawah, jalaniRantai } from './periksa-rantai.js';
import { samping } from './periksa-samping.js';
import { gerakKas } from './posting.js';
import type { Gerak } from './saldo.js';
import { periksaSegel, type TemuanSegel } from './segel.js';
import { periksaSusunan, type TemuanSusunan } from './susunan.js';

export interface Temuan {
  jenis:
    | 'integritas'
    | 'kunci_asing'
    | 'syarat_tabel'
    | 'rantai_hash'
    | 'urutan_bukti'
    | 'saldo'
    | 'pembatalan'
    | 'stok'
    | 'saldo_harian'
    | TemuanSegel['jenis']
    | TemuanSusunan['jenis']
    | TemuanJurnal['jenis'];
  pesan: string;
  id?: number;
}

export interface OpsiPeriksa {
  /** SQLite's full integrity_check (every index against its table) instead of quick_check */
  lengkap?: boolean;
}

export async function periksa(ledger: Pick<Ledger, 'db' | 'sqlite'>, opsi: OpsiPeriksa = {}): Promise<Temuan[]> {
  // SQLite's own check of the file runs beside everything else (in a worker thread where built)
  const berkas = samping(ledger.sqlite, { kerja: 'berkas', lengkap: opsi.lengkap ?? false });
  berkas.catch(() => {}); // awaited below, also when walking the books fails first
  const jalan = await jalaniBuku(ledger);
  const { rusak, langgar, kunciAsing } = await berkas;
  // the other checks read the damaged pages and would stop at the first; the damage is the finding
  if (rusak.length)
    return [
      ...rusak.map((m): Temuan => ({ jenis: 'integritas', pesan: `SQLite melaporkan kerusakan: ${m}` })),
      { jenis: 'integritas', pesan: pesan.periksaRusak() },
    ];
  if ('galat' in jalan) throw jalan.galat;
  const { kas, putus, hasil, sisa } = jalan;
  const temuan: Temuan[] = kunciAsing.map((f) => ({
    jenis: 'kunci_asing',
    pesan: `Baris ${f.rowid} di tabel ${f.table} menunjuk ke ${f.parent} yang tidak ada.`,
  }));
  temuan.push(...langgar.map(temuanSyarat));
  // a row's number, then the chains' breaks, then the gaps
  temuan.push(...kas.seri.temuan, ...putus, ...kas.seri.celah());
  for (const v of hasil.batalSalah)
    temuan.push({
      jenis: 'pembatalan',
      id: v.id,
      pesan: `Pembatalan ${v.nomor} tidak mencerminkan entri yang dibatalkannya.`,
    });

  const harian = totalHarian(kas.totalHarian(), hasil.harianNatura);
  for (const n of harian.minus(sisa.terikat)) {
    const apa = n.jenis === 'dana' ? `Dana terikat ${n.kode}` : `Akun ${n.kode}`;
    temuan.push({
      jenis: 'saldo',
      pesan: `${apa} bersaldo minus (${formatRupiah(n.saldo)}) pada ${formatTanggal(n.tanggal)}.`,
    });
  }
  for (const n of sisa.stokMinus) {
    temuan.push({
      jenis: 'stok',
      pesan: pesan.stokMinusPeriksa(n.barang, formatKuantitas(Number(n.sisa_mili), n.satuan), formatTanggal(n.tanggal)),
    });
  }
  for (const j of sisa.jualBatal) temuan.push({ jenis: 'stok', id: j.id, pesan: pesan.jualTanpaBkm(j.id, j.nomor) });
  // the day totals the floor checks rely on must be what the books add up to
  for (const b of harian.beda(hasil.saldoHarian))
    temuan.push({ jenis: 'saldo_harian', pesan: pesan.saldoHarianBeda(...uraianHarian(b)) });
  for (const b of sisa.takBerjalan)
    temuan.push({ jenis: 'saldo_harian', pesan: pesan.saldoHarianBerjalan(...uraianHarian(b)) });
  temuan.push(...periksaTotalSaldo(harian));
  temuan.push(...sisa.susunan, ...sisa.jurnal, ...sisa.segel);
  return temuan;
}

/** The checks that need nothing of the walks, read on the main thread while a worker may still walk. */
interface Sisa {
  terikat: Set<string>;
  stokMinus: Awaited<ReturnType<typeof negativeStokDayEnds>>;
  jualBatal: Awaited<ReturnType<typeof salesWithVoidedReceipt>>;
  takBerjalan: BedaHarian[];
  susunan: TemuanSusunan[];
  jurnal: TemuanJurnal[];
  segel: TemuanSegel[];
}

async function bacaSisa(ledger: Pick<Ledger, 'db' | 'sqlite'>, peta: PetaGanti): Promise<Sisa> {
  const db = ledger.db;
  return {
    terikat: await danaTerikat(db),
    stokMinus: await negativeStokDayEnds(db),
    jualBatal: await salesWithVoidedReceipt(db),
    takBerjalan: await saldoTakBerjalan(db),
    susunan: await periksaSusunan(db),
    jurnal: periksaJurnal(ledger, peta),
    segel: await periksaSegelTutup(db),
  };
}

/** What walking the books gave: the chains' breaks, the cash book's numbers and day totals, the rest read beside. */
interface Jalan {
  kas: PencatatKas;
  putus: Temuan[];
  hasil: HasilJumlah;
  sisa: Sisa;
}

/** A cash book longer than this is walked from both ends at once (periksa-rantai.ts, bagiKas). */
const BELAH_DARI = 4096;

/**
 * Walks the books: the stock book here, then the checks that need no walk (bacaSisa), then the cash book from its
 * first row up, while a worker thread reads the day totals and walks a large cash book from its last row down until
 * the two walks meet. A failure (a damaged page) is returned, not thrown: SQLite's own check, awaited after, names
 * the damage.
 */
async function jalaniBuku(ledger: Pick<Ledger, 'db' | 'sqlite'>): Promise<Jalan | { galat: unknown }> {
  try {
    const peta = await petaGantiJurnal(ledger.db);
    const akhir = idTerakhir(ledger.sqlite, 'kas');
    const bagi = akhir > BELAH_DARI ? bagiKas(akhir) : undefined;
    const sampingan = samping(ledger.sqlite, { kerja: 'jumlah', kas: bagi && { peta, bagi } });
    sampingan.catch(() => {}); // awaited below, also when the walk here fails first
    const natura = new PemeriksaRantai('natura', peta);
    jalaniRantai(ledger.sqlite, 'natura', natura);
    const sisa = await bacaSisa(ledger, peta);
    const rantai = new PemeriksaRantai('kas', peta);
    let kas = new PencatatKas();
    if (bagi) jalaniBawah(ledger.sqlite, rantai, kas, bagi);
    else jalaniRantai(ledger.sqlite, 'kas', rantai, kas);
    const { jumlah: hasil, kas: bagianAtas = [] } = await sampingan;
    if (!bagianAtas.every((b) => kas.gabung(b.kas))) {
      // a number in two parts (only a file changed outside the tool): the whole book in one walk decides
      kas = new PencatatKas();
      jalaniRantai(ledger.sqlite, 'kas', new PemeriksaRantai('kas', peta), kas);
    }
    const putusKas = rantai.putus ?? bagianAtas.find((b) => b.putus)?.putus;
    const putus = [
      ...(putusKas ? temuanPutus('kas', putusKas) : []),
      ...(natura.putus ? temuanPutus('natura', natura.putus) : []),
    ];
    return { kas, putus, hasil, sisa };
  } catch (err) {
    return { galat: err };
  }
}

/** A row that fails its table's CHECK, or a CHECK SQLite cannot ask, as its finding. */
function temuanSyarat(l: LanggarCek): Temuan {
  const teks =
    l.id === undefined ? pesan.syaratTakTerbaca(l.tabel, l.syarat) : pesan.syaratTabel(l.tabel, l.id, l.syarat);
  return { jenis: 'syarat_tabel', pesan: teks };
}

/** A chain's first break as its finding. */
function temuanPutus(tabel: TabelRantai, putus: PutusRantai & { row: Record<string, unknown> }): Temuan[] {
  const nama =
    tabel === 'kas' ? `entri kas ${String(putus.row.nomor)} (id ${putus.id})` : `entri natura id ${putus.id}`;
  return [
    {
      jenis: 'rantai_hash',
      id: putus.id,
      pesan:
        putus.alasan === 'isi'
          ? `Isi ${nama} diubah di luar wksbm: hash-nya tidak cocok lagi.`
          : `Rantai hash putus di ${nama}: entri sebelumnya diubah, dihapus atau disisipkan.`,
    },
  ];
}

/** The books' day totals from their groups (cash: the walk's; stock: SQLite's), moved by the write path's functions. */
function totalHarian(harianKas: unknown[][], harianNatura: unknown[][]): TotalHarian {
  const harian = new TotalHarian();
  for (const [tanggal, arah, dana, akun, akun_tujuan, jumlah] of harianKas)
    harian.tambah(String(tanggal), {
      arah: arah as Kas['arah'],
      jumlah: Number(jumlah),
      dana: dana as string | null,
      akun: String(akun),
      akun_tujuan: akun_tujuan as string | null,
    });
  for (const [tanggal, arah, barang, satuan, kuantitas] of harianNatura)
    harian.tambahNatura(String(tanggal), String(satuan), {
      arah: arah as Natura['arah'],
      barang: String(barang),
      kuantitas_mili: Number(kuantitas),
    });
  return harian;
}

/** The latest closing's seal: the history it sealed must still be there, row for row. */
async function periksaSegelTutup(db: Tx): Promise<TemuanSegel[]> {
  const s = await segelTerakhir(db);
  if (!s) return [];
  const segel = JSON.parse(s.segel) as Segel;
  return periksaSegel(db, segel.rantai, { nama: `penutupan triwulan ${labelTriwulan(s as Triwulan)}` });
}

/** What `periksa --laporan` needs of a workbook's `_data`. */
export interface IsiDataSegel {
  laporan: { periode: { sampai: string } };
  sel?: Record<string, number>;
  segel?: Segel;
}

/** `periksa --laporan`: the ledger against the seal in a workbook's `_data`. */
export async function periksaLaporan(db: Tx, berkas: string, isi: IsiDataSegel | string): Promise<TemuanSegel[]> {
  if (typeof isi === 'string') return [{ jenis: 'segel', pesan: pesan.segelLaporanRusak(berkas, isi) }];
  if (!isi.segel) return [{ jenis: 'segel', pesan: pesan.segelTidakAda(berkas) }];
  if (kodeSegelLaporan(isi.segel.rantai, isi) !== isi.segel.kode)
    return [{ jenis: 'segel', pesan: pesan.segelKodeBeda(berkas) }];
  return periksaSegel(db, isi.segel.rantai, { nama: `laporan ${berkas}`, sampai: isi.laporan.periode.sampai });
}

/** Funds and accounts must hold the same money; a balance that is not whole rupiah is a finding, not a crash. */
function periksaTotalSaldo(harian: TotalHarian): Temuan[] {
  try {
    const totalDana = jumlahSemua(harian.saldo('dana'));
    const totalAkun = jumlahSemua(harian.saldo('akun'));
    if (totalDana === totalAkun) return [];
    const dana = `Jumlah saldo semua dana (${formatRupiah(totalDana)})`;
    const akun = `jumlah saldo semua akun (${formatRupiah(totalAkun)})`;
    return [{ jenis: 'saldo', pesan: `${dana} tidak sama dengan ${akun}.` }];
  } catch (e) {
    if (e instanceof LedgerError) return [{ jenis: 'saldo', pesan: e.message }];
    throw e;
  }
}

/**
 * Day totals added up from the rows as periksa streams them, by the write path's own movement
 * functions; compared with saldo_harian they show a row inserted, deleted or changed outside the
 * tool, or a tampered total. (One pass over the books already made for the hash chain: a GROUP BY
 * over gerak_saldo would read a million-row book again.)
 */
class TotalHarian {
  private readonly kunci = new Map<string, { buku: Gerak['buku']; kode: string; hari: Map<string, number> }>();
  private readonly satuan = new Map<string, string>();

  tambah(tanggal: string, row: Parameters<typeof gerakKas>[0]): void {
    this.catat(tanggal, gerakKas(row));
  }

  tambahNatura(tanggal: string, satuan: string, row: Parameters<typeof gerakNatura>[0]): void {
    if (!this.satuan.has(row.barang)) this.satuan.set(row.barang, satuan);
    this.catat(tanggal, gerakNatura(row));
  }

  private catat(tanggal: string, gerak: readonly Gerak[]): void {
    for (const g of gerak) {
      const k = `${g.buku}:${g.kode}`;
      let x = this.kunci.get(k);
      if (!x) this.kunci.set(k, (x = { buku: g.buku, kode: g.kode, hari: new Map() }));
      x.hari.set(tanggal, (x.hari.get(tanggal) ?? 0) + g.gerak);
    }
  }

  /** Per account and restricted fund, the first day the books' running balance is below zero. */
  minus(terikat: ReadonlySet<string>): { jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: number }[] {
    const out: { jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: number }[] = [];
    for (const x of this.kunci.values()) {
      if (x.buku === 'stok' || (x.buku === 'dana' && !terikat.has(x.kode))) continue;
      let saldo = 0;
      for (const h of [...x.hari.keys()].sort()) {
        saldo += x.hari.get(h)!;
        if (saldo < 0) {
          out.push({ jenis: x.buku, kode: x.kode, tanggal: h, saldo });
          break;
        }
      }
    }
    return out.sort((a, b) => (a.jenis + a.kode < b.jenis + b.kode ? -1 : 1));
  }

  /** The books' balance of every fund or account, checked as whole rupiah (a LedgerError names the first not). */
  saldo(buku: 'dana' | 'akun'): Rupiah[] {
    const out: Rupiah[] = [];
    for (const x of this.kunci.values()) {
      if (x.buku !== buku) continue;
      let s = 0;
      for (const g of x.hari.values()) s += g;
      out.push(rupiahTersimpan(s, `Saldo ${buku} ${x.kode}`));
    }
    return out;
  }

  /** per key (by buku, then kode), the first day whose stored total is not what the rows add up to */
  beda(tersimpan: readonly SaldoHarianRow[]): BedaHarian[] {
    const simpan = new Map<string, Map<string, number>>();
    for (const r of tersimpan) {
      const k = `${r.buku}:${r.kode}`;
      if (!simpan.has(k)) simpan.set(k, new Map());
      simpan.get(k)!.set(r.tanggal, Number(r.gerak));
      if (!this.kunci.has(k)) this.kunci.set(k, { buku: r.buku, kode: r.kode, hari: new Map() });
    }
    const out: BedaHarian[] = [];
    for (const x of this.kunci.values()) {
      const s = simpan.get(`${x.buku}:${x.kode}`) ?? new Map<string, number>();
      const hari = [...new Set([...x.hari.keys(), ...s.keys()])].sort();
      const t = hari.find((h) => (x.hari.get(h) ?? 0) !== (s.get(h) ?? 0));
      if (t)
        out.push({
          buku: x.buku,
          kode: x.kode,
          tanggal: t,
          tercatat: s.get(t) ?? 0,
          seharusnya: x.hari.get(t) ?? 0,
          satuan: x.buku === 'stok' ? (this.satuan.get(x.kode) ?? null) : null,
        });
    }
    return out.sort((a, b) =>
      a.buku === b.buku ? (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0) : a.buku < b.buku ? -1 : 1,
    );
  }
}

function uraianHarian(b: BedaHarian): [string, string, string, string] {
  const jumlah = (n: number) =>
    b.buku === 'stok' ? formatKuantitas(Number(n), b.satuan ?? undefined) : formatRupiah(Number(n));
  return [`${b.buku} ${b.kode}`, formatTanggal(b.tanggal), jumlah(b.tercatat), jumlah(b.seharusnya)];
}
