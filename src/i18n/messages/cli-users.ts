// What `npm run beranda -- users create-admin` says on the terminal (issue 19 point 2: the CLI,
// like the web, says the accounts module's codes from a catalogue). Indonesian is the source.
export const messages = {
  id: {
    'cli.users.usage': 'Pemakaian: npm run beranda -- users create-admin --username <nama.pengguna> --name "<Nama Lengkap>" [--email <alamat>] [--generate] [--scope 19|ID]',
    'cli.users.unknown_scope': 'Cakupan "{scope}" tidak dikenal: tulis kode kabupaten/kota (19.71), kode provinsi (19) atau ID untuk seluruh Indonesia.',
    'cli.users.ask_password': 'Kata sandi admin (tidak tampil saat diketik): ',
    'cli.users.ask_again': 'Ulangi kata sandi: ',
    'cli.users.mismatch': 'Kedua kata sandi tidak sama. Tidak ada yang dibuat; jalankan lagi.',
    'cli.users.username_taken': 'Nama pengguna "{username}" sudah dipakai. Pilih yang lain.',
    'cli.users.not_created': 'Tidak dibuat: {problems}',
    'cli.users.created': 'Admin kota "{username}" dibuat. Masuk di {url}',
    'cli.users.one_time_password': 'Kata sandi sekali pakai (hanya ditampilkan sekarang; wajib diganti saat pertama masuk): {password}',
  },
  en: {
    'cli.users.usage': 'Usage: npm run beranda -- users create-admin --username <user.name> --name "<Full Name>" [--email <address>] [--generate] [--scope 19|ID]',
    'cli.users.unknown_scope': 'Scope "{scope}" is not known: write a regency/city code (19.71), a province code (19) or ID for all of Indonesia.',
    'cli.users.ask_password': 'Admin password (not shown while typing): ',
    'cli.users.ask_again': 'Repeat the password: ',
    'cli.users.mismatch': 'The two passwords differ. Nothing was created; run it again.',
    'cli.users.username_taken': 'Username "{username}" is already taken. Choose another.',
    'cli.users.not_created': 'Not created: {problems}',
    'cli.users.created': 'Admin kota "{username}" created. Sign in at {url}',
    'cli.users.one_time_password': 'One-time password (shown only now; must be changed at the first sign-in): {password}',
  },
};
