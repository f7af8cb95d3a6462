// Names as people write them: the same person is `Bpk. H. Sukardi, S.Pd.` in one list and `Sukardi` in
// another. Only for matching (books and imports alike); records keep the name as it was written.

const GELAR_DEPAN = new Set(
  (
    'bpk bp bapak pak ibu bu ib h hj haji hajah hajjah sdr sdri saudara saudari ny nyonya tn tuan ' +
    'mbah mas mbak dr drs dra ir prof kh ust ustadz ustadzah alm almh an'
  ).split(' '),
);

/** `Bpk. H. Sukardi, S.Pd.` → `sukardi`; `Hj. Siti Aminah` → `siti aminah`. */
export function bersihkanNama(nama: string): string {
  // academic degrees follow a comma: "Sukardi, S.Pd., M.Si."
  const koma = nama.indexOf(',');
  let t = (koma < 0 ? nama : nama.slice(0, koma)).toLowerCase();
  // most names are plain ASCII; accents (Déwi) fold to their letters
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, not a control character
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  t = t.replace(/[^a-z0-9]+/g, ' ').trim();
  // titles in front go, never the last word: one scan over the words, no array of them
  let awal = 0;
  for (let spasi = t.indexOf(' '); spasi >= 0 && GELAR_DEPAN.has(t.slice(awal, spasi)); spasi = t.indexOf(' ', awal))
    awal = spasi + 1;
  return awal ? t.slice(awal) : t;
}

/** Whether two names are one person's, titles and degrees ignored (`Bu Siti Aminah` = `Hj. Siti Aminah`). */
export function namaSama(a: string, b: string): boolean {
  const k = bersihkanNama(a);
  return k !== '' && k === bersihkanNama(b);
}
