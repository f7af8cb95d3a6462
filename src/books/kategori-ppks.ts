// A PPKS category as other systems write it (SIKS-NG, DTSEN, a kalurahan's spreadsheet):
// `KELUARGA FAKIR MISKIN`, `ANAK DENGAN KEDISABILITASAN (ADK)`, `ORANG DENGAN HIV / AIDS`, `lansia`.

export interface Kategori {
  kode: string;
  nama: string;
  nomor?: number;
}

/** Short forms people write for a category, by its code. */
const SEBUTAN: Record<string, string> = {
  lansia: 'LUT',
  'lansia terlantar': 'LUT',
  'lanjut usia': 'LUT',
  disabilitas: 'PD',
  difabel: 'PD',
  'penyandang cacat': 'PD',
  cacat: 'PD',
  miskin: 'FM',
  kfm: 'FM',
  'hiv aids': 'ODHA',
  hiv: 'ODHA',
  narkoba: 'NAPZA',
  napza: 'NAPZA',
  trafficking: 'KTR',
  'perdagangan orang': 'KTR',
  'korban kekerasan': 'KTK',
  'pekerja migran': 'PMBS',
  tki: 'PMBS',
  wrse: 'PRSE',
  'wanita rawan sosial ekonomi': 'PRSE',
  'korban bencana': 'KBA',
  'anak balita terlantar': 'ABT',
  gepeng: 'GLD',
  'mantan napi': 'BWBLP',
};

/** Lower case, words only (slashes, dots, double spaces gone), a leading "keluarga" dropped. */
export function normKategori(s: string): string {
  return s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^keluarga (?=\S+ \S)/, '');
}

/** The code written in parentheses: `ANAK DENGAN KEDISABILITASAN (ADK)` → `ADK`. */
function kodeDalamKurung(s: string): string | undefined {
  return /\(\s*([A-Za-z]{2,6})\s*\)/.exec(s)?.[1]?.toUpperCase();
}

/**
 * The category a text means: its code or number, its name in any spelling, a name that begins the
 * way ours does (`Anak yang menjadi korban tindak kekerasan` → AKTK), the code in parentheses,
 * or a common short form; undefined when none fits.
 */
export function cocokKategori(daftar: readonly Kategori[], raw: string): Kategori | undefined {
  const s = raw.trim();
  const kode = (k: string | undefined) =>
    k ? daftar.find((x) => x.kode.toUpperCase() === k.toUpperCase()) : undefined;
  const n = normKategori(s);
  return (
    kode(s.replace(/[\s_-]+/g, '')) ??
    daftar.find((x) => x.nomor !== undefined && String(x.nomor) === s) ??
    daftar.find((x) => normKategori(x.nama) === n) ??
    (n.split(' ').length >= 3 ? daftar.find((x) => `${normKategori(x.nama)} `.startsWith(`${n} `)) : undefined) ??
    kode(kodeDalamKurung(s)) ??
    kode(SEBUTAN[n])
  );
}

/**
 * The category nearest to what was written, for the refusal message: the most words in common,
 * then the largest share of the category's name.
 */
export function kategoriTerdekat(daftar: readonly Kategori[], raw: string): Kategori | undefined {
  const kata = new Set(
    normKategori(raw)
      .split(' ')
      .filter((w) => w.length > 2),
  );
  const mirip = (w: string) =>
    kata.has(w) || [...kata].some((x) => x.length > 3 && (w.startsWith(x) || x.startsWith(w)));
  let terbaik: { k: Kategori; skor: number; bagian: number } | undefined;
  for (const k of daftar) {
    const nama = normKategori(k.nama).split(' ');
    const skor = nama.filter(mirip).length;
    const bagian = skor / nama.length;
    if (skor > 0 && (!terbaik || skor > terbaik.skor || (skor === terbaik.skor && bagian > terbaik.bagian)))
      terbaik = { k, skor, bagian };
  }
  return terbaik?.k;
}
