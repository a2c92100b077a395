// Texts of the hardening work (issue 16): the publishing policy's refusals, request limits,
// login delays, malformed input. Indonesian is the source; English keeps the same keys.
export const messages = {
  id: {
    'publish.refused.status': 'Anda belum dapat menerbitkan atau menjadwalkan tulisan ini: persetujuan lurah aktif untuk kelurahan ini, atau peran Anda hanya menyiapkan draf. Simpan sebagai draf, lalu kirim ke lurah lewat “Tulis kabar”.',
    'publish.refused.document': 'Dokumen disimpan sebagai draf: hanya lurah (atau admin kota) yang dapat menerbitkannya saat persetujuan aktif.',
    'publish.refused.title': 'Perlu persetujuan',
    'publish.refused.body': 'Peran Anda tidak dapat menerbitkan untuk unit ini. Simpan sebagai draf dan minta lurah menerbitkannya.',
    'publish.document.publish': 'Terbitkan',
    'composer.error.scheduled_locked': 'Kabar ini sudah dijadwalkan terbit. Perubahannya perlu lurah: minta lurah mengubahnya atau membatalkan jadwalnya dulu.',
  },
  en: {
    'publish.refused.status': 'You cannot publish or schedule this yet: the lurah’s approval is on for this kelurahan, or your role only prepares drafts. Save it as a draft, then send it to the lurah through “Tulis kabar”.',
    'publish.refused.document': 'The document was saved as a draft: only the lurah (or city admin) can publish it while approval is on.',
    'publish.refused.title': 'Approval needed',
    'publish.refused.body': 'Your role cannot publish for this unit. Save it as a draft and ask the lurah to publish it.',
    'publish.document.publish': 'Publish',
    'composer.error.scheduled_locked': 'This post is scheduled to go out. Changing it needs the lurah: ask the lurah to change it or to cancel the schedule first.',
  },
};
