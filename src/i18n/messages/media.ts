// Texts of the media, image-card and caption modules. Refusals tell staff what to do instead, in
// plain words (staff are often 45–60 and new to smartphones' settings).
export const messages = {
  id: {
    'media.refusal.empty': 'Foto tidak terkirim (berkasnya kosong). Coba pilih fotonya sekali lagi.',
    'media.refusal.too_large':
      'Foto terlalu besar ({size}). Kirim foto dengan ukuran di bawah {limit}, atau ambil ulang dengan kualitas kamera biasa.',
    'media.refusal.not_image':
      'Berkas ini bukan foto. Pilih foto berjenis JPG, PNG atau WebP dari galeri atau kamera.',
    'media.refusal.unsupported_type':
      'Jenis gambar {type} belum bisa dipakai. Simpan atau kirim ulang gambar sebagai JPG atau PNG, lalu pilih lagi.',
    'media.refusal.heic_unsupported':
      'Foto iPhone berformat HEIC belum bisa dibaca. Di iPhone buka Pengaturan → Kamera → Format, pilih "Paling Kompatibel", lalu ambil ulang fotonya. Atau kirim foto itu lewat WhatsApp ke diri sendiri, simpan, lalu pilih lagi.',
    'media.refusal.too_many_pixels':
      'Foto ini terlalu besar ukurannya ({megapixels} megapiksel, paling besar {max} megapiksel). Ambil ulang dengan kamera dalam mode biasa (bukan mode resolusi tinggi), atau kirim foto lain.',
    'media.refusal.too_small':
      'Foto terlalu kecil ({width}×{height} piksel) dan akan tampak buram. Pilih foto yang lebih besar, paling tidak {min} piksel di setiap sisi.',
    'media.refusal.unreadable':
      'Foto ini rusak atau tidak terkirim utuh. Coba kirim lagi; jika tetap gagal, ambil ulang fotonya.',
    'captions.problem.too_long': 'Teks terlalu panjang: {length} dari paling banyak {max} huruf. Hapus sebagian kalimat.',
    'captions.problem.title_too_long': 'Judul terlalu panjang: {length} dari paling banyak {max} huruf.',
    'captions.problem.too_many_hashtags': 'Terlalu banyak tagar: {count} dari paling banyak {max}. Hapus sebagian tanda #.',
    'captions.problem.empty': 'Teks masih kosong. Tulis paling tidak satu kalimat.',
  },
  en: {
    'media.refusal.empty': 'The photo did not arrive (the file is empty). Try choosing it again.',
    'media.refusal.too_large':
      'The photo is too big ({size}). Send a photo under {limit}, or take it again at normal camera quality.',
    'media.refusal.not_image': 'This file is not a photo. Choose a JPG, PNG or WebP photo from the gallery or camera.',
    'media.refusal.unsupported_type':
      'Pictures of type {type} cannot be used yet. Save or send the picture again as JPG or PNG, then choose it again.',
    'media.refusal.heic_unsupported':
      'iPhone HEIC photos cannot be read yet. On the iPhone open Settings → Camera → Formats, choose "Most Compatible", and take the photo again. Or send the photo to yourself on WhatsApp, save it, and choose it again.',
    'media.refusal.too_many_pixels':
      'This photo has too many pixels ({megapixels} megapixels, at most {max}). Take it again in the normal camera mode (not high-resolution mode), or send another photo.',
    'media.refusal.too_small':
      'The photo is too small ({width}×{height} pixels) and will look blurry. Choose a bigger photo, at least {min} pixels on each side.',
    'media.refusal.unreadable':
      'This photo is damaged or did not arrive whole. Send it again; if it still fails, take the photo again.',
    'captions.problem.too_long': 'The text is too long: {length} of at most {max} characters. Remove some sentences.',
    'captions.problem.title_too_long': 'The title is too long: {length} of at most {max} characters.',
    'captions.problem.too_many_hashtags': 'Too many hashtags: {count} of at most {max}. Remove some # signs.',
    'captions.problem.empty': 'The text is still empty. Write at least one sentence.',
  },
} as const;
