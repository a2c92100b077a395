// Texts of the monitoring forms read by schema (issue 19 point 2): one sentence per field of the
// rule form. Indonesian is the source; English keeps the same keys.
export const messages = {
  id: {
    'mon.rule.error.minItems': 'Isi angka bulat dari 0 sampai 100.',
    'mon.rule.error.minSocialAccounts': 'Isi angka bulat dari 0 sampai 10.',
    'mon.rule.error.profileCompletenessMin': 'Isi angka bulat dari 0 sampai 100 (persen).',
  },
  en: {
    'mon.rule.error.minItems': 'Enter a whole number from 0 to 100.',
    'mon.rule.error.minSocialAccounts': 'Enter a whole number from 0 to 10.',
    'mon.rule.error.profileCompletenessMin': 'Enter a whole number from 0 to 100 (per cent).',
  },
};
