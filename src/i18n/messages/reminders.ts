// Reminder texts and the reasons shown when a reminder could not be sent. Indonesian first, in
// plain words for staff who are new to technology; English keeps the same keys.
export const messages = {
  id: {
    'reminders.channel.email': 'E-mail',
    'reminders.channel.telegram': 'Telegram',
    'reminders.channel.whatsapp': 'WhatsApp',
    'reminders.channel.inapp': 'Notifikasi di Beranda',

    'reminders.status.pending': 'Menunggu dikirim',
    'reminders.status.sending': 'Sedang dikirim',
    'reminders.status.sent': 'Terkirim',
    'reminders.status.retrying': 'Gagal, akan dicoba lagi',
    'reminders.status.failed': 'Gagal dikirim',

    'reminders.trigger.no_content': 'Belum ada konten periode ini',
    'reminders.trigger.failed_periods': 'Gagal beberapa periode berturut-turut',
    'reminders.trigger.compromised': 'Situs terindikasi dibobol',
    'reminders.trigger.site_down': 'Situs tidak dapat dibuka',
    'reminders.trigger.pelayanan_near': 'Permohonan warga hampir atau sudah lewat batas waktu',
    'reminders.trigger.pelayanan_overdue': 'Permohonan warga lewat batas waktu',

    'reminders.msg.no_content.subject': 'Pengingat: {unit} belum mengunggah konten minggu ini',
    'reminders.msg.no_content.text':
      'Yth. {name},\n\n{unit} belum mengunggah konten apa pun untuk periode {period}. Batas akhirnya {deadline}. Unggah satu berita, pengumuman atau kegiatan lewat Beranda, maka otomatis terbit di situs dan media sosial.\n\n{link}',
    'reminders.msg.failed_periods.subject': 'Perhatian Camat: {unit} tidak aktif {count} periode berturut-turut',
    'reminders.msg.failed_periods.text':
      'Yth. {name},\n\n{unit} tidak memenuhi aturan kanal digital selama {count} periode berturut-turut (terakhir {period}). Mohon dorong lurah dan operatornya, atau minta bantuan pendamping Diskominfo.\n\n{link}',
    'reminders.msg.compromised.subject': 'SEGERA: situs {unit} terindikasi dibobol',
    'reminders.msg.compromised.text':
      'Yth. {name},\n\nSitus {unit} menunjukkan tanda dibobol (misalnya konten judi online). Alasan: {reason}. Mohon segera diperiksa dan diamankan.\n\n{link}',
    'reminders.msg.site_down.subject': 'Situs {unit} tidak dapat dibuka lebih dari {hours} jam',
    'reminders.msg.site_down.text':
      'Yth. {name},\n\nSitus {unit} tidak dapat dibuka sejak {since}. Mohon diperiksa.\n\n{link}',
    'reminders.msg.pelayanan_near.subject': '{unit}: {count} permohonan warga harus selesai hari ini atau besok',
    'reminders.msg.pelayanan_near.text':
      'Yth. {name},\n\nAda {count} permohonan warga di {unit} yang batas waktunya hari ini atau hari kerja berikutnya, atau sudah lewat. Mohon segera diproses.\n\n{link}',
    'reminders.msg.pelayanan_overdue.subject': 'Perhatian {Lurah}: {count} permohonan warga di {unit} lewat batas waktu',
    'reminders.msg.pelayanan_overdue.text':
      'Yth. {name},\n\n{count} permohonan warga di {unit} sudah lewat batas waktu penyelesaian. Mohon dipastikan segera diselesaikan atau pemohon diberi kabar.\n\n{link}',

    // Why a reminder was not delivered. "Akan dicoba lagi" only where it will be.
    'reminders.failure.network': 'Server tujuan tidak dapat dihubungi. Akan dicoba lagi.',
    'reminders.failure.timeout': 'Server tujuan terlalu lama menjawab. Akan dicoba lagi.',
    'reminders.failure.server_error': 'Layanan pengirim sedang bermasalah. Akan dicoba lagi.',
    'reminders.failure.rate_limited': 'Terlalu banyak pesan dalam waktu singkat. Akan dicoba lagi nanti.',
    'reminders.failure.not_configured': 'Saluran ini belum diatur oleh admin kota.',
    'reminders.failure.auth': 'Kunci akses layanan pengirim salah atau kedaluwarsa. Admin kota perlu memperbaruinya.',
    'reminders.failure.no_address': 'Penerima belum mengisi alamat untuk saluran ini.',
    'reminders.failure.email_rejected': 'Alamat e-mail ditolak oleh server penerima. Periksa ejaan alamatnya.',
    'reminders.failure.email_temporary': 'Server e-mail penerima menolak sementara. Akan dicoba lagi.',
    'reminders.failure.telegram_blocked': 'Penerima memblokir bot Telegram atau belum pernah memulai obrolan dengan bot.',
    'reminders.failure.telegram_chat_not_found': 'Obrolan Telegram penerima tidak ditemukan. Minta penerima menghubungkan ulang Telegram.',
    'reminders.failure.telegram_bad_request': 'Telegram menolak pesan ini.',
    'reminders.failure.whatsapp_undeliverable': 'Nomor ini tidak terdaftar di WhatsApp atau aplikasinya terlalu lama.',
    'reminders.failure.whatsapp_template': 'Templat pesan WhatsApp belum disetujui atau isinya tidak cocok. Admin kota perlu memeriksanya.',
    'reminders.failure.whatsapp_outside_window': 'WhatsApp hanya mengizinkan pesan templat untuk penerima ini.',
    'reminders.failure.whatsapp_blocked': 'Akun WhatsApp pengirim sedang diblokir sementara oleh WhatsApp.',
    'reminders.failure.invalid_parameter': 'Data pesan tidak sah (misalnya nomor telepon salah tulis).',
    'reminders.failure.rejected': 'Pesan ditolak oleh layanan pengirim.',
    'reminders.failure.gave_up': 'Sudah dicoba beberapa kali dan tetap gagal.',

    'reminders.error.invalid_input': 'Nama aturan dan jenis pemicunya wajib diisi.',
    'reminders.error.invalid_schedule': 'Jadwal tidak dapat dibaca. Contoh: 0 9 * * 4 artinya setiap Kamis pukul 09.00.',
    'reminders.error.invalid_timezone': 'Zona waktu tidak dikenal. Gunakan Asia/Jakarta, Asia/Makassar atau Asia/Jayapura.',
    'reminders.error.invalid_threshold': 'Ambang batas harus bilangan bulat (misalnya 2 periode atau 24 jam).',
    'reminders.error.no_recipients': 'Pilih paling sedikit satu peran penerima.',
    'reminders.error.no_channels': 'Pilih paling sedikit satu saluran pengiriman.',
    'reminders.error.not_found': 'Aturan pengingat tidak ditemukan.',
    'reminders.error.invalid_address': 'Alamat untuk saluran ini tidak sah.',
    'reminders.error.address_required': 'Isi ID obrolan Telegram Anda dulu (didapat setelah memulai obrolan dengan bot {kota}).',
  },
  en: {
    'reminders.channel.email': 'E-mail',
    'reminders.channel.telegram': 'Telegram',
    'reminders.channel.whatsapp': 'WhatsApp',
    'reminders.channel.inapp': 'In-app notification',

    'reminders.status.pending': 'Waiting to be sent',
    'reminders.status.sending': 'Sending',
    'reminders.status.sent': 'Sent',
    'reminders.status.retrying': 'Failed, will retry',
    'reminders.status.failed': 'Failed',

    'reminders.trigger.no_content': 'No content this period yet',
    'reminders.trigger.failed_periods': 'Failed several periods in a row',
    'reminders.trigger.compromised': 'Site looks compromised',
    'reminders.trigger.site_down': 'Site is down',
    'reminders.trigger.pelayanan_near': 'Citizens’ requests near or past their deadline',
    'reminders.trigger.pelayanan_overdue': 'Citizens’ requests past their deadline',

    'reminders.msg.no_content.subject': 'Reminder: {unit} has not posted this week',
    'reminders.msg.no_content.text':
      'Dear {name},\n\n{unit} has not posted any content for the period {period}. The deadline is {deadline}. Post one news item, announcement or activity through Beranda and it goes to the site and social media at once.\n\n{link}',
    'reminders.msg.failed_periods.subject': 'For the camat: {unit} inactive for {count} periods in a row',
    'reminders.msg.failed_periods.text':
      'Dear {name},\n\n{unit} has not met the digital channel rule for {count} periods in a row (latest {period}). Please encourage the lurah and operator, or ask a Diskominfo pendamping for help.\n\n{link}',
    'reminders.msg.compromised.subject': 'URGENT: the site of {unit} looks compromised',
    'reminders.msg.compromised.text':
      'Dear {name},\n\nThe site of {unit} shows signs of compromise (for example online-gambling content). Reason: {reason}. Please check and secure it now.\n\n{link}',
    'reminders.msg.site_down.subject': 'The site of {unit} has been down for more than {hours} hours',
    'reminders.msg.site_down.text': 'Dear {name},\n\nThe site of {unit} has been unreachable since {since}. Please check it.\n\n{link}',

    'reminders.msg.pelayanan_near.subject': '{unit}: {count} citizens’ requests due today or tomorrow',
    'reminders.msg.pelayanan_near.text':
      'Dear {name},\n\n{count} citizens’ requests at {unit} are due today or the next working day, or are already late. Please process them soon.\n\n{link}',
    'reminders.msg.pelayanan_overdue.subject': 'For the {Lurah}: {count} citizens’ requests at {unit} are overdue',
    'reminders.msg.pelayanan_overdue.text':
      'Dear {name},\n\n{count} citizens’ requests at {unit} are past their deadline. Please make sure they are completed soon or the applicants are told.\n\n{link}',
    'reminders.failure.network': 'The server could not be reached. Will retry.',
    'reminders.failure.timeout': 'The server took too long to answer. Will retry.',
    'reminders.failure.server_error': 'The sending service has a problem. Will retry.',
    'reminders.failure.rate_limited': 'Too many messages in a short time. Will retry later.',
    'reminders.failure.not_configured': 'This channel has not been set up by the city admin.',
    'reminders.failure.auth': 'The sending service key is wrong or expired. The city admin must renew it.',
    'reminders.failure.no_address': 'The recipient has no address for this channel.',
    'reminders.failure.email_rejected': 'The recipient mail server rejected the address. Check its spelling.',
    'reminders.failure.email_temporary': 'The recipient mail server refused for now. Will retry.',
    'reminders.failure.telegram_blocked': 'The recipient blocked the Telegram bot or never started a chat with it.',
    'reminders.failure.telegram_chat_not_found': 'The recipient Telegram chat was not found. Ask them to reconnect Telegram.',
    'reminders.failure.telegram_bad_request': 'Telegram rejected this message.',
    'reminders.failure.whatsapp_undeliverable': 'This number is not on WhatsApp or uses a very old app.',
    'reminders.failure.whatsapp_template': 'The WhatsApp message template is not approved or does not match. The city admin must check it.',
    'reminders.failure.whatsapp_outside_window': 'WhatsApp only allows template messages to this recipient.',
    'reminders.failure.whatsapp_blocked': 'The sending WhatsApp account is temporarily blocked by WhatsApp.',
    'reminders.failure.invalid_parameter': 'The message data is invalid (for example a mistyped phone number).',
    'reminders.failure.rejected': 'The sending service rejected the message.',
    'reminders.failure.gave_up': 'Tried several times and still failed.',

    'reminders.error.invalid_input': 'The rule needs a name and a trigger.',
    'reminders.error.invalid_schedule': 'The schedule cannot be read. Example: 0 9 * * 4 means every Thursday at 09:00.',
    'reminders.error.invalid_timezone': 'Unknown time zone. Use Asia/Jakarta, Asia/Makassar or Asia/Jayapura.',
    'reminders.error.invalid_threshold': 'The threshold must be a whole number (for example 2 periods or 24 hours).',
    'reminders.error.no_recipients': 'Choose at least one recipient role.',
    'reminders.error.no_channels': 'Choose at least one channel.',
    'reminders.error.not_found': 'Reminder rule not found.',
    'reminders.error.invalid_address': 'The address for this channel is not valid.',
    'reminders.error.address_required': 'Enter your Telegram chat id first (you get it after starting a chat with the city bot).',
  },
} as const;
