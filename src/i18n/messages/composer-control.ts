// Texts of the composer's "staff stay in control" work (#14): template marks left in the text,
// two copies of a draft that both changed, editing and taking back a published post, honest
// delivery statuses and the messages that reach "Pesan untuk saya". Same voice as composer.ts.
export const messages = {
  id: {
    'composer.error.placeholder_left': 'Masih ada teks contoh dalam kurung siku. Ganti dengan isi yang sebenarnya, lalu hapus tanda kurungnya.',
    'composer.placeholder.summary': 'Masih ada teks contoh di {field}: {marks}. Ganti dengan isi yang sebenarnya, lalu hapus tanda kurungnya.',
    'composer.placeholder.field': 'Ganti teks contoh ini dengan isi yang sebenarnya: {marks}',
    'composer.placeholder.where.title': 'Judul',
    'composer.placeholder.where.body': 'Isi kabar',
    'composer.placeholder.where.caption': 'teks untuk media sosial',
  },
  en: {
    'composer.error.placeholder_left': 'There is still sample text in square brackets. Replace it with the real text and remove the brackets.',
    'composer.placeholder.summary': 'There is still sample text in the {field}: {marks}. Replace it with the real text and remove the brackets.',
    'composer.placeholder.field': 'Replace this sample text with the real text: {marks}',
    'composer.placeholder.where.title': 'title',
    'composer.placeholder.where.body': 'text',
    'composer.placeholder.where.caption': 'social media text',
  },
};
