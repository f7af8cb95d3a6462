// Every user-facing sentence, in Indonesian, in one place.
const q = (v: unknown) => `"${tampak(String(v))}"`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const KENDALI = /[\u0000-\u001f\u007f-\u009f]/g;

/** A value as it may be shown on a terminal: control characters (an ESC sequence, a bell) written as `\x1b`. */
export function tampak(v: string): string {
  return v.replace(KENDALI, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

export const pesan = {
  // input
  jumlahTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: tulis rupiah bulat lebih dari nol, misalnya 1250000, 1.250.000, Rp 1.250.000 atau ` +
    `1,25jt.`,
  kuantitasTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: tulis angka lebih dari nol, misalnya 12,5.`,
  angkaTidakSah: (field: string, v: string) => `${field} ${q(v)} tidak sah: tulis bilangan bulat, misalnya 40.`,
  tanggalTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: tulis tanggal seperti 05/10/2026 (hari/bulan/tahun) atau 2026-10-05.`,
  hariTidakAda: (field: string, v: string, hari: string) => `${field} ${q(v)} tidak sah: ${hari} tidak ada.`,
  bulanTidakAda: (field: string, v: string, bulan: number) => `${field} ${q(v)} tidak sah: bulan ${bulan} tidak ada.`,
  tanggalSebelumBuktiTerakhir: (nomor: string, akhir: string, tanggal: string) =>
    `Bukti terakhir ${nomor} bertanggal ${akhir}; entri bertanggal ${tanggal} tetap mendapat nomor berikutnya ` +
    '(nomor mengikuti urutan pencatatan, bukan tanggal). Lanjutkan?',
  triwulanTidakSah: (field: string, v: string) => `${field} ${q(v)} tidak sah: tulis tahun-triwulan, misalnya 2026-3.`,
  pilihanTidakDikenal: (field: string, v: string, pilihan: string[]) =>
    `${field} ${q(v)} tidak dikenal. Pilihan: ${pilihan.join(', ')}.`,
  kategoriPpksTidakDikenal: (field: string, v: string, saran?: { kode: string; nama: string }) =>
    `${field} ${q(v)} tidak dikenal` +
    (saran ? `; maksudnya ${saran.kode} (${saran.nama})?` : '.') +
    ' Tulis kode (mis. FM, LUT, PD) atau nama kategori; daftarnya: wksbm kode ppks.',
  wajibDiisi: (field: string, flag: string) =>
    `${field} wajib diisi: berikan --${flag} (tidak bisa bertanya karena masukan bukan terminal atau --no-input).`,
  argumenWajib: (label: string, contoh: string) =>
    `${label} wajib diisi: berikan, misalnya ${contoh} ` +
    '(tidak bisa bertanya karena masukan bukan terminal atau --no-input).',
  tidakAdaPilihan: (label: string) => `Belum ada ${label} yang bisa dipilih.`,
  wajibDiisiPrompt: (field: string) => `${field} wajib diisi.`,
  teksKosong: (field: string) => `${field} tidak boleh kosong.`,
  teksTerlaluPanjang: (field: string, maks: number) => `${field} terlalu panjang (paling banyak ${maks} huruf).`,
  kodeTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: pakai huruf kecil, angka dan garis bawah, diawali huruf (misalnya bri atau ` +
    `infak_masjid).`,
  teksKendali: (field: string, v: string, bolehBaris: boolean) =>
    `${field} ${q(v.length > 80 ? `${v.slice(0, 80)}…` : v)} tidak sah: ` +
    'berisi karakter kendali (seperti ESC atau bel)' +
    `${bolehBaris ? '' : ', dan tab atau baris baru tidak boleh di isian satu baris'}; ketik ulang tanpa karakter itu.`,
  angkaTerlaluKecil: (field: string, v: string, min: number) =>
    `${field} ${q(v)} tidak sah: harus ${min === 1 ? 'lebih dari 0' : `paling sedikit ${min}`}.`,
  waktuTidakSah: (field: string, v: string) => `${field} ${q(v)} tidak sah: tulis jam seperti 19.30.`,
  nikTidakSah: (field: string, v: string, alasan: string) => `${field} ${q(v)} tidak sah: ${alasan}.`,
  nikExcel: (field: string, v: string) =>
    `${field} ${q(v)} tersimpan sebagai angka di Excel, sehingga angka terakhirnya hilang; ` +
    'format kolom itu sebagai Teks, ketik ulang NIK-nya, lalu impor lagi.',
  tanggalSebelumBerdiri: (field: string, v: string, awal: string) =>
    `${field} ${q(v)} tidak sah: sebelum unit berdiri (${awal}); periksa tahunnya atau isi tanggal SK di profil.`,
  tanggalMasaDepan: (field: string, v: string, hariIni: string) =>
    `${field} ${q(v)} tidak sah: lewat dari hari ini (${hariIni}); mencatat hanya yang sudah terjadi.`,
  tanggalLahirTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: tanggal lahir harus antara tahun 1900 dan hari ini.`,
  referensiTidakSah: (field: string, v: string) =>
    `${field} ${q(v)} tidak sah: tulis ID (angka saja), NIK, nomor HP atau nama, tanpa tanda minus atau plus.`,
  kendalaBuku: (tabel: string, kolom: string | null) =>
    `Isian ${kolom ? `${kolom} ` : ''}di buku ${tabel} ditolak oleh aturan buku; ` +
    'periksa nilainya. Tidak ada yang dicatat.',
  hpTidakSah: (v: string) => `nomor HP ${q(v)} tidak sah: tulis misalnya 0812-1000-2000 atau +62 812 1000 2000.`,
  dibatalkanPengguna: () => 'Dibatalkan; tidak ada yang dicatat.',
  opsiTidakDikenal: (v: string) => `opsi tidak dikenal: ${v}`,

  // file and unit
  berkasTidakAda: (path: string) =>
    `Berkas buku ${q(path)} belum ada. Buat dulu dengan "wksbm init", atau pilih berkas lain dengan --db atau ` +
    `WKSBM_DB.`,
  unitSudahAda: (path: string) => `Berkas ${q(path)} sudah berisi unit WKSBM; init tidak menimpa unit yang ada.`,
  bukanBerkasWksbm: (path: string) => `Berkas ${q(path)} bukan buku WKSBM atau rusak.`,
  bukuAdalahFolder: (path: string) =>
    `${q(path)} adalah folder, bukan berkas buku: tulis nama berkasnya dengan --db atau WKSBM_DB ` +
    `(misalnya ${q(`${path.replace(/\/+$/, '')}/wksbm.sqlite`)}).`,
  bukuBukanBerkas: (path: string) =>
    `${q(path)} bukan berkas biasa (perangkat atau pipa): buku WKSBM harus berupa berkas. ` +
    'Tulis nama berkasnya dengan --db atau WKSBM_DB.',
  berkasKosong: (path: string) =>
    `Berkas ${q(path)} kosong (0 bita), bukan buku WKSBM; ` +
    'buat unit baru dengan "wksbm init" atau kembalikan cadangan dengan "wksbm pulihkan".',
  berkasRusak: (path: string) =>
    `Berkas buku ${q(path)} rusak; ` +
    'lihat kerusakannya dengan "wksbm periksa" dan kembalikan cadangan dengan "wksbm pulihkan".',
  initTidakMenimpa: (path: string) =>
    `Berkas ${q(path)} sudah ada, tidak kosong, dan bukan buku WKSBM; ` +
    'init tidak menimpanya, pilih berkas lain dengan --db.',
  profilBelumAda: () => 'Profil unit belum diisi. Jalankan "wksbm init".',
  bukuDiskPenuh: (path: string) =>
    `Buku ${q(path)} tidak bisa ditulis: ruang disk habis. ` +
    'Tidak ada yang berubah; kosongkan sebagian disk lalu ulangi.',
  migrasiDiskPenuh: (path: string, mb: number) =>
    `Buku ${q(path)} perlu diperbarui untuk versi wksbm ini, tetapi ruang disk habis; isi buku tidak berubah. ` +
    `Kosongkan sekitar ${mb} MB di disk itu lalu ulangi.`,
  bukuBaruDiskPenuh: (path: string) =>
    `Buku baru ${q(path)} tidak bisa dibuat: ruang disk habis. Kosongkan sebagian disk (sekitar 1 MB) lalu ulangi.`,
  berkasTerkunci: () => 'Berkas buku sedang dipakai perintah lain terlalu lama; coba lagi sebentar.',
  bukuGalatDisk: (path: string) =>
    `Buku ${q(path)} gagal dibaca atau ditulis oleh disk (misalnya flashdisk tercabut atau medianya rusak). ` +
    'Sambungkan lagi medianya, jalankan "wksbm periksa", lalu ulangi perintahnya.',
  bukuHanyaBaca: (path: string, folder: string) =>
    `Buku ${q(path)} tidak bisa dibuka: wksbm perlu menulis di folder ${q(folder)} (buku serta berkas ` +
    'pendampingnya -wal dan -shm), tetapi folder, berkas atau medianya hanya-baca atau tanpa izin menulis. ' +
    'Isi buku tidak berubah; ' +
    'salin buku ke folder yang bisa ditulis, lalu buka salinannya.',
  capTidakSah: (path: string) => `Berkas cap ${q(path)} bukan gambar PNG atau JPEG.`,
  capTerlaluBesar: (path: string, mb: number) =>
    `Berkas cap ${q(path)} lebih besar dari ${mb} MB: gambar itu ikut di setiap laporan dan kwitansi. ` +
    'Perkecil gambarnya (cap yang dipindai cukup beberapa ratus KB) lalu ulangi.',
  berkasTidakTerbaca: (path: string) => `Berkas ${q(path)} tidak bisa dibaca.`,
  skemaLebihBaru: (path: string) => `Berkas ${q(path)} dibuat oleh wksbm yang lebih baru; perbarui wksbm dulu.`,

  // ledger rules
  danaTidakAda: (v: string, ada: string[]) => pesan.pilihanTidakDikenal('dana', v, ada),
  akunTidakAda: (v: string, ada: string[]) => pesan.pilihanTidakDikenal('akun', v, ada),
  kodeSudahAda: (jenis: string, kode: string) => `${jenis} ${q(kode)} sudah ada.`,
  danaTerikatMinus: (dana: string, tanggal: string, saldo: string) =>
    `Dana terikat ${q(dana)} tidak boleh di bawah nol: saldonya akan menjadi ${saldo} pada ${tanggal}. ` +
    `Tidak ada yang dicatat.`,
  saldoPer: (kantong: string, tanggal: string, saldo: string) => `saldo ${kantong} per ${tanggal}: ${saldo}`,
  akunMinus: (akun: string, tanggal: string, saldo: string) =>
    `Saldo akun ${q(akun)} tidak boleh di bawah nol: saldonya akan menjadi ${saldo} pada ${tanggal}. Tidak ada yang ` +
    `dicatat.`,
  danaHanyaUntuk: (dana: string, jenis: string, diminta: string) =>
    `Dana ${q(dana)} hanya boleh dipakai untuk ${jenis}, bukan ${q(diminta)}.`,
  danaPerluAsnaf: (dana: string) =>
    `Penyaluran dari dana ${q(dana)} wajib menyebut asnaf penerima (--asnaf): fakir, miskin, amil, mualaf, riqab, ` +
    `gharimin, fisabilillah, ibnu_sabil.`,
  sumberWajibDana: (sumber: string, dana: string, diminta: string) =>
    `Pemasukan dari sumber ${q(sumber)} harus masuk ke dana ${q(dana)}, bukan ${q(diminta)}.`,
  danaTidakMenerima: (dana: string, sumber: string, diterima: string[]) =>
    `Dana ${q(dana)} hanya menerima pemasukan dari sumber ${diterima.map(q).join(', ')}, bukan ${q(sumber)}.`,
  jenisPerluLayanan: (jenis: string) => `Pengeluaran jenis ${q(jenis)} wajib menyebut layanan (--layanan).`,
  pindahAkunSama: (akun: string) => `Akun asal dan tujuan sama (${q(akun)}); pemindahan tidak dicatat.`,
  periodeTertutup: (tanggal: string, label: string) =>
    `Tanggal ${tanggal} berada di triwulan ${label} yang sudah ditutup; buka dulu dengan "wksbm kas buka" ` +
    `bila memang perlu.`,
  sudahDitutup: (label: string) => `Triwulan ${label} sudah ditutup.`,
  belumDitutup: (label: string) => `Triwulan ${label} tidak sedang ditutup.`,
  triwulanBelumBerakhir: (label: string, sampai: string) =>
    `Triwulan ${label} belum berakhir (sampai ${sampai}); belum bisa ditutup.`,
  buktiTidakAda: (nomor: string) => `Bukti ${q(nomor)} tidak ada di buku kas.`,
  buktiSudahBatal: (nomor: string, oleh: string) => `Bukti ${q(nomor)} sudah dibatalkan oleh ${oleh}.`,
  buktiPembatalan: (nomor: string) => `Bukti ${q(nomor)} adalah pembatalan; pembatalan tidak bisa dibatalkan lagi.`,
  donaturTidakAda: (v: string) => `donatur ${q(v)} tidak ditemukan (cari dengan ID, nomor HP atau nama).`,
  donaturGanda: (v: string, n: number) => `donatur ${q(v)} cocok dengan ${n} orang; pakai ID atau nomor HP.`,
  kegiatanTidakAda: (v: string) => `kegiatan ${q(v)} tidak ada (lihat wksbm kegiatan daftar).`,
  meterai: (jumlah: string) => `Perhatian: ${jumlah} lebih dari Rp 5.000.000, bukti perlu bermeterai Rp10.000.`,

  // bulk import (wksbm … impor)
  imporBerkasKosong: (berkas: string) => `Berkas ${q(berkas)} kosong: tidak ada baris untuk diimpor.`,
  imporXlsLama: (berkas: string) =>
    `Berkas ${q(berkas)} berformat Excel lama (.xls); simpan dulu sebagai .xlsx atau .csv.`,
  imporXlsxTerlaluBesar: (berkas: string, mib: number) =>
    `Berkas ${q(berkas)} terlalu besar untuk dibaca sebagai XLSX (lebih dari ${mib} MB setelah dibuka): ` +
    'simpan sebagai CSV lalu impor lagi.',
  imporXlsxRusak: (berkas: string) =>
    `Berkas ${q(berkas)} tidak bisa dibaca sebagai XLSX (rusak atau bukan buku kerja Excel): ` +
    'simpan ulang dari Excel/LibreOffice, atau simpan sebagai CSV.',
  imporKutipTerbuka: (baris: number) =>
    `Tanda kutip (") yang dibuka pada baris ${baris} tidak pernah ditutup; perbaiki baris itu lalu impor lagi. Tidak ` +
    `ada yang diimpor.`,
  imporBukanTeks: (berkas: string) =>
    `Berkas ${q(berkas)} bukan berkas CSV (teks) maupun buku kerja XLSX: isinya data biner. ` +
    'Simpan daftarnya sebagai CSV atau XLSX lalu impor lagi.',
  imporBarisTerlaluPanjang: (baris: number, mib: number) =>
    `Baris ${baris} berkas CSV lebih panjang dari ${mib} MB: mungkin tanda kutip (") yang dibuka tidak ditutup, ` +
    'atau berkas itu bukan daftar data. Tidak ada yang diimpor.',
  imporCsvRusak: (baris: number) =>
    `Berkas CSV rusak sekitar baris ${baris}: tanda kutip (") atau pemisah kolom di sana tidak beraturan. ` +
    'Tidak ada yang diimpor.',
  imporBukuTidakDikenal: (v: string, ada: string[]) => pesan.pilihanTidakDikenal('buku', v, ada),
  imporKolomTidakSah: (v: string) => `--kolom ${q(v)} tidak sah: tulis isian=Judul, misalnya --kolom hp="TELP."`,
  imporKolomIsianTidakAda: (v: string, ada: string[]) =>
    `--kolom: isian ${q(v)} tidak ada di buku ini. Isian: ${ada.join(', ')}.`,
  imporKolomJudulTidakAda: (isian: string, judul: string, ada: string[]) =>
    `--kolom ${isian}=${q(judul)}: judul kolom itu tidak ada. Judul yang ada: ${ada.join(', ')}.`,
  imporKolomWajibTidakAda: (kurang: string[], ada: string[], contoh: string) =>
    `Kolom untuk ${kurang.join(', ')} tidak ditemukan, jadi tidak ada baris yang dibaca. Judul kolom yang ada: ` +
    `${ada.length ? ada.join(', ') : '(tidak ada)'}. Tunjukkan kolomnya dengan --kolom ${contoh}="Judul Kolom".`,
  imporSudahAda: (rujukan: string) => `sudah ada: ${rujukan}`,
  sudahAdaDiBuku: (buku: string, nama: string, id: number, namaAda: string) =>
    `${q(nama)} sudah ada di buku ${buku} (ID ${id}, ${q(namaAda)}); tidak ditambahkan. ` +
    'Ulangi dengan --yes bila memang orang lain.',
  tetapTambahkan: (buku: string, nama: string, id: number, namaAda: string) =>
    `${q(nama)} sudah ada di buku ${buku} (ID ${id}, ${q(namaAda)}). Tetap tambahkan sebagai orang lain?`,
  imporHpBersama: (rujukan: string) =>
    `nomor HP sama dengan ${rujukan} yang namanya lain (mungkin satu keluarga); tidak ditambahkan. ` +
    'Impor ulang dengan --terima-mirip bila memang orang lain.',
  imporMungkinGanda: (rujukan: string) =>
    `mungkin orang yang sama dengan ${rujukan}; tidak ditambahkan. Impor ulang dengan --terima-mirip bila memang ` +
    `orang lain.`,
  imporMasukDanKeluar: () => 'Masuk dan Keluar keduanya terisi; satu baris hanya boleh salah satunya.',
  imporJumlahKosong: () => 'jumlah kosong: isi kolom Masuk atau Keluar (atau Jumlah).',
  imporArahTidakDikenal: (v: string) => `arah ${q(v)} tidak dikenal. Pilihan: masuk, keluar.`,
  imporKodeKosong: () => 'sumber/jenis kosong: isi kode sumber (untuk pemasukan) atau jenis pengeluaran.',
  imporKodeDuaArti: (v: string) =>
    `kode ${q(v)} bisa sumber pemasukan atau jenis pengeluaran; isi kolom Masuk atau Keluar agar jelas.`,
  imporKetat: (n: number) =>
    `--ketat: ${n} baris ditolak, jadi tidak ada yang diimpor. Perbaiki baris itu (lihat --ditolak) lalu impor lagi.`,
  imporUji: () => 'Uji coba (--uji): tidak ada yang ditulis ke berkas buku.',
  imporTercatat: (id: number, ditambah: number) =>
    `Impor #${id} tercatat: ${ditambah} baris ditambahkan. Batalkan dengan "wksbm impor batal ${id}" bila keliru.`,
  imporDitolakDitulis: (n: number, berkas: string) =>
    `${n} baris yang tidak diimpor ditulis ke ${berkas} (kolom alasan); perbaiki lalu impor lagi.`,
  imporDanLainnya: (n: number) => `… dan ${n} baris lain (lihat --json atau --ditolak).`,
  imporTidakAda: (id: string) => `Impor ${q(id)} tidak ada (lihat wksbm impor riwayat).`,
  imporSudahBatal: (id: number, waktu: string) => `Impor #${id} sudah dibatalkan pada ${waktu}.`,
  imporDibatalkan: (id: number, kas: number, dihapus: number) =>
    `Impor #${id} dibatalkan: ${kas} entri kas dibatalkan dengan entri pembalik, ${dihapus} baris dihapus.`,
  imporDipertahankan: (n: number, daftar: string) =>
    `${n} baris tetap disimpan karena sudah dipakai atau diubah sejak diimpor: ${daftar}.`,
  imporJeda: () => '[tes] impor berhenti sejenak di dalam transaksi',

  // results
  tercatat: (nomor: string, jumlah: string) => `Tercatat ${nomor} sebesar ${jumlah}.`,
  dibatalkan: (nomor: string, oleh: string) => `Bukti ${nomor} dibatalkan dengan ${oleh}.`,
  ditutup: (label: string, kode: string) =>
    `Triwulan ${label} ditutup dengan kode segel ${kode}. Entri bertanggal di dalamnya akan ditolak.`,
  dibuka: (label: string) => `Triwulan ${label} dibuka kembali.`,
  unitDibuat: (nama: string, path: string) => `Unit WKSBM ${nama} dibuat di ${path}.`,
  profilDiubah: () => 'Profil diperbarui.',
  profilTetap: () => 'Profil tidak diubah: semua isian tetap seperti semula.',
  profilTanpaUbahan: () =>
    'Tidak ada yang diubah: berikan isian yang diubah, misalnya --lurah "Suharjo" (lihat wksbm profil ubah --help).',
  capDisimpan: (byte: number) => `Cap disimpan (${byte} byte).`,
  danaDibuat: (kode: string) => `Dana ${kode} ditambahkan.`,
  akunDibuat: (kode: string) => `Akun ${kode} ditambahkan.`,
  periksaBaik: () => 'Pemeriksaan selesai: semua baik.',
  periksaTemuan: (n: number) => `Pemeriksaan menemukan ${n} masalah.`,
  syaratTabel: (tabel: string, id: number | null, syarat: string) =>
    `${id === null ? 'Sebuah baris' : `Baris ${id}`} di tabel ${tabel} tidak memenuhi syarat tabelnya: ${syarat}.`,
  syaratTakTerbaca: (tabel: string, syarat: string) =>
    `Syarat tabel ${tabel} tidak dapat diperiksa (susunan tabel diubah di luar wksbm?): ${syarat}.`,
  periksaRusak: () =>
    'Berkas buku rusak, jadi pemeriksaan lain dihentikan; ' +
    'lihat daftar cadangan dan kembalikan yang utuh dengan "wksbm pulihkan".',
  pemicuHilang: (nama: string, tabel: string) =>
    `Pemicu (trigger) ${nama} yang menjaga tabel ${tabel} hilang: tabel itu bisa diubah di luar wksbm.`,
  pemicuDiubah: (nama: string, tabel: string) => `Pemicu (trigger) ${nama} pada tabel ${tabel} diubah di luar wksbm.`,
  tabelHilang: (tabel: string) => `Tabel ${tabel} hilang dari berkas: dihapus di luar wksbm.`,
  tabelDiubah: (tabel: string) =>
    `Susunan tabel ${tabel} diubah di luar wksbm: kolom atau aturannya (CHECK, UNIQUE, rujukan) tidak sama lagi.`,
  indeksHilang: (nama: string, tabel: string) => `Indeks ${nama} pada tabel ${tabel} hilang: dihapus di luar wksbm.`,
  indeksDiubah: (nama: string, tabel: string) => `Indeks ${nama} pada tabel ${tabel} diubah di luar wksbm.`,
  pemicuAsing: (nama: string, tabel: string) => `Pemicu (trigger) ${nama} pada tabel ${tabel} tidak dibuat oleh wksbm.`,
  segelDihapus: (buku: string, id: number | null, asal: string, n: number) =>
    `${n} entri ${buku} terakhir yang disegel ${asal} (sampai id ${String(id)}) sudah dihapus.`,
  segelEntriDihapus: (buku: string, id: number, asal: string) =>
    `Entri ${buku} id ${id} yang disegel ${asal} sudah dihapus.`,
  segelEntriDisisipkan: (buku: string, nama: string, asal: string) =>
    `Entri ${buku} ${nama} disisipkan ke riwayat yang disegel ${asal}.`,
  segelEntriDiubah: (buku: string, nama: string, asal: string) =>
    `Entri ${buku} ${nama} diubah sesudah disegel ${asal}.`,
  segelRentangBeda: (buku: string, dari: number, sampai: number, asal: string) =>
    `Riwayat ${buku} antara id ${dari} dan id ${sampai} tidak sama dengan yang disegel ${asal}: ` +
    'ada entri yang dihapus, diubah atau disisipkan.',
  segelEntriSusulan: (buku: string, nama: string, tanggal: string, asal: string) =>
    `Entri ${buku} ${nama} tertanggal ${tanggal} ditambahkan sesudah disegel ${asal}, ` +
    'padahal masuk periode yang dilaporkan.',
  jurnalBarisAsing: (buku: string, id: number) =>
    `Baris ${buku} id ${id} ditambahkan di luar wksbm: tidak ada di jurnal.`,
  jurnalKolomBeda: (buku: string, id: number, kolom: string[]) =>
    `Kolom ${kolom.join(', ')} pada baris ${buku} id ${id} diubah di luar wksbm: tidak sama dengan jurnal.`,
  jurnalBarisHilang: (buku: string, id: string) => `Baris ${buku} id ${id} dihapus di luar wksbm: masih ada di jurnal.`,
  jurnalPutus: (id: number) =>
    `Rantai hash jurnal putus di entri ${id}: jurnal diubah, dihapus atau disisipi di luar wksbm.`,
  segelKodeBeda: (berkas: string) => `Kode segel di ${berkas} tidak cocok dengan isinya: lembar _data diubah.`,
  segelTidakAda: (berkas: string) => `Laporan ${berkas} tidak memuat segel (dibuat oleh wksbm versi lama).`,
  segelLaporanRusak: (berkas: string, masalah: string) => `Laporan ${berkas} tidak bisa diperiksa: ${masalah}`,
  konfirmasiSimpan: () => 'Simpan?',
  ubahIsianMana: () => 'Isian mana yang diubah?',
  tidakAdaData: () => 'Belum ada data.',

  // register books, meetings, aid and natura (issue 3)
  barisDicatat: (buku: string, id: number, nama: string) =>
    `Tercatat di ${buku} dengan ID ${id}${nama ? `: ${nama}` : ''}.`,
  barisDiubah: (buku: string, id: number, n: number) =>
    n === 0
      ? `Tidak ada yang berubah pada ${buku} ID ${id}.`
      : `${buku} ID ${id} diperbarui (${n} isian; tercatat di jejak perubahan).`,
  barisTidakAda: (buku: string, id: string) => `${buku} dengan ID ${q(id)} tidak ada (lihat wksbm ${buku} daftar).`,
  tanpaUbahan: (buku: string, flag: string) =>
    `Tidak ada yang diubah: berikan isian yang diubah, misalnya --${flag} "..." (lihat wksbm ${buku} ubah --help).`,
  jumlahBaris: (n: number) => `${n} catatan.`,
  ditolakAturanBuku: (m: string) => `Isian ditolak oleh aturan buku (${m}). Tidak ada yang dicatat.`,
  nikSudahAda: (id: number) =>
    `NIK itu sudah terdaftar sebagai PPKS ID ${id}; ubah data yang ada dengan wksbm ppks ubah ${id}.`,
  nikTanpaTanggal: () => 'Peringatan: digit 7–12 NIK bukan tanggal lahir yang sah; periksa kembali NIK-nya.',
  nikBedaLahir: (dariNik: string, lahir: string) =>
    `Peringatan: menurut NIK tanggal lahirnya ${dariNik}, tetapi tercatat ${lahir}. Data tetap disimpan.`,
  nikBedaJk: (dariNik: string, jk: string) =>
    `Peringatan: menurut NIK jenis kelaminnya ${dariNik}, tetapi tercatat ${jk}. Data tetap disimpan.`,
  kategoriUmur: (kode: string, umur: number, min: number | null, maks: number | null) =>
    `Peringatan: kategori ${kode} biasanya untuk umur ` +
    `${min ?? 0}${maks === null ? ' tahun ke atas' : `–${maks} tahun`}, sedangkan umurnya ${umur} tahun.`,
  kategoriJk: (kode: string, jk: string) => `Peringatan: kategori ${kode} hanya untuk jenis kelamin ${jk}.`,
  anakPerluWali: (umur: number) =>
    `Penerima berumur ${umur} tahun (anak): dengan dasar pemrosesan persetujuan, persetujuan wali wajib dicatat ` +
    `(--wali "nama wali"). Tidak ada yang dicatat.`,
  anakTanpaWali: (umur: number) =>
    `Peringatan: penerima berumur ${umur} tahun (anak) dan persetujuan wali belum dicatat (--wali).`,
  dasarBelumDicatat: () =>
    'Peringatan: dasar pemrosesan data pribadi belum dicatat (--dasar persetujuan atau tugas_publik).',
  sudahDihapus: (id: number, alasan: string) => `Barang inventaris ID ${id} sudah dihapus dari daftar (${alasan}).`,
  // the right to erasure
  sudahDianonimkan: (buku: string, id: number, tanggal: string) =>
    `${buku} ID ${id} sudah dianonimkan pada ${tanggal}; tidak ada lagi data pribadi yang bisa dihapus.`,
  konfirmasiAnonim: (buku: string, id: number) =>
    `Anonimkan ${buku} ID ${id}? Data pribadinya dihapus untuk selamanya dan tidak bisa dikembalikan.`,
  judulAnonim: (buku: string) => `Anonimkan ${buku}:`,
  dianonimkan: (buku: string, id: number, nama: string, entri: number, jurnal: number) =>
    `${buku} ID ${id} dianonimkan: sekarang tercatat sebagai ${q(nama)}; data pribadinya dihapus dari buku, ` +
    `riwayat perubahan dan jurnal (${entri} uraian kas/natura dan ${jurnal} entri jurnal ditulis ulang). ` +
    'Bantuan, uang dan semua jumlah tetap tercatat.',
  pembersihanGagal: (buku: string, id: number) =>
    `${buku} ID ${id} sudah dianonimkan, tetapi berkas belum bisa dipadatkan (ruang disk penuh, atau berkas ` +
    'sedang dibuka program lain): sisa data lamanya bisa tertinggal di ruang kosong berkas sampai terpakai lagi.',
  cadanganMasihMemuat: (n: number) =>
    n === 0
      ? 'Belum ada cadangan (cadangkan) berkas ini yang memuat data lamanya.'
      : `Perhatian: ${n} cadangan lama (folder cadangan/) masih memuat data lamanya dan tidak diubah; ` +
        'hapus atau simpan cadangan itu sesuai aturan penyimpanan data pribadi.',
  barangDihapus: (nama: string, alasan: string) =>
    `${nama} dicatat dihapus (${alasan}); tetap tercatat di buku inventaris.`,
  anggotaAktif: (nama: string, aktif: boolean) =>
    aktif
      ? `${nama} tercatat sebagai anggota aktif.`
      : `${nama} tercatat sudah keluar; tetap ada di buku dan di daftar hadir lama.`,
  anggotaTidakAda: (v: string) =>
    `--hadir: ${q(v)} bukan anggota aktif (lihat wksbm anggota daftar; tambahkan dengan wksbm anggota tambah, atau ` +
    `catat sebagai --tamu). Tidak ada yang dicatat.`,
  anggotaGanda: (v: string, n: number) => `--hadir: ${q(v)} cocok dengan ${n} anggota; pakai ID-nya.`,
  tamuRapatTidakSah: (v: string) => `--tamu ${q(v)} tidak sah: tulis misalnya "Ibu Endang (Dinas Sosial), Pak Bayu".`,
  tanyaHadir: () => 'Anggota yang hadir (spasi untuk memilih)',
  tanyaTamuRapat: () => 'Tamu yang hadir, mis. Ibu Endang (Dinas Sosial) (kosongkan bila selesai)',
  rapatDicatat: (id: number, anggota: number, tamu: number) =>
    `Rapat tercatat dengan ID ${id}: ${anggota} anggota dan ${tamu} tamu hadir.`,
  ppksTidakAda: (v: string) => `PPKS ${q(v)} tidak ditemukan (pakai ID, NIK atau nama; lihat wksbm ppks daftar).`,
  ppksGanda: (v: string, n: number) => `PPKS ${q(v)} cocok dengan ${n} orang; pakai ID atau NIK.`,
  ppksTidakAktif: (nama: string, status: string) => `Peringatan: ${nama} berstatus ${status}.`,
  salurPerluJumlahAtauBarang: () =>
    'Berikan --jumlah (bantuan uang) atau --barang dengan --kuantitas (bantuan natura).',
  salurBentukGanda: () =>
    'Berikan --jumlah (uang) atau --barang (natura), tidak keduanya; catat dua penyaluran bila keduanya diberikan.',
  uraianPenyaluran: (layanan: string, nama: string) => `Penyaluran ${layanan} kepada ${nama}`,
  uraianSantunan: (almarhum: string, ahliWaris: string) => `Santunan kematian alm. ${almarhum} kepada ${ahliWaris}`,
  disalurkanUang: (nomor: string, jumlah: string, nama: string) =>
    `Tercatat ${nomor}: ${jumlah} disalurkan kepada ${nama}.`,
  disalurkanBarang: (kuantitas: string, barang: string, nama: string) =>
    `Tercatat: ${kuantitas} ${barang} disalurkan kepada ${nama}.`,
  santunanDibayar: (nomor: string, jumlah: string, ahliWaris: string, almarhum: string) =>
    `Tercatat ${nomor}: santunan ${jumlah} kepada ${ahliWaris} (alm. ${almarhum}).`,
  wafatSesudahBayar: (wafat: string, bayar: string) =>
    `Tanggal wafat ${wafat} sesudah tanggal pembayaran ${bayar}; periksa kembali tanggalnya.`,
  satuanBeda: (barang: string, ada: string, diminta: string) =>
    `${barang} dihitung dalam ${ada}, bukan ${q(diminta)}; pakai --satuan ${ada} atau nama barang lain.`,
  stokPer: (barang: string, tanggal: string, stok: string) => `stok ${barang} per ${tanggal}: ${stok}`,
  stokMinus: (barang: string, tanggal: string, sisa: string) =>
    `Stok ${barang} tidak boleh di bawah nol: stoknya akan menjadi ${sisa} pada ${tanggal}. Tidak ada yang dicatat.`,
  naturaTercatat: (arah: string, barang: string, kuantitas: string) => `Tercatat ${barang} ${arah} ${kuantitas}.`,
  naturaDijual: (kuantitas: string, barang: string, nomor: string, jumlah: string) =>
    `Tercatat penjualan ${kuantitas} ${barang} dengan ${nomor} sebesar ${jumlah}.`,
  uraianJualNatura: (kuantitas: string, barang: string) => `Penjualan ${barang} ${kuantitas}`,
  naturaTidakAda: (v: string) => `Catatan natura ID ${q(v)} tidak ada (lihat wksbm natura daftar).`,
  naturaPembatalan: (id: number) => `Catatan natura ID ${id} adalah pembatalan; pembatalan tidak bisa dibatalkan lagi.`,
  naturaSudahBatal: (id: number, oleh: number) => `Catatan natura ID ${id} sudah dibatalkan oleh ID ${oleh}.`,
  naturaPenyaluran: (id: number) =>
    `Catatan natura ID ${id} adalah penyaluran ke PPKS; penyaluran tidak dibatalkan lewat natura batal.`,
  uraianBatalNatura: (id: number, alasan: string) => `Pembatalan natura ID ${id}: ${alasan}`,
  naturaDibatalkan: (id: number, oleh: number, kas?: string) =>
    `Catatan natura ID ${id} dibatalkan dengan ID ${oleh}${kas ? `; bukti ${kas} ikut dibatalkan` : ''}.`,
  jualTanpaBkm: (id: number, nomor: string) =>
    `Penjualan natura ID ${id}: bukti ${nomor} sudah dibatalkan tetapi stoknya belum; batalkan juga dengan wksbm ` +
    `natura batal ${id}.`,
  stokMinusPeriksa: (barang: string, sisa: string, tanggal: string) =>
    `Stok natura ${barang} minus (${sisa}) pada ${tanggal}.`,
  /** `apa`: `akun tunai`, `dana zakat`, `stok beras` */
  saldoHarianBeda: (apa: string, tanggal: string, tercatat: string, seharusnya: string) =>
    `Total harian ${apa} pada ${tanggal} tercatat ${tercatat}, padahal entrinya berjumlah ${seharusnya}: ada entri ` +
    `yang ditambah, dihapus atau diubah di luar wksbm, atau totalnya diubah.`,
  saldoHarianBerjalan: (apa: string, tanggal: string, tercatat: string, seharusnya: string) =>
    `Saldo akhir hari ${apa} pada ${tanggal} tercatat ${tercatat}, padahal jumlah total hariannya ${seharusnya}: ` +
    `tabel saldo_harian diubah di luar wksbm.`,

  // reports and workbooks
  penandaTidakDikenal: (sel: string, penanda: string) => `${sel}: ${penanda} tidak dikenal`,
  penandaDuaDaftar: (sel: string, a: string, b: string) =>
    `${sel}: satu baris hanya boleh mengulang satu daftar ({{#${a}}} dan {{#${b}}})`,
  isianDiLuarDaftar: (sel: string, penanda: string) =>
    `${sel}: ${penanda} hanya boleh di baris yang berisi {{#daftar}}`,
  jumlahTanpaBaris: (sel: string, penanda: string) =>
    `${sel}: ${penanda} menjumlah daftar yang tidak punya baris ulang dengan isian itu di sheet ini`,
  templatTidakTerbaca: (path: string) => `Templat ${q(path)} tidak bisa dibaca sebagai berkas .xlsx.`,
  tahunTidakSah: (v: string) => `tahun ${q(v)} tidak sah: tulis empat angka, misalnya 2026.`,
  laporanDitulis: (path: string) => `Laporan ditulis ke ${path}.`,
  laporanBukuBerubah: () =>
    'Buku kas berubah selama laporan ditulis; tidak ada berkas yang ditulis. Jalankan sekali lagi.',
  bukuDicetak: (path: string, baris: number) => `Buku dicetak ke ${path} (${baris} baris).`,

  // receipts (wksbm kwitansi) and the residents' notice (cetak pengumuman)
  kwitansiDibatalkan: (nomor: string, oleh: string) =>
    `Bukti ${q(nomor)} sudah dibatalkan oleh ${oleh}: bukti yang dibatalkan tidak diberi kwitansi.`,
  kwitansiPembatalan: (nomor: string, asal: string) =>
    `Bukti ${q(nomor)} adalah pembatalan bukti ${asal}, bukan penerimaan atau pembayaran: tidak diberi kwitansi.`,
  kwitansiPemindahan: (nomor: string) =>
    `Bukti ${q(nomor)} adalah pemindahan antarakun: tidak ada uang yang diterima atau dibayarkan, jadi tidak ada ` +
    'kwitansi.',
  kwitansiTanpaPilihan: () => 'Sebutkan nomor bukti (misalnya 005/BKM/VII/2026) atau --triwulan (misalnya 2026-3).',
  kwitansiDuaPilihan: () => 'Pilih salah satu: nomor bukti atau --triwulan, tidak keduanya.',
  kwitansiTriwulanKosong: (triwulan: string) =>
    `Tidak ada bukti penerimaan atau pengeluaran yang berlaku di triwulan ${triwulan}: tidak ada kwitansi ditulis.`,
  kwitansiDitulis: (path: string, n: number) => `${n} kwitansi ditulis ke ${path}.`,
  pengumumanTanpaTriwulan: () => 'Pengumuman perlu --triwulan, misalnya --triwulan 2026-3.',
  pengumumanDitulis: (path: string) => `Pengumuman ditulis ke ${path} (satu halaman A4).`,
  bukuTidakDikenal: (v: string, pilihan: string[]) => `buku ${q(v)} tidak dikenal. Pilihan: ${pilihan.join(', ')}.`,
  rekapDitulis: (path: string, unit: number, masalah: number) =>
    `Rekap ${unit} unit ditulis ke ${path}${masalah ? `; ${masalah} berkas bermasalah (lihat sheet Bermasalah)` : ''}.`,
  rekapBermasalah: (berkas: string, alasan: string) => `Perhatian: ${berkas}: ${alasan}`,
  rekapTidakTerbaca: () => 'tidak bisa dibaca sebagai laporan triwulan wksbm',
  rekapTerlaluBesar: (mib: number) =>
    `berisi bagian yang terlalu besar untuk laporan triwulan (lebih dari ${mib} MB setelah dibuka): tidak dibaca`,
  rekapTanpaData: () => 'tidak berisi sheet _data dari wksbm',
  rekapHashBeda: () => 'data di sheet _data diubah setelah diekspor (hash tidak cocok)',
  rekapSelBeda: (sel: string, sekarang: string, asli: string) =>
    `diubah setelah diekspor di ${sel}: ${sekarang} di berkas, ${asli} menurut data`,
  rekapTanpaSegel: () => 'tidak memuat kode segel (dibuat oleh wksbm versi lama); minta unit mengekspor ulang',
  rekapKodeBeda: (kode: string) =>
    `angka di sheet _data tidak cocok dengan kode segel ${kode}: data diubah setelah diekspor`,
  rekapGanda: (berkasLain: string) =>
    `laporan unit dan triwulan yang sama sudah direkap dari ${berkasLain}; tidak dihitung dua kali`,
  rekapVersi: (v: unknown) => `versi format ${q(v)} tidak dikenal`,
  daftarUnitTanpaKolom: (berkas: string) =>
    `Daftar unit ${berkas} tidak punya kolom nama unit, kalurahan dan kapanewon ` +
    '(judul kolom seperti "Nama WKSBM", "Kalurahan"/"Desa", "Kapanewon"/"Kecamatan").',
  daftarUnitGanda: (nama: string, pertama: number, kedua: number) =>
    `Daftar unit memuat ${q(nama)} dua kali (baris ${pertama} dan ${kedua}); satu unit satu baris.`,
  daftarUnitIsianKosong: (baris: number, kolom: string) => `Daftar unit baris ${baris}: ${kolom} kosong.`,
  rekapLuarDaftar: (n: number) => `${n} berkas dari unit yang tidak ada di daftar:`,
  rekapPerKapanewon: () => 'Jumlah per kapanewon:',
  rekapPerKalurahan: () => 'Jumlah per kalurahan:',
  rekapRingkasMeja: (daftar: number, terkirim: number, belum: number, masalah: number) =>
    `${terkirim} dari ${daftar} laporan unit terkirim; ${belum} belum mengirim; ${masalah} ganda atau bermasalah.`,
  rekapCsvDitulis: (path: string, baris: number) => `${baris} baris unit dan triwulan ditulis ke ${path}.`,
  rekapTanpaBerkas: () => 'berikan paling sedikit satu berkas laporan .xlsx',
  rekapSemuaGagal: () => 'Tidak ada satu pun berkas yang bisa direkap.',

  // money read back or summed
  rupiahMelampauiBatas: (v: string) =>
    `Jumlah ${v} melampaui batas rupiah yang dapat dihitung tepat (Rp 999.999.999.999.999).`,
  rupiahTersimpanTidakSah: (tempat: string, v: string) =>
    `${tempat} di berkas buku bernilai ${q(v)}, bukan rupiah bulat: berkas buku diubah di luar wksbm.`,
  rupiahBerkasTidakSah: (isian: string, v: string) =>
    `isian ${isian} di sheet _data bernilai ${q(v)}, bukan rupiah bulat`,

  // backups
  simpanTidakSah: (v: string) => `simpan ${q(v)} tidak sah: tulis bilangan bulat 1 atau lebih.`,
  cadanganDitulis: (berkas: string, dihapus: number) =>
    `Cadangan ditulis ke ${berkas}${dihapus ? `; ${dihapus} cadangan lama dihapus` : ''}.`,
  cadanganDitolakRusak: (path: string) =>
    `Berkas buku ${q(path)} rusak, jadi tidak dicadangkan dan cadangan lama tidak dihapus; ` +
    `lihat kerusakannya dengan "wksbm periksa" dan kembalikan cadangan dengan "wksbm pulihkan".`,
  cadanganDiskPenuh: (berkas: string) =>
    `Cadangan ${q(berkas)} tidak bisa ditulis: ruang disk habis. Salinan yang terpotong sudah dihapus; buku dan ` +
    'cadangan yang lama tidak berubah. Kosongkan sebagian disk atau pilih folder lain dengan --ke, lalu ulangi.',
  cadanganTidakUtuh: (berkas: string) =>
    `Salinan ${q(berkas)} tidak lolos pemeriksaan (tidak utuh atau isinya berbeda), ` +
    'jadi dihapus; cadangan lama tidak disentuh.',
  cadanganTidakAda: (folder: string) => `Belum ada cadangan di ${q(folder)}; buat dengan "wksbm cadangkan".`,
  salinanBukanBerkas: (berkas: string) =>
    `${q(berkas)} bukan berkas biasa (pipa atau perangkat): simpan cadangannya dulu ke sebuah berkas, lalu pulihkan ` +
    'dari berkas itu. Berkas buku sekarang tidak diubah.',
  salinanTidakSah: (berkas: string) =>
    `Berkas ${q(berkas)} tidak bisa dipulihkan: rusak atau bukan buku WKSBM. Berkas buku sekarang tidak diubah.`,
  pulihkanPerluYes: () =>
    'Memulihkan menimpa berkas buku: jalankan di terminal untuk konfirmasi, atau tambahkan --yes.',
  konfirmasiPulihkan: (berkas: string, dari: string) => `Ganti isi ${berkas} dengan cadangan ${dari}?`,
  dipulihkan: (berkas: string, dari: string, lama: string | null) =>
    `Berkas buku ${berkas} dipulihkan dari ${dari}${lama ? `; isi sebelumnya disimpan sebagai ${lama}` : ''}.`,

  // opening balance (saldo awal)
  saldoAwalSudahAda: (nomor: string, tanggal: string) =>
    `Saldo awal sudah dicatat (${nomor}, ${tanggal}) dan hanya dicatat sekali; kalau keliru, batalkan dulu dengan ` +
    `"wksbm kas batal ${nomor}", lalu catat lagi.`,
  saldoAwalKosong: () => 'saldo awal kosong: isi saldo sedikitnya satu akun, misalnya --akun tunai=1.500.000.',
  saldoAwalPasangan: (isian: string, v: string, contoh: string) =>
    `${isian} ${q(v)} tidak sah: tulis kode=jumlah, misalnya --${isian} ${contoh}.`,
  saldoAwalGanda: (isian: string, kode: string) => `${isian} ${q(kode)} disebut dua kali; sebut sekali saja.`,
  saldoAwalDanaUmum: () =>
    'dana "umum" tidak diisi: dana umum menampung sisanya (jumlah saldo akun dikurangi dana terikat).',
  saldoAwalDanaMinus: (dana: string, akun: string, kurang: string) =>
    `Saldo dana terikat (${dana}) melebihi saldo semua akun (${akun}): dana umum akan minus ${kurang}. ` +
    'Periksa lagi saldo akun dan dana.',
  saldoAwalSetelahEntri: (kode: string, nomor: string, tanggal: string) =>
    `Saldo awal harus bertanggal paling lambat ${tanggal}: ${kode} sudah punya entri ${nomor} tanggal itu, dan ` +
    'saldo awal adalah saldo sebelum entri pertama, jadi tidak bisa dicatat sesudahnya.',
  saldoAwalSetelahNatura: (barang: string, tanggal: string) =>
    `Saldo awal harus bertanggal paling lambat ${tanggal}: stok ${barang} sudah punya entri tanggal itu, dan ` +
    'saldo awal adalah saldo sebelum entri pertama, jadi tidak bisa dicatat sesudahnya.',
  saldoAwalUraian: () => 'Saldo awal',
  saldoAwalTermasuk: (tanggal: string, jumlah: string) => `Termasuk saldo awal per ${tanggal}: ${jumlah}.`,
  saldoAwalSisaUmum: (sisa: string) => `belum terbagi: ${sisa}`,
  saldoAwalNaturaLewatKas: (id: number, nomor: string) =>
    `Entri natura ${id} adalah bagian dari saldo awal; batalkan seluruh saldo awal dengan "wksbm kas batal ${nomor}".`,
  saldoAwalTercatat: (tanggal: string, jumlah: string, bukti: string) =>
    `Saldo awal per ${tanggal} tercatat: ${jumlah} (${bukti}).`,
  saldoAwalDibatalkan: (nomor: string[], pembatal: string[]) =>
    `Saldo awal dibatalkan: ${nomor.join(', ')} dibalik oleh ${pembatal.join(', ')}; saldo awal bisa dicatat lagi.`,

  // CSV output
  pemisahTidakSah: (v: string) => `pemisah ${q(v)} tidak dikenal: tulis ; atau , atau tab.`,

  // files and folders the system refused
  berkasTakAdaFolder: (berkas: string, folder: string) =>
    `Berkas ${q(berkas)} tidak bisa dibuka atau ditulis: folder ${q(folder)} atau berkasnya tidak ada.`,
  berkasAdalahFolder: (berkas: string) => `${q(berkas)} adalah folder, bukan berkas: tulis nama berkasnya.`,
  berkasBukanTujuan: (berkas: string) =>
    `${q(berkas)} tidak bisa dibuka untuk ditulis (soket atau perangkat yang tidak menerima berkas): ` +
    'tulis ke sebuah berkas, atau salurkan lewat pipa (|).',
  berkasTanpaIzin: (berkas: string, folder: string) =>
    `Berkas ${q(berkas)} tidak bisa ditulis: tidak ada izin menulis di folder ${q(folder)} ` +
    '(atau folder itu hanya-baca).',
  keluaranBuku: (berkas: string) =>
    `${q(berkas)} adalah buku (berkas SQLite): tidak ditimpa. Tulis nama lain untuk berkas keluarannya.`,
  keluaranPendampingBuku: (berkas: string, buku: string) =>
    `${q(berkas)} adalah berkas pendamping buku ${q(buku)}: tidak ditimpa. ` +
    'Tulis nama lain untuk berkas keluarannya.',
  keluaranMasukan: (berkas: string) =>
    `${q(berkas)} adalah berkas yang sudah dipakai perintah ini: tidak ditimpa. ` +
    'Tulis nama lain untuk berkas keluarannya.',
  diskPenuh: (berkas: string) =>
    `Berkas ${q(berkas)} tidak bisa ditulis: ruang disk habis. Kosongkan sebagian disk lalu ulangi.`,

  // internal failures
  galatTakTerduga: (m: string) => `Terjadi kesalahan: ${m} (jalankan dengan WKSBM_DEBUG=1 untuk rinciannya).`,
};
