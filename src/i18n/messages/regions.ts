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
    'scope.open': 'Buka',
    'scope.reopen': 'Sedang dibuka',
  },
  en: {
    'scope.title': 'Working area',
    'scope.nav': 'Working area',
    'scope.current': 'Now open: {name} ({code}).',
    'scope.intro': 'The dashboard, reports, unit list, users, reminders and monitoring rule show one regency or city. Pick the one to open.',
    'scope.none': 'No regency or city of your area has been imported yet.',
    'scope.province': 'Province {name} · {n} regencies/cities',
    'scope.figures': '{kec} districts · {villages} villages · {opd} agencies · {staff} staff accounts',
    'scope.open': 'Open',
    'scope.reopen': 'Open now',
  },
};
