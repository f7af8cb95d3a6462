// Matching people across files and the book: names without titles, addresses without punctuation.
// Only for matching; records keep the name as it was written.

const GELAR_DEPAN = new Set([
  'bpk', 'bp', 'bapak', 'pak', 'ibu', 'bu', 'ib', 'h', 'hj', 'haji', 'hajah', 'hajjah', 'sdr', 'sdri', 'saudara', 'saudari', 'ny', 'nyonya', 'tn', 'tuan',
  'mbah', 'mas', 'mbak', 'dr', 'drs', 'dra', 'ir', 'prof', 'kh', 'ust', 'ustadz', 'ustadzah', 'alm', 'almh', 'an',
]);

/** `Bpk. H. Sukardi, S.Pd.` → `sukardi`; `Hj. Siti Aminah` → `siti aminah`. */
export function bersihkanNama(nama: string): string {
  // academic degrees follow a comma: "Sukardi, S.Pd., M.Si."
  const tanpaGelarBelakang = nama.split(',')[0]!;
  let t = tanpaGelarBelakang.toLowerCase();
  // most names are plain ASCII; accents (Déwi) fold to their letters
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const kata = t
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let i = 0;
  while (i < kata.length - 1 && GELAR_DEPAN.has(kata[i]!)) i++;
  return kata.slice(i).join(' ');
}

/** `Jetis, RT 02` and `jetis rt 02` are one address; `RT 2` and `RT 02` too. */
export function normAlamat(alamat: string): string {
  return alamat
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .trim();
}

export function normTeks(s: string | null | undefined): string {
  return (s ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}
