// Texts of "Wilayah kerja", where a province or national admin picks the regency they work in
// (scope.*, decision 0017). Indonesian is the source; English mirrors the keys.
export const messages = {
  id: {
    'scope.title': 'Wilayah kerja',
    'scope.nav': 'Wilayah kerja',
    'scope.current': 'Yang sedang dibuka: {name} ({code}).',
    'scope.intro': 'Dasbor, rapor, daftar unit, pengguna, pengingat dan aturan pemantauan menampilkan satu kabupaten/kota. Pilih yang ingin dibuka.',
    'scope.none': 'Belum ada kabupaten/kota yang diimpor di wilayah Anda.',
    'scope.province': 'Provinsi {name} · {n} kabupaten/kota',
    'scope.figures': '{kec} kecamatan · {villages} kelurahan/desa · {opd} OPD · {staff} akun staf',
    'scope.period': 'Hasil penilaian periode {period} (periode terakhir yang sudah selesai).',
    'scope.verdicts': '{pass} memenuhi · {fail} belum memenuhi',
    'scope.open': 'Buka',
    'scope.reopen': 'Sedang dibuka',
    'scope.setup_province': 'Beranda ini memuat beberapa kabupaten/kota Provinsi {name}: admin pertama mengelola semuanya (cakupan {code}) dan membuat admin kabupaten/kota lewat menu Pengguna.',
    'scope.setup_national': 'Beranda ini memuat kabupaten/kota dari beberapa provinsi: admin pertama mengelola seluruh Indonesia (cakupan ID) dan membuat admin provinsi atau kabupaten/kota lewat menu Pengguna.',
  },
  en: {
    'scope.title': 'Working area',
    'scope.nav': 'Working area',
    'scope.current': 'Now open: {name} ({code}).',
    'scope.intro': 'The dashboard, reports, unit list, users, reminders and monitoring rule show one regency or city. Pick the one to open.',
    'scope.none': 'No regency or city of your area has been imported yet.',
    'scope.province': 'Province {name} · {n} regencies/cities',
    'scope.figures': '{kec} districts · {villages} villages · {opd} agencies · {staff} staff accounts',
    'scope.period': 'Assessment of period {period} (the last finished period).',
    'scope.verdicts': '{pass} meet the rule · {fail} do not yet',
    'scope.open': 'Open',
    'scope.reopen': 'Open now',
    'scope.setup_province': 'This install holds several regencies/cities of the province of {name}: the first admin manages them all (scope {code}) and creates the regency/city admins under Users.',
    'scope.setup_national': 'This install holds regencies/cities of several provinces: the first admin manages the whole country (scope ID) and creates province or regency/city admins under Users.',
  },
};
