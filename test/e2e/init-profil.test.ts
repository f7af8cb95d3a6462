import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFIL_DEMO, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

describe('init', () => {
  it('creates an owner-only ledger with the profile, officers and reference lists', async () => {
    const db = await unitBaru();
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const p = (await wksbm(db, ['profil', '--json'])).json();
    expect(p).toMatchObject({
      nama: 'Ngudi Mulyo',
      padukuhan: 'Jetis',
      kabupaten: 'Bantul',
      provinsi: 'DI Yogyakarta',
      ketua: 'Sukardi',
      lurah: 'Suharjo',
      sebutan_kalurahan: 'Kalurahan',
      cap: null,
    });
    const s = sqlite(db);
    expect(s.prepare('SELECT count(*) n FROM kategori_ppks').get()).toEqual({ n: 26 });
    expect(s.prepare('SELECT count(*) n FROM kategori_psks').get()).toEqual({ n: 12 });
    expect(s.prepare('SELECT kode FROM dana ORDER BY kode').all()).toEqual([
      { kode: 'kematian' },
      { kode: 'umum' },
      { kode: 'zakat' },
    ]);
    expect(s.prepare('SELECT kode FROM akun').all()).toEqual([{ kode: 'tunai' }]);
    expect(s.prepare('SELECT nama, jabatan FROM anggota ORDER BY id').all()).toEqual([
      { nama: 'Sukardi', jabatan: 'ketua' },
      { nama: 'Wartini', jabatan: 'sekretaris' },
      { nama: 'Siti Aminah', jabatan: 'bendahara' },
    ]);
    expect(s.pragma('journal_mode', { simple: true })).toBe('wal');
    s.close();
  });

  it('refuses to overwrite an existing unit', async () => {
    const db = await unitBaru();
    const before = fs.readFileSync(db);
    const r = await wksbm(db, ['init', ...PROFIL_DEMO]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sudah berisi unit WKSBM/);
    expect((await wksbm(db, ['profil', '--json'])).json().nama).toBe('Ngudi Mulyo');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('without a terminal, a missing field names its flag and no file is created', async () => {
    const db = path.join(tmpDir(), 'baru.sqlite');
    const r = await wksbm(db, ['init', '--nama', 'X', '--padukuhan', 'Jetis']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'kalurahan wajib diisi: berikan --kalurahan (tidak bisa bertanya karena masukan bukan terminal atau --no-input).',
    );
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a folder or a device given as the book: said so, exit 2, for any command and for init', async () => {
    const dir = tmpDir();
    const pesan = (r: Awaited<ReturnType<typeof wksbm>>, json: boolean) =>
      json ? r.json().galat.pesan : r.stderr.trim();
    for (const args of [
      ['kas', 'saldo'],
      ['--json', 'init', ...PROFIL_DEMO],
    ]) {
      const json = args[0] === '--json';
      const folder = await wksbm(dir, args);
      expect(folder.code).toBe(2);
      expect(pesan(folder, json)).toBe(
        `"${dir}" adalah folder, bukan berkas buku: tulis nama berkasnya dengan --db atau WKSBM_DB ` +
          `(misalnya "${dir}/wksbm.sqlite").`,
      );
      // /dev/null reads as an empty file: it was "kosong, buat dengan init", and then init blamed a failing disk
      const perangkat = await wksbm('/dev/null', args);
      expect(perangkat.code).toBe(2);
      expect(pesan(perangkat, json)).toBe(
        '"/dev/null" bukan berkas biasa (perangkat atau pipa): buku WKSBM harus berupa berkas. ' +
          'Tulis nama berkasnya dengan --db atau WKSBM_DB.',
      );
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a command on a missing file says how to create it', async () => {
    const r = await wksbm(path.join(tmpDir(), 'tidak-ada.sqlite'), ['kas', 'saldo']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/belum ada. Buat dulu dengan "wksbm init"/);
  });

  it('finds the ledger through WKSBM_DB', async () => {
    const db = await unitBaru();
    const r = await wksbm(null, ['profil', '--json'], { env: { WKSBM_DB: db } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().nama).toBe('Ngudi Mulyo');
  });
});

describe('profil', () => {
  it('edits fields with an audit trail, including level names for Jawa Tengah', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, [
      'profil',
      'ubah',
      '--lurah',
      'Kades Parno',
      '--sebutan-kalurahan',
      'Desa',
      '--sebutan-lurah',
      'Kepala Desa',
      '--tanggal-sk',
      '15/03/2024',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const p = (await wksbm(db, ['profil', '--json'])).json();
    expect(p).toMatchObject({
      lurah: 'Kades Parno',
      sebutan_kalurahan: 'Desa',
      sebutan_lurah: 'Kepala Desa',
      sk_tanggal: '2024-03-15',
    });
    const s = sqlite(db);
    const audit = s.prepare("SELECT kolom, lama, baru FROM perubahan WHERE tabel = 'profil' ORDER BY kolom").all();
    s.close();
    expect(audit).toEqual([
      { kolom: 'lurah', lama: 'Suharjo', baru: 'Kades Parno' },
      { kolom: 'sebutan_kalurahan', lama: 'Kalurahan', baru: 'Desa' },
      { kolom: 'sebutan_lurah', lama: 'Lurah', baru: 'Kepala Desa' },
      { kolom: 'sk_tanggal', lama: null, baru: '2024-03-15' },
    ]);
    expect((await wksbm(db, ['profil'])).stdout).toContain('Kades Parno');
  });

  it('init and profil ubah take the secretariat address and phone; a bad phone is refused', async () => {
    const db = await unitBaru();
    const ubah = ['profil', 'ubah', '--alamat', 'Balai Padukuhan Jetis', '--telepon', '(0274) 367123'];
    expect((await wksbm(db, ubah)).code).toBe(0);
    expect((await wksbm(db, ['profil', '--json'])).json()).toMatchObject({
      alamat: 'Balai Padukuhan Jetis',
      telepon: '0274367123',
    });
    const r = await wksbm(db, ['profil', 'ubah', '--telepon', 'kantor']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kantor');
    expect((await wksbm(db, ['profil', '--json'])).json().telepon).toBe('0274367123');
    const baru = path.join(tmpDir(), 'baru.sqlite');
    const init = await wksbm(baru, ['init', ...PROFIL_DEMO, '--alamat', 'Rumah Pak RT', '--telepon', '081227001122']);
    expect(init.code, init.stderr).toBe(0);
    expect((await wksbm(baru, ['profil', '--json'])).json()).toMatchObject({
      alamat: 'Rumah Pak RT',
      telepon: '081227001122',
    });
  });

  it('refuses a bad date and an emptied required field, changing nothing', async () => {
    const db = await unitBaru();
    expect((await wksbm(db, ['profil', 'ubah', '--tanggal-sk', '31/02/2024'])).code).toBe(2);
    const r = await wksbm(db, ['profil', 'ubah', '--nama', '']);
    expect(r.code).toBe(2);
    expect((await wksbm(db, ['profil', '--json'])).json().nama).toBe('Ngudi Mulyo');
  });

  it('stores the stamp image in the file and refuses a non-image', async () => {
    const db = await unitBaru();
    const dir = path.dirname(db);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c636000000200' +
        '0154a24f5d0000000049454e44ae426082',
      'hex',
    );
    fs.writeFileSync(path.join(dir, 'cap.png'), png);
    fs.writeFileSync(path.join(dir, 'cap.txt'), 'bukan gambar');
    const bad = await wksbm(db, ['profil', 'cap', path.join(dir, 'cap.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bukan gambar PNG atau JPEG/);
    expect((await wksbm(db, ['profil', 'cap', path.join(dir, 'cap.png')])).code).toBe(0);
    const s = sqlite(db);
    const row = s.prepare('SELECT cap, cap_mime FROM profil').get() as { cap: Buffer; cap_mime: string };
    s.close();
    expect(row.cap_mime).toBe('image/png');
    expect(Buffer.compare(row.cap, png)).toBe(0);
    expect((await wksbm(db, ['profil', '--json'])).json().cap).toEqual({ mime: 'image/png', byte: png.length });
    // a photo of many MB would go into every report and receipt: refused, the stamp kept
    const besar = path.join(dir, 'foto.png');
    fs.writeFileSync(besar, Buffer.concat([png, Buffer.alloc(2 * 2 ** 20)]));
    const r = await wksbm(db, ['profil', 'cap', besar]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `Berkas cap "${besar}" lebih besar dari 2 MB: gambar itu ikut di setiap laporan dan kwitansi. ` +
        'Perkecil gambarnya (cap yang dipindai cukup beberapa ratus KB) lalu ulangi.',
    );
    expect((await wksbm(db, ['profil', '--json'])).json().cap).toEqual({ mime: 'image/png', byte: png.length });
    // from a pipe the size is known only once read: held to the same bound
    const pipa = path.join(dir, 'pipa');
    execFileSync('mkfifo', [pipa]);
    const penulis = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', besar, pipa]);
    const selesai = new Promise((res) => penulis.on('close', res));
    const lewatPipa = await wksbm(db, ['profil', 'cap', pipa]);
    await selesai;
    expect(lewatPipa.code).toBe(2);
    expect(lewatPipa.stderr).toContain('lebih besar dari 2 MB');
  });
});
