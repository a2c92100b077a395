import { Hono } from 'hono';
import { t } from '../../../i18n/index.js';
import { assetText, assetUrl } from '../../assets-route.js';
import type { AppEnv } from '../../context.js';
import { StaffLayout } from '../../views/staff-layout.js';

// Short beginner guides inside the app. The pictures are screenshots of the app itself at phone
// size, taken by tests/e2e/composer-journey.test.ts (copied to assets/guides/ and docs/guides/).

interface Step {
  text: string;
  image?: string;
  alt?: string;
}

const GUIDES: { id: string; title: string; steps: Step[] }[] = [
  {
    id: 'kabar-pertama',
    title: 'Menulis kabar pertama',
    steps: [
      { text: 'Masuk dengan nama pengguna dan kata sandi Anda. Di halaman utama, tekan tombol biru besar "Tulis kabar".', image: 'guides/1-beranda.png', alt: 'Halaman utama dengan tombol Tulis kabar' },
      { text: 'Pilih jenis kabar, misalnya "Kegiatan". Isinya sudah disiapkan; Anda tinggal melengkapi.', image: 'guides/2-pilih-jenis.png', alt: 'Pilihan jenis kabar: pengumuman, kegiatan, layanan, himbauan, ucapan, berita' },
      { text: 'Tulis judul. Di kotak isi, ganti tulisan dalam [kurung] dengan kata-kata Anda. Semua tersimpan sendiri setiap beberapa detik.', image: 'guides/3-tulis.png', alt: 'Halaman menulis dengan judul dan isi' },
      { text: 'Tekan "Tambah foto dari kamera atau galeri". Pilih foto, tunggu sampai terkirim, lalu tulis singkat apa yang ada di foto.', image: 'guides/4-foto.png', alt: 'Dua foto sudah terkirim dengan keterangannya' },
      { text: 'Periksa tampilannya di situs web dan media sosial, lalu tekan "Terbitkan sekarang". Mau terbit nanti? Buka "Jadwalkan untuk nanti".', image: 'guides/5-pratinjau.png', alt: 'Pratinjau untuk situs web dan media sosial' },
      { text: 'Selesai. Tekan "Lihat di situs web" untuk melihat kabar Anda.', image: 'guides/6-terbit.png', alt: 'Halaman Kabar sudah terbit' },
    ],
  },
  {
    id: 'jika-bingung',
    title: 'Jika bingung atau sinyal lemah',
    steps: [
      { text: 'Tulisan Anda tidak hilang. Jika sinyal putus, tulisan disimpan di HP dan dikirim saat sinyal kembali. Buka lagi halaman utama dan tekan "Lanjutkan menulis".', image: 'guides/7-tanpa-sinyal.png', alt: 'Pesan: belum tersimpan karena sinyal terputus' },
      { text: 'Foto yang gagal terkirim bisa dikirim ulang dengan tombol "Coba kirim lagi".' },
      { text: 'Tekan "Bingung? Minta bantuan" di halaman menulis. Pendamping dari Diskominfo menerima pesan Anda beserta drafnya, dan bisa membantu memperbaikinya.' },
    ],
  },
];

export function guideRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/panduan', (c) => {
    const actor = c.get('actor')!;
    return c.html(
      <StaffLayout title={t('composer.guide.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('composer.guide.title')}</h1>
        <ul class="link-list">
          {GUIDES.map((g) => (
            <li>
              <a href={`#${g.id}`}>{g.title}</a>
            </li>
          ))}
        </ul>
        {GUIDES.map((g) => (
          <section id={g.id} class="guide">
            <h2>{g.title}</h2>
            <ol class="guide-steps">
              {g.steps.map((s) => (
                <li>
                  <p>{s.text}</p>
                  {/* Pictures appear once the screenshot exists in assets/guides/. */}
                  {s.image && assetText(s.image) !== undefined ? <img src={assetUrl(s.image)} alt={s.alt ?? ''} width={360} loading="lazy" /> : null}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </StaffLayout>,
    );
  });
  return app;
}
