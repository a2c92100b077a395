// Names of months and days in dates shown to people (src/i18n/wib-dates.ts), space-separated in
// calendar order (weekdays from Sunday). They are what Intl's id-ID formatters write; the test
// tests/i18n/wib-dates.test.ts compares the two.
export const messages = {
  id: {
    'date.months': 'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember',
    'date.monthsShort': 'Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des',
    'date.weekdays': 'Minggu Senin Selasa Rabu Kamis Jumat Sabtu',
    'date.weekdaysShort': 'Min Sen Sel Rab Kam Jum Sab',
    'date.dateTime': '{date} pukul {time}',
  },
  en: {
    'date.months': 'January February March April May June July August September October November December',
    'date.monthsShort': 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
    'date.weekdays': 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday',
    'date.weekdaysShort': 'Sun Mon Tue Wed Thu Fri Sat',
    'date.dateTime': '{date} at {time}',
  },
};
