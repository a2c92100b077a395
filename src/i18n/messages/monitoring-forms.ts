// Texts of the monitoring forms read by schema (issue 19 point 2): one sentence per field of the
// rule form and of a unit's link or contest. Indonesian is the source; English keeps the same keys.
export const messages = {
  id: {
    'mon.rule.error.minItems': 'Isi angka bulat dari 0 sampai 100.',
    'mon.rule.error.minSocialAccounts': 'Isi angka bulat dari 0 sampai 10.',
    'mon.rule.error.profileCompletenessMin': 'Isi angka bulat dari 0 sampai 100 (persen).',
    'mon.link.error.postUrl': 'Tulis alamat lengkap postingan, diawali https://.',
    'mon.link.error.message': 'Tulis keterangannya, minimal 3 huruf (paling banyak 2.000).',
  },
  en: {
    'mon.rule.error.minItems': 'Enter a whole number from 0 to 100.',
    'mon.rule.error.minSocialAccounts': 'Enter a whole number from 0 to 10.',
    'mon.rule.error.profileCompletenessMin': 'Enter a whole number from 0 to 100 (per cent).',
    'mon.link.error.postUrl': 'Write the full address of the post, starting with https://.',
    'mon.link.error.message': 'Write a note of at least 3 letters (at most 2,000).',
  },
};
