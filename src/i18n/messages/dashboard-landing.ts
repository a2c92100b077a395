// Texts of the dashboard's first screen and its phone layout (issue 14, point 6): who is failing
// or hijacked and since when, the unit list link, charts on a phone, the operator's re-check.
export const messages = {
  id: {
    'dashland.scope_region': 'Kecamatan {kecamatan}, {region}',
    'dashland.attention.title': 'Perlu perhatian',
    'dashland.attention.none': 'Tidak ada {kel} atau OPD yang dibobol atau tidak memenuhi aturan periode ini.',
    'dashland.attention.hijacked': 'Terindikasi dibobol',
    'dashland.attention.fail_one': 'Tidak memenuhi periode ini',
    'dashland.attention.fail_run': 'Tidak memenuhi {n} periode beruntun',
    'dashland.attention.more': 'Lihat semua {n} unit yang belum memenuhi',
    'dashland.attention.unknown': '{n} unit lagi belum pasti (bukti belum cukup).',
    'dashland.chart.phone_note': 'Grafik ini terbaca di layar lebar. Di ponsel, angkanya ada di tabel.',
    'dashland.map.phone_note': 'Peta terbaca di layar lebar. Di ponsel, lihat status setiap {kel} di halaman Status.',
    'dashland.map.to_status': 'Buka halaman Status',
    'dashland.kec_trend.table': 'Tabel per kecamatan',
    'dashland.kec_trend.last': 'Periode terakhir',
  },
  en: {
    'dashland.scope_region': 'Kecamatan {kecamatan}, {region}',
    'dashland.attention.title': 'Needs attention',
    'dashland.attention.none': 'No {kel} or agency was taken over or missed the rule this period.',
    'dashland.attention.hijacked': 'Looks taken over',
    'dashland.attention.fail_one': 'Missed the rule this period',
    'dashland.attention.fail_run': 'Missed the rule {n} periods in a row',
    'dashland.attention.more': 'See all {n} units not meeting the rule',
    'dashland.attention.unknown': '{n} more units are uncertain (not enough evidence).',
    'dashland.chart.phone_note': 'This chart reads on a wide screen. On a phone, its figures are in the table.',
    'dashland.map.phone_note': 'The map reads on a wide screen. On a phone, see each {kel}’s status on the Status page.',
    'dashland.map.to_status': 'Open the Status page',
    'dashland.kec_trend.table': 'Table per kecamatan',
    'dashland.kec_trend.last': 'Last period',
  },
};
