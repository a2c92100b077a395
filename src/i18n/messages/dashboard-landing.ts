// Texts of the dashboard's first screen and its phone layout (issue 14, point 6): who is failing
// or hijacked and since when, the unit list link, charts on a phone, the operator's re-check.
export const messages = {
  id: {
    'dashland.chart.phone_note': 'Grafik ini terbaca di layar lebar. Di ponsel, angkanya ada di tabel.',
    'dashland.map.phone_note': 'Peta terbaca di layar lebar. Di ponsel, lihat status setiap {kel} di halaman Status.',
    'dashland.map.to_status': 'Buka halaman Status',
    'dashland.kec_trend.table': 'Tabel per kecamatan',
    'dashland.kec_trend.last': 'Periode terakhir',
  },
  en: {
    'dashland.chart.phone_note': 'This chart reads on a wide screen. On a phone, its figures are in the table.',
    'dashland.map.phone_note': 'The map reads on a wide screen. On a phone, see each {kel}’s status on the Status page.',
    'dashland.map.to_status': 'Open the Status page',
    'dashland.kec_trend.table': 'Table per kecamatan',
    'dashland.kec_trend.last': 'Last period',
  },
};
