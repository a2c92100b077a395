// Texts for social channels and deliveries. Staff see these when a post could not go out, so
// they say what happened and what to do next in plain words, never a raw platform error.
export const messages = {
  id: {
    'channels.platform.facebook': 'Facebook',
    'channels.platform.instagram': 'Instagram',
    'channels.platform.tiktok': 'TikTok',

    'channels.failure.token_expired':
      'Izin Beranda untuk akun {platform} sudah habis atau dicabut. Hubungkan ulang akun ini di menu Kanal.',
    'channels.failure.permission_missing':
      'Beranda belum diberi izin yang cukup untuk memposting ke akun {platform}. Hubungkan ulang dan setujui semua izin.',
    'channels.failure.rate_limited':
      '{platform} meminta Beranda mengirim lebih pelan. Kiriman akan dicoba lagi otomatis.',
    'channels.failure.daily_limit':
      'Batas kiriman harian {platform} untuk akun ini sudah tercapai. Kiriman dijadwalkan ulang otomatis.',
    'channels.failure.platform_error':
      'Layanan {platform} sedang bermasalah. Kiriman akan dicoba lagi otomatis.',
    'channels.failure.network':
      'Beranda tidak dapat terhubung ke {platform}. Kiriman akan dicoba lagi otomatis.',
    'channels.failure.outcome_unknown':
      'Belum pasti apakah postingan sudah tampil di {platform}. Beranda memeriksa akun dulu sebelum mengirim lagi, agar tidak tampil dua kali.',
    'channels.failure.outcome_unknown_check':
      'Belum pasti apakah postingan sudah tampil di {platform}. Buka akun {platform} dan periksa: jika belum ada, tekan "Kirim ulang"; jika sudah ada, tempel tautannya.',
    'channels.failure.duplicate':
      '{platform} menganggap postingan ini sudah pernah dikirim. Beranda memeriksa akun dulu.',
    'channels.failure.media_rejected':
      'Foto ditolak {platform}: ukuran atau formatnya tidak sesuai. Gunakan foto JPG yang lebih kecil.',
    'channels.failure.media_unreachable':
      '{platform} tidak dapat mengambil foto dari Beranda. Periksa bahwa alamat situs dapat dibuka dari internet.',
    'channels.failure.url_not_verified':
      'Alamat foto Beranda belum didaftarkan di TikTok. Minta admin kota mendaftarkan domain media di TikTok, atau posting manual.',
    'channels.failure.caption_too_long': 'Teks postingan terlalu panjang untuk {platform}. Pendekkan teksnya.',
    'channels.failure.too_many_images': 'Jumlah foto tidak sesuai aturan {platform}.',
    'channels.failure.policy_blocked':
      '{platform} menahan postingan ini karena aturan komunitas atau akun sedang dibatasi. Hubungi pendamping Diskominfo.',
    'channels.failure.container_failed':
      'Instagram gagal memproses foto. Periksa foto (JPG, rasio 4:5 sampai 1,91:1) lalu kirim ulang.',
    'channels.failure.container_expired': 'Foto di Instagram kedaluwarsa sebelum diterbitkan. Kirim ulang postingan.',
    'channels.failure.private_account_required':
      'Aplikasi Beranda belum lolos audit TikTok, jadi hanya boleh memposting ke akun TikTok yang dikunci (privat). Gunakan posting manual.',
    'channels.failure.privacy_mismatch': 'Pilihan "siapa yang boleh melihat" tidak tersedia untuk akun TikTok ini.',
    'channels.failure.privacy_required': 'Pilih dulu siapa yang boleh melihat postingan TikTok ini.',
    'channels.failure.app_user_cap':
      'Batas harian aplikasi Beranda di TikTok sudah tercapai. Kiriman dicoba lagi besok, atau posting manual.',
    'channels.failure.update_app': 'Perbarui aplikasi TikTok di ponsel, lalu kirim ulang.',
    'channels.failure.invalid_request': '{platform} menolak kiriman ini. Hubungi pendamping Diskominfo.',
    'channels.failure.no_images': '{platform} memerlukan paling sedikit satu foto.',
    'channels.failure.unknown': '{platform} menolak kiriman ini. Hubungi pendamping Diskominfo.',
    'channels.failure.stuck':
      '{platform} terlalu lama memproses postingan ini. Periksa akun {platform}, lalu kirim ulang atau posting manual.',
    'channels.failure.not_connected': 'Akun ini belum terhubung ke Beranda. Posting manual, atau hubungkan akun di menu Kanal.',
    'channels.failure.post_gone': 'Postingan ini sudah tidak ada di {platform} (mungkin sudah dihapus di sana).',

    'channels.notice.private_only':
      'Postingan TikTok ini hanya dapat dilihat pemilik akun ("Hanya saya") karena aplikasi Beranda belum lolos audit TikTok.',

    'channels.change.gave_up': 'sudah dicoba {attempts} kali tanpa hasil ({platform} sedang bermasalah atau tidak terjangkau). Tekan "Coba lagi" nanti.',
    'channels.delivery.gave_up':
      'Sudah dicoba {attempts} kali tetapi belum berhasil. Posting manual atau hubungi pendamping Diskominfo.',

    'channels.alert.reconnect':
      'Akun {platform} {handle} perlu dihubungkan ulang. Tanpa itu, postingan tidak dapat dikirim ke akun ini.',
    'channels.alert.expiring':
      'Izin akun {platform} {handle} habis dalam {days} hari. Hubungkan ulang sebelum tanggal itu.',

    'channels.manual.invalid_url': 'Tautan tidak dikenali. Salin tautan postingan dari aplikasi {platform}.',
    'channels.manual.wrong_platform': 'Tautan ini bukan tautan {platform}.',
    'channels.manual.wrong_account':
      'Tautan ini dari akun lain ({found}), bukan akun terdaftar {handle}.',
    'channels.manual.not_a_post': 'Tautan ini menuju halaman akun, bukan ke satu postingan.',
  },
  en: {
    'channels.platform.facebook': 'Facebook',
    'channels.platform.instagram': 'Instagram',
    'channels.platform.tiktok': 'TikTok',

    'channels.failure.token_expired':
      "Beranda's permission for the {platform} account has expired or was revoked. Reconnect the account under Channels.",
    'channels.failure.permission_missing':
      'Beranda lacks the permissions needed to post to the {platform} account. Reconnect and approve all permissions.',
    'channels.failure.rate_limited': '{platform} asked Beranda to slow down. The post will be retried automatically.',
    'channels.failure.daily_limit':
      "The account's daily {platform} posting limit was reached. The post will be rescheduled automatically.",
    'channels.failure.platform_error': '{platform} is having problems. The post will be retried automatically.',
    'channels.failure.network': 'Beranda cannot reach {platform}. The post will be retried automatically.',
    'channels.failure.outcome_unknown':
      'It is not certain whether the post appeared on {platform}. Beranda checks the account before sending again, so it never appears twice.',
    'channels.failure.outcome_unknown_check':
      'It is not certain whether the post appeared on {platform}. Open the {platform} account and check: if it is not there, press "Send again"; if it is, paste its link.',
    'channels.failure.duplicate': '{platform} considers this post a duplicate. Beranda checks the account first.',
    'channels.failure.media_rejected':
      '{platform} rejected the photo: wrong size or format. Use a smaller JPG photo.',
    'channels.failure.media_unreachable':
      '{platform} could not fetch the photo from Beranda. Check that the site address is reachable from the internet.',
    'channels.failure.url_not_verified':
      "Beranda's media address is not verified with TikTok. Ask the city admin to verify the media domain with TikTok, or post manually.",
    'channels.failure.caption_too_long': 'The text is too long for {platform}. Shorten it.',
    'channels.failure.too_many_images': 'The number of photos does not fit {platform} rules.',
    'channels.failure.policy_blocked':
      '{platform} held this post because of community rules or a restricted account. Contact your Diskominfo assistant.',
    'channels.failure.container_failed':
      'Instagram failed to process the photo. Check the photo (JPG, aspect ratio 4:5 to 1.91:1) and send again.',
    'channels.failure.container_expired': 'The photo expired on Instagram before it was published. Send the post again.',
    'channels.failure.private_account_required':
      'The Beranda app has not passed the TikTok audit, so it may only post to private TikTok accounts. Use manual posting.',
    'channels.failure.privacy_mismatch': 'The chosen "who can see this" option is not available for this TikTok account.',
    'channels.failure.privacy_required': 'Choose who can see this TikTok post first.',
    'channels.failure.app_user_cap':
      "The Beranda app's daily TikTok limit was reached. It will retry tomorrow, or post manually.",
    'channels.failure.update_app': 'Update the TikTok app on the phone, then send again.',
    'channels.failure.invalid_request': '{platform} rejected this post. Contact your Diskominfo assistant.',
    'channels.failure.no_images': '{platform} needs at least one photo.',
    'channels.failure.unknown': '{platform} rejected this post. Contact your Diskominfo assistant.',
    'channels.failure.stuck':
      '{platform} took too long to process this post. Check the {platform} account, then send again or post manually.',
    'channels.failure.not_connected': 'This account is not connected to Beranda. Post manually, or connect it under Channels.',
    'channels.failure.post_gone': 'This post no longer exists on {platform} (perhaps it was deleted there).',

    'channels.notice.private_only':
      'This TikTok post is visible to the account owner only ("Only me") because the Beranda app has not passed the TikTok audit.',

    'channels.change.gave_up': 'tried {attempts} times without success ({platform} is having problems or cannot be reached). Press "Try again" later.',
    'channels.delivery.gave_up':
      'Tried {attempts} times without success. Post manually or contact your Diskominfo assistant.',

    'channels.alert.reconnect':
      'The {platform} account {handle} must be reconnected. Until then posts cannot be sent to it.',
    'channels.alert.expiring':
      'Permission for the {platform} account {handle} ends in {days} days. Reconnect before then.',

    'channels.manual.invalid_url': 'The link is not recognised. Copy the post link from the {platform} app.',
    'channels.manual.wrong_platform': 'This is not a {platform} link.',
    'channels.manual.wrong_account': 'This link is from another account ({found}), not the registered {handle}.',
    'channels.manual.not_a_post': 'This link points to an account page, not to a single post.',
  },
} as const;
