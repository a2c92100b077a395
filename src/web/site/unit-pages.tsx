/** @jsxImportSource #html-jsx */
import { getPublicGallery, listPublicDocuments, listPublicGalleries, KIP_CATEGORIES } from '../../modules/content/index.js';
import { searchContent } from '../../db/search.js';
import { offlineServiceCodes } from '../../modules/pelayanan/index.js';
import { CardGrid, Crumbs, Empty, Picture } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import { fmtDate } from '../views/site/i18n.js';
import { Layout, waLink } from '../views/site/layout.js';
import { KIND_PATH, feedsOf } from './content-pages.js';
import { type UnitCtx, jamLines, loadPicture, unitTitle } from './context.js';
import { type Rendered, html } from './render.js';

// Layanan, informasi publik, kontak, galeri and search of one unit.

const home = (ctx: UnitCtx): [string, string] => [t('site.nav.home'), ctx.links.href('/')];

export async function servicesPage(ctx: UnitCtx): Promise<Rendered> {
  const services = (await ctx.services()).filter((s) => s.enabled);
  return html(
    <Layout meta={{ title: t('site.layanan.title'), description: t('site.layanan.intro'), canonical: ctx.links.canonical('/layanan') }} chrome={{ ...ctx.chrome, active: 'layanan' }}>
      <Crumbs items={[home(ctx), [t('site.layanan.title'), null]]} />
      <h1>{t('site.layanan.title')}</h1>
      <p>{t('site.layanan.intro')}</p>
      <p><a class="btn" href={ctx.links.href('/layanan/lacak')}>{t('pel.form.track_link')}</a> <a class="btn" href={ctx.links.href('/pengaduan')}>{t('pel.form.complaint_link')}</a></p>
      <ul class="grid">
        {services.map((s) => (
          <li class="card">
            <h2 class="h3"><a href={ctx.links.href(`/layanan/${s.code}`)}>{s.name}</a></h2>
            <p>{s.summary}</p>
            <p class="meta">{s.waktu} · {s.biaya}</p>
          </li>
        ))}
      </ul>
    </Layout>,
  );
}

export async function serviceDetailPage(ctx: UnitCtx, code: string): Promise<Rendered | null> {
  // Same rule as getUnitService (an enabled service of this unit), from the unit's memo.
  const s = (await ctx.services()).find((x) => x.code === code && x.enabled);
  if (!s) return null;
  const wa = ctx.profile.identitas.whatsapp;
  // Online requests (issue 17): every enabled layanan unless the unit switched its form off.
  const online = !(await offlineServiceCodes(ctx.deps.db, ctx.unit.id)).has(s.code);
  return html(
    <Layout meta={{ title: s.name, description: s.summary || s.name, canonical: ctx.links.canonical(`/layanan/${s.code}`) }} chrome={{ ...ctx.chrome, active: 'layanan' }}>
      <Crumbs items={[home(ctx), [t('site.layanan.title'), ctx.links.href('/layanan')], [s.name, null]]} />
      <h1>{s.name}</h1>
      {s.summary ? <p>{s.summary}</p> : null}
      {online ? (
        <section class="hero">
          <p><a class="btn" href={ctx.links.href(`/layanan/${s.code}/ajukan`)}>{t('pel.form.apply')}</a></p>
          <p>{t('pel.form.apply_hint')} <a href={ctx.links.href('/layanan/lacak')}>{t('pel.form.track_link')}</a></p>
        </section>
      ) : null}
      <dl class="kv panel">
        <dt>{t('site.layanan.waktu')}</dt><dd>{s.waktu}</dd>
        <dt>{t('site.layanan.biaya')}</dt><dd>{s.biaya}</dd>
        <dt>{t('site.layanan.produk')}</dt><dd>{s.produk}</dd>
        <dt>{t('site.layanan.channel')}</dt><dd>{s.channels.map((c) => t(`site.channel.${c}`)).join('; ')}</dd>
      </dl>
      <section class="panel"><h2>{t('site.layanan.persyaratan')}</h2><ul>{s.persyaratan.map((x) => <li>{x}</li>)}</ul></section>
      <section class="panel"><h2>{t('site.layanan.prosedur')}</h2><ol class="steps">{s.prosedur.map((x) => <li>{x}</li>)}</ol></section>
      <section class="panel"><h2>{t('site.layanan.dasarHukum')}</h2><ul>{s.dasarHukum.map((x) => <li>{x}</li>)}</ul></section>
      <section class="panel">
        <h2>{t('site.layanan.pengaduan')}</h2>
        <p>{s.pengaduan}</p>
        <p><a href={ctx.links.href('/pengaduan')}>{t('pel.form.complaint_link')}</a></p>
        {wa && s.channels.includes('whatsapp') ? <p><a class="btn" href={waLink(wa)}>{t('site.kontak.chatWa')}</a></p> : null}
      </section>
      {s.catatan ? <p class="panel"><strong>{t('site.layanan.catatan')}:</strong> {s.catatan}</p> : null}
    </Layout>,
  );
}

export async function documentsPage(ctx: UnitCtx): Promise<Rendered> {
  const docs = await listPublicDocuments(ctx.deps.db, { unitId: ctx.unit.id, now: ctx.now });
  return html(
    <Layout meta={{ title: t('site.informasi.title'), description: t('site.informasi.intro'), canonical: ctx.links.canonical('/informasi-publik') }} chrome={{ ...ctx.chrome, active: 'informasi' }}>
      <Crumbs items={[home(ctx), [t('site.informasi.title'), null]]} />
      <h1>{t('site.informasi.title')}</h1>
      <p>{t('site.informasi.intro')}</p>
      {KIP_CATEGORIES.map((cat) => (
        <section class="panel">
          <h2>{t(`site.kip.${cat}`)}</h2>
          {cat === 'dikecualikan' ? <p class="meta">{t('site.kip.dikecualikanNote')}</p> : null}
          {docs[cat].length === 0 ? (
            <p>{t('site.kip.empty')}</p>
          ) : (
            <ul class="list">
              {docs[cat].map((d) => (
                <li>
                  <strong>{d.title}</strong>
                  {d.year ? ` (${d.year})` : ''}
                  {d.description ? <><br />{d.description}</> : null}
                  {d.file_url ? <> · <a href={d.file_url}>{t('site.kip.download')}<span class="sr">: {d.title}</span></a></> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>,
  );
}

export function contactPage(ctx: UnitCtx): Rendered {
  const i = ctx.profile.identitas;
  const hasLoc = i.lat !== undefined && i.lng !== undefined;
  return html(
    <Layout meta={{ title: t('site.kontak.title'), description: `${t('site.kontak.title')} ${unitTitle(ctx.unit)}: ${i.alamatKantor}`.slice(0, 160), canonical: ctx.links.canonical('/kontak') }} chrome={{ ...ctx.chrome, active: 'kontak' }}>
      <Crumbs items={[home(ctx), [t('site.kontak.title'), null]]} />
      <h1>{t('site.kontak.title')}</h1>
      <dl class="kv panel">
        <dt>{t('site.kontak.alamat')}</dt>
        <dd>{i.alamatKantor ? `${i.alamatKantor} ${i.kodePos}` : '—'}</dd>
        {i.telepon ? <><dt>{t('site.kontak.telepon')}</dt><dd><a href={`tel:${i.telepon.replace(/[^+0-9]/g, '')}`}>{i.telepon}</a></dd></> : null}
        {i.whatsapp ? <><dt>{t('site.kontak.whatsapp')}</dt><dd><a href={waLink(i.whatsapp)}>{i.whatsapp}</a></dd></> : null}
        {i.email ? <><dt>{t('site.kontak.email')}</dt><dd><a href={`mailto:${i.email}`}>{i.email}</a></dd></> : null}
        {jamLines(ctx.profile).length > 0 ? <><dt>{t('site.kontak.jam')}</dt><dd>{jamLines(ctx.profile).map((j) => <>{j}<br /></>)}</dd></> : null}
      </dl>
      {/* The map is a link, not an embed: it costs nothing on slow data and works without JavaScript. */}
      {hasLoc ? <p><a class="btn" href={`https://www.openstreetmap.org/?mlat=${i.lat}&mlon=${i.lng}#map=17/${i.lat}/${i.lng}`}>{t('site.kontak.peta')}</a></p> : null}
      {i.media.length > 0 ? (
        <section class="panel">
          <h2>{t('site.kontak.sosmed')}</h2>
          <ul class="list">{i.media.map((m) => <li><a href={m.url} rel="me noopener">{t(`site.social.${m.platform}`)}</a></li>)}</ul>
        </section>
      ) : null}
    </Layout>,
  );
}

export async function galleriesPage(ctx: UnitCtx): Promise<Rendered> {
  const galleries = await listPublicGalleries(ctx.deps.db, { unitId: ctx.unit.id, now: ctx.now });
  const cards = await Promise.all(
    galleries.map(async (g) => ({
      title: g.title,
      href: ctx.links.href(`/galeri/${g.slug}`),
      summary: t('site.galeri.photos', { n: g.photos.length }),
      date: g.publish_at ?? g.created_at,
      cover: g.photos[0] ? (await loadPicture(ctx.deps.db, ctx.unit.id, g.photos[0].media_id, g.photos[0].alt, '(min-width: 48rem) 22rem, 100vw')).pic : null,
    })),
  );
  const what = t('site.what.galeri');
  return html(
    <Layout meta={{ title: t('site.nav.galeri'), description: `${t('site.nav.galeri')} ${unitTitle(ctx.unit)}`, canonical: ctx.links.canonical('/galeri') }} chrome={{ ...ctx.chrome, active: 'galeri' }}>
      <Crumbs items={[home(ctx), [t('site.nav.galeri'), null]]} />
      <h1>{t('site.nav.galeri')}</h1>
      {cards.length === 0 ? <Empty title={t('site.empty.title', { what })}><p>{t('site.empty.unit', { what })}</p></Empty> : <CardGrid items={cards} headingLevel={2} />}
    </Layout>,
  );
}

export async function galleryPage(ctx: UnitCtx, slug: string): Promise<Rendered | null> {
  const r = await getPublicGallery(ctx.deps.db, { unitId: ctx.unit.id, slug, now: ctx.now });
  if (!r.ok) return null;
  const g = r.value;
  const pics = await Promise.all(g.photos.map(async (p) => ({ p, pic: (await loadPicture(ctx.deps.db, ctx.unit.id, p.media_id, p.alt, '(min-width: 48rem) 22rem, 100vw')).pic })));
  return html(
    <Layout meta={{ title: g.title, description: g.description || g.title, canonical: ctx.links.canonical(`/galeri/${g.slug}`) }} chrome={{ ...ctx.chrome, active: 'galeri' }}>
      <Crumbs items={[home(ctx), [t('site.nav.galeri'), ctx.links.href('/galeri')], [g.title, null]]} />
      <h1>{g.title}</h1>
      <p class="meta">{fmtDate(g.publish_at ?? g.created_at)}</p>
      {g.description ? <p>{g.description}</p> : null}
      <ul class="grid">
        {pics.filter((x) => x.pic).map(({ p, pic }) => (
          <li class="card"><Picture pic={pic!} />{p.caption ? <p>{p.caption}</p> : null}</li>
        ))}
      </ul>
    </Layout>,
  );
}

export async function unitSearchPage(ctx: UnitCtx, q: string): Promise<Rendered> {
  const query = q.trim().slice(0, 100);
  const hits = query ? await searchContent(ctx.deps.db, { query, now: ctx.now.toISOString(), unitIds: [ctx.unit.id] }) : [];
  return html(
    <Layout meta={{ title: t('site.search.title'), description: t('site.search.title'), canonical: ctx.links.canonical('/cari'), noindex: true, feeds: feedsOf(ctx) }} chrome={ctx.chrome}>
      <h1>{query ? t('site.search.for', { q: query }) : t('site.search.title')}</h1>
      <SearchForm action={ctx.links.href('/cari')} q={query} />
      {!query ? <p>{t('site.search.prompt')}</p> : hits.length === 0 ? <p>{t('site.search.none', { q: query })}</p> : (
        <CardGrid
          headingLevel={2}
          items={hits.map((h) => ({ title: h.title, href: ctx.links.href(`/${KIND_PATH[h.kind as 'berita']}/${h.slug}`), summary: h.summary, date: h.publishAt, kindLabel: t(`site.kind.${h.kind}`) }))}
        />
      )}
    </Layout>,
  );
}

export function SearchForm(props: { action: string; q: string }) {
  return (
    <form class="search panel" role="search" action={props.action} method="get">
      <label for="q2" class="sr">{t('site.search.label')}</label>
      <input id="q2" name="q" type="search" value={props.q} />
      <button type="submit">{t('site.search.button')}</button>
    </form>
  );
}
