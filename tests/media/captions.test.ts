import { describe, expect, it } from 'vitest';
import {
  CAPTION_PLATFORMS,
  captionFor,
  checkCaption,
  cleanHashtags,
  countChars,
  limitsFor,
  normalizeHashtag,
  toPlainText,
} from '../../src/modules/publishing-captions/index.js';
import { messages } from '../../src/i18n/messages/media.js';

const post = {
  title: 'Posyandu Lansia Sabtu Pagi',
  text: '<p>Pemeriksaan <b>gratis</b> untuk warga lanjut usia.</p><ul><li>Cek tensi</li><li>Cek gula darah</li></ul><p>Daftar di <a href="https://bacang.pangkalpinangkota.go.id/layanan">situs kelurahan</a>.</p>',
  link: 'https://bacang.pangkalpinangkota.go.id/berita/posyandu-lansia',
  hashtags: ['#PemkotPangkalpinang', 'kecamatan bukit intan', '#KelurahanBacang', 'posyandu', 'info-warga', 'lansia sehat'],
};

describe('limitsFor', () => {
  it('follows the documented platform limits', () => {
    expect(limitsFor('instagram')).toMatchObject({ maxChars: 2200, hashtagsMax: 30, linksClickable: false });
    expect(limitsFor('facebook')).toMatchObject({ maxChars: 63_206, linksClickable: true });
    expect(limitsFor('tiktok')).toMatchObject({ maxChars: 4000, titleMaxChars: 90, linksClickable: false });
    expect(limitsFor('website').maxChars).toBe(160);
    expect(CAPTION_PLATFORMS).toEqual(['website', 'facebook', 'instagram', 'tiktok']);
  });
});

describe('captionFor', () => {
  it('Facebook: title, plain text with clickable links, the post link and 3 house hashtags', () => {
    const c = captionFor('facebook', post);
    expect(c.text).toBe(
      [
        'Posyandu Lansia Sabtu Pagi',
        'Pemeriksaan gratis untuk warga lanjut usia.\n\n• Cek tensi\n• Cek gula darah\n\nDaftar di situs kelurahan (https://bacang.pangkalpinangkota.go.id/layanan).',
        'Baca selengkapnya: https://bacang.pangkalpinangkota.go.id/berita/posyandu-lansia',
        '#PemkotPangkalpinang #KecamatanBukitIntan #KelurahanBacang',
      ].join('\n\n'),
    );
    expect(c.length).toBe(countChars(c.text));
    expect(c.droppedHashtags).toEqual(['#Posyandu', '#InfoWarga', '#LansiaSehat']);
    expect(c.warnings).toEqual(['hashtags_dropped']);
  });

  it('Instagram: no URLs (not clickable), "link di bio" instead, 5 hashtags in house order', () => {
    const c = captionFor('instagram', post);
    expect(c.text).not.toMatch(/https?:\/\//);
    expect(c.text).toContain('Daftar di situs kelurahan.');
    expect(c.text).toContain('Info lengkap: link di bio');
    expect(c.text.endsWith('#PemkotPangkalpinang #KecamatanBukitIntan #KelurahanBacang #Posyandu #InfoWarga')).toBe(true);
  });

  it('TikTok: a separate title of at most 90 characters and the link as plain text', () => {
    const c = captionFor('tiktok', { ...post, title: 'Pemeriksaan kesehatan gratis untuk warga lanjut usia di seluruh RW Kelurahan Bacang pada hari Sabtu pagi' });
    expect(countChars(c.title!)).toBeLessThanOrEqual(90);
    expect(c.title!.endsWith('…')).toBe(true);
    expect(c.warnings).toContain('title_shortened');
    expect(c.text).toContain('Baca selengkapnya: bacang.pangkalpinangkota.go.id/berita/posyandu-lansia');
    expect(c.text).not.toContain('Pemeriksaan kesehatan gratis untuk warga lanjut usia di seluruh');
  });

  it('website: a one-paragraph summary within 160 characters', () => {
    const long = `${'Warga diminta membersihkan saluran air di depan rumah masing-masing setiap hari Minggu pagi. '.repeat(4)}\n\nParagraf kedua.`;
    const c = captionFor('website', { title: 'Kerja bakti', text: long });
    expect(c.length).toBeLessThanOrEqual(160);
    expect(c.text.endsWith('…')).toBe(true);
    expect(c.text).not.toContain('Paragraf kedua');
    expect(captionFor('website', { title: 'Hanya judul', text: '' }).text).toBe('Hanya judul');
  });

  it('shortens an over-long body but keeps the link line and hashtags, on every platform', () => {
    const essay = Array.from({ length: 9000 }, (_, i) => `kata${i}`).join(' ');
    for (const platform of ['facebook', 'instagram', 'tiktok'] as const) {
      const c = captionFor(platform, { ...post, text: essay, maxHashtags: 3 });
      expect(c.length, platform).toBeLessThanOrEqual(limitsFor(platform).maxChars);
      expect(c.warnings, platform).toContain('text_shortened');
      expect(c.text.endsWith('#PemkotPangkalpinang #KecamatanBukitIntan #KelurahanBacang'), platform).toBe(true);
      expect(c.text, platform).toMatch(/…\n\n(Baca selengkapnya|Info lengkap)/);
    }
    // Facebook's limit is far away: a 3,000-word text fits there whole.
    const shorter = essay.split(' ').slice(0, 3000).join(' ');
    expect(captionFor('facebook', { ...post, text: shorter }).text).toContain('kata2999');
  });

  it("counts hashtags typed in the text toward Instagram's 30 and does not repeat them", () => {
    const typed = Array.from({ length: 28 }, (_, i) => `#Topik${i}`).join(' ');
    const c = captionFor('instagram', { ...post, text: `Halo warga #KelurahanBacang ${typed}` });
    // 29 tags in the text (KelurahanBacang + 28) leave room for one more.
    expect(c.hashtags).toEqual(['#PemkotPangkalpinang']);
    expect(checkCaption('instagram', c.text).hashtagCount).toBe(30);
    expect(checkCaption('instagram', c.text).problems).toEqual([]);

    const over = captionFor('instagram', { ...post, text: Array.from({ length: 31 }, (_, i) => `#T${i}`).join(' ') });
    expect(over.hashtags).toEqual([]);
    expect(over.warnings).toContain('too_many_hashtags_in_text');
  });

  it('never splits an emoji when shortening', () => {
    const c = captionFor('website', { title: 't', text: '🎉'.repeat(200) });
    expect(c.length).toBeLessThanOrEqual(160);
    expect(c.text).toMatch(/^(🎉)+…$/u);
  });
});

describe('checkCaption (live counter for edited captions)', () => {
  it('reports length, remaining and the reasons a caption cannot be sent', () => {
    expect(checkCaption('instagram', 'a'.repeat(2200))).toMatchObject({ length: 2200, remaining: 0, problems: [] });
    expect(checkCaption('instagram', 'a'.repeat(2201)).problems).toEqual(['too_long']);
    expect(checkCaption('tiktok', 'ok', 'j'.repeat(91)).problems).toEqual(['title_too_long']);
    expect(checkCaption('facebook', '  ').problems).toEqual(['empty']);
    const tags = Array.from({ length: 31 }, (_, i) => `#Tag${i}`).join(' ');
    expect(checkCaption('instagram', tags).problems).toEqual(['too_many_hashtags']);
    expect(checkCaption('facebook', tags).problems).toEqual([]);
  });

  // Warnings (text shortened, hashtags dropped) are not shown to staff anywhere, so they have no
  // catalogue text; problems stop publishing and are shown, so each needs one.
  it('has an Indonesian message for every problem', () => {
    for (const k of ['too_long', 'title_too_long', 'too_many_hashtags', 'empty']) expect(messages.id).toHaveProperty(`captions.problem.${k}`);
  });
});

describe('hashtags and plain text', () => {
  it('normalises hashtags to CamelCase without punctuation or accents, deduplicated', () => {
    expect(normalizeHashtag('info warga')).toBe('#InfoWarga');
    expect(normalizeHashtag('#Info-Warga!')).toBe('#InfoWarga');
    expect(normalizeHashtag('Café Kelurahan')).toBe('#CafeKelurahan');
    expect(normalizeHashtag('#🎉')).toBeNull();
    expect(normalizeHashtag('2026')).toBeNull();
    expect(cleanHashtags(['posyandu', '#Posyandu', 'POSYANDU', 'rt 03'])).toEqual(['#Posyandu', '#Rt03']);
  });

  it('turns the editor HTML into readable text and leaves plain text alone', () => {
    expect(toPlainText('<p>Satu &amp; dua</p><p>Tiga<br>empat</p>')).toBe('Satu & dua\n\nTiga\nempat');
    expect(toPlainText('<a href="https://x.go.id">x.go.id</a>', { keepLinkUrls: true })).toBe('x.go.id');
    expect(toPlainText('<p>a</p><script>alert(1)</script>')).toBe('a');
    expect(toPlainText('Baris satu\r\n\r\n\r\nBaris dua  ')).toBe('Baris satu\n\nBaris dua');
    expect(toPlainText('5 < 6 dan 7 > 3')).toBe('5 < 6 dan 7 > 3');
  });
});
