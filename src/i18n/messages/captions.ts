// Caption rules of the platforms, said next to the caption that breaks them (the composer's
// preview) and as the reason of a delivery refused before anything was sent.
export const messages = {
  id: {
    'captions.problem.too_long': 'Teks untuk {platform} {length} karakter, paling banyak {max}. Pendekkan teksnya.',
    'captions.problem.title_too_long': 'Judul untuk {platform} {length} karakter, paling banyak {max}. Pendekkan judulnya.',
    'captions.problem.too_many_hashtags': 'Teks untuk {platform} memuat {count} tagar (#), paling banyak {max}. Hapus sebagian tagar.',
    'captions.problem.too_many_mentions': 'Teks untuk {platform} menyebut {count} akun (@), paling banyak {max}. Hapus sebagian sebutan.',
    'captions.problem.empty': 'Teks untuk {platform} masih kosong.',
  },
  en: {
    'captions.problem.too_long': 'The text for {platform} has {length} characters, at most {max}. Shorten it.',
    'captions.problem.title_too_long': 'The title for {platform} has {length} characters, at most {max}. Shorten it.',
    'captions.problem.too_many_hashtags': 'The text for {platform} has {count} hashtags (#), at most {max}. Remove some.',
    'captions.problem.too_many_mentions': 'The text for {platform} mentions {count} accounts (@), at most {max}. Remove some.',
    'captions.problem.empty': 'The text for {platform} is empty.',
  },
} as const;
