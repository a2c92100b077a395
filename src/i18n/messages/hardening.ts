// Texts of the hardening work (issue 16): the publishing policy's refusals, request limits,
// login delays, malformed input. Indonesian is the source; English keeps the same keys.
export const messages = {
  id: {
    'publish.refused.status': 'Anda belum dapat menerbitkan atau menjadwalkan tulisan ini: persetujuan lurah aktif untuk kelurahan ini, atau peran Anda hanya menyiapkan draf. Simpan sebagai draf, lalu kirim ke lurah lewat “Tulis kabar”.',
    'publish.refused.document': 'Dokumen disimpan sebagai draf: hanya lurah (atau admin kota) yang dapat menerbitkannya saat persetujuan aktif.',
    'publish.refused.title': 'Perlu persetujuan',
    'publish.refused.body': 'Peran Anda tidak dapat menerbitkan untuk unit ini. Simpan sebagai draf dan minta lurah menerbitkannya.',
    'publish.document.publish': 'Terbitkan',
    'request.too_large.title': 'Kiriman terlalu besar',
    'request.too_large.body': 'Yang Anda kirim lebih besar dari batas untuk halaman ini ({limit}). Kurangi isinya atau kirim foto satu per satu, lalu coba lagi.',
    'request.malformed.title': 'Kiriman tidak dapat dibaca',
    'request.malformed.body': 'Formulir yang dikirim rusak atau terpotong (misalnya sambungan terputus). Muat ulang halaman, lalu kirim sekali lagi.',
    'composer.error.scheduled_locked': 'Kabar ini sudah dijadwalkan terbit. Perubahannya perlu lurah: minta lurah mengubahnya atau membatalkan jadwalnya dulu.',
  },
  en: {
    'publish.refused.status': 'You cannot publish or schedule this yet: the lurah’s approval is on for this kelurahan, or your role only prepares drafts. Save it as a draft, then send it to the lurah through “Tulis kabar”.',
    'publish.refused.document': 'The document was saved as a draft: only the lurah (or city admin) can publish it while approval is on.',
    'publish.refused.title': 'Approval needed',
    'publish.refused.body': 'Your role cannot publish for this unit. Save it as a draft and ask the lurah to publish it.',
    'publish.document.publish': 'Publish',
    'request.too_large.title': 'Request too large',
    'request.too_large.body': 'What you sent is larger than this page accepts ({limit}). Send less, or photos one at a time, then try again.',
    'request.malformed.title': 'Request cannot be read',
    'request.malformed.body': 'The form that was sent is broken or cut short (for example the connection dropped). Reload the page and send it once more.',
    'composer.error.scheduled_locked': 'This post is scheduled to go out. Changing it needs the lurah: ask the lurah to change it or to cancel the schedule first.',
  },
};
