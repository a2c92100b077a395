/** @jsxImportSource #html-jsx */
import type { ContentKind } from '../../db/schema/site.js';
import { type ContentCardRow, getPublicContent, listPublicContent } from '../../modules/content/index.js';
import { CardGrid, type CardItem, Crumbs, Empty, Pager, Picture, SafeHtml } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import { fmtDate, fmtDayDate, fmtTime } from '../views/site/i18n.js';
import { Layout } from '../views/site/layout.js';
import { type UnitCtx, loadPicture, unitTitle } from './context.js';
import { type Rendered, html } from './render.js';
import { eventLd, governmentOrganization, newsArticle } from './seo/json-ld.js';

// Lists and detail pages of berita, pengumuman, agenda and static pages (halaman).

export const KIND_PATH: Record<ContentKind, string> = { berita: 'berita', pengumuman: 'pengumuman', agenda: 'agenda', halaman: 'halaman' };

/** A card of a public item (a row of a public query, so it has its publish time). */
export function cardOf(ctx: Pick<UnitCtx, 'links'>, row: ContentCardRow, extra: Partial<CardItem> = {}): CardItem {
  return {
    title: row.title,
    href: ctx.links.href(`/${KIND_PATH[row.kind]}/${row.slug}`),
    summary: row.summary,
    date: row.publish_at!, // the public filter requires it (publish_at is not null)
    event: row.kind === 'agenda' && row.event_start ? { start: row.event_start, place: row.event_place } : undefined,
    ...extra,
  };
}

export const feedsOf = (ctx: UnitCtx) => ({ rss: ctx.links.canonical('/feed.xml'), atom: ctx.links.canonical('/atom.xml') });

export async function contentListPage(ctx: UnitCtx, kind: 'berita' | 'pengumuman' | 'agenda', page: number): Promise<Rendered> {
  const list = await listPublicContent(ctx.deps.db, { unitIds: [ctx.unit.id], kinds: [kind], now: ctx.now, page, perPage: 12 });
  const label = t(`site.kind.${kind}`);
  const what = t(`site.what.${kind}`);
  const path = `/${KIND_PATH[kind]}`;
  const cards = await Promise.all(
    list.items.map(async (r) => cardOf(ctx, r, { cover: (await loadPicture(ctx.deps.db, ctx.unit.id, r.cover_media_id, r.cover_alt, '(min-width: 48rem) 22rem, 100vw')).pic })),
  );
  const title = list.page > 1 ? `${label} (${t('site.pageOf', { page: list.page, pages: list.pages })})` : label;
  return html(
    <Layout
      meta={{ title, description: `${label} ${unitTitle(ctx.unit)}`, canonical: ctx.links.canonical(list.page > 1 ? `${path}?halaman=${list.page}` : path), feeds: feedsOf(ctx) }}
      chrome={{ ...ctx.chrome, active: kind }}
    >
      <Crumbs items={[[t('site.nav.home'), ctx.links.href('/')], [label, null]]} />
      <h1>{title}</h1>
      {cards.length === 0 ? (
        <Empty title={t('site.empty.title', { what })}>
          <p>{t('site.empty.unit', { what })}</p>
        </Empty>
      ) : (
        <CardGrid items={cards} headingLevel={2} />
      )}
      <Pager page={list.page} pages={list.pages} href={(p) => ctx.links.href(p === 1 ? path : `${path}?halaman=${p}`)} />
    </Layout>,
  );
}

export async function contentDetailPage(ctx: UnitCtx, kind: ContentKind, slug: string): Promise<Rendered | null> {
  const r = await getPublicContent(ctx.deps.db, { unitId: ctx.unit.id, kind, slug, now: ctx.now });
  if (!r.ok) return null;
  const item = r.value;
  const url = ctx.links.canonical(`/${KIND_PATH[kind]}/${item.slug}`);
  const { pic, og } = await loadPicture(ctx.deps.db, ctx.unit.id, item.cover_media_id, item.cover_alt);
  const ogAbs = og ? `${ctx.deps.config.publicUrl}${og.path}` : undefined;
  const published = new Date(item.publish_at!);
  const org = unitTitle(ctx.unit);
  const jsonLd =
    kind === 'agenda' && item.event_start
      ? eventLd({
          name: item.title,
          url,
          description: item.summary,
          start: new Date(item.event_start),
          end: item.event_end ? new Date(item.event_end) : undefined,
          place: item.event_place ?? '',
          image: ogAbs,
          organizer: org,
          organizerUrl: ctx.links.canonical('/'),
        })
      : kind === 'halaman'
        ? governmentOrganization({ name: org, url: ctx.links.canonical('/') })
        : newsArticle({
            headline: item.title,
            url,
            description: item.summary,
            image: ogAbs,
            published,
            modified: new Date(item.updated_at),
            author: item.author_name || org,
            publisher: { name: org },
          });
  const label = t(`site.kind.${kind}`);
  return html(
    <Layout
      meta={{
        title: item.title,
        description: item.summary || item.title,
        canonical: url,
        type: kind === 'halaman' ? 'website' : 'article',
        image: og && ogAbs ? { url: ogAbs, width: og.width, height: og.height, alt: item.cover_alt || item.title } : undefined,
        publishedTime: kind === 'halaman' ? undefined : published.toISOString(),
        jsonLd: [jsonLd],
        feeds: feedsOf(ctx),
      }}
      chrome={{ ...ctx.chrome, active: kind === 'halaman' ? undefined : kind }}
    >
      <Crumbs items={[[t('site.nav.home'), ctx.links.href('/')], ...(kind === 'halaman' ? [] : [[label, ctx.links.href(`/${KIND_PATH[kind]}`)] as [string, string]]), [item.title, null]]} />
      <article>
        <h1>{item.title}</h1>
        {kind !== 'halaman' ? (
          <p class="meta">
            <span class="tag">{label}</span> <time datetime={published.toISOString()}>{t('site.published', { date: fmtDate(published) })}</time>
            {item.author_name ? <> · {t('site.by', { author: item.author_name })}</> : null}
          </p>
        ) : null}
        {kind === 'agenda' && item.event_start ? (
          <dl class="kv panel">
            <dt>{t('site.agenda.when')}</dt>
            <dd>
              {fmtDayDate(item.event_start)}, {fmtTime(item.event_start)}
              {item.event_end ? ` – ${fmtTime(item.event_end)}` : ''}
            </dd>
            <dt>{t('site.agenda.where')}</dt>
            <dd>{item.event_place}</dd>
          </dl>
        ) : null}
        {pic ? <Picture pic={pic} eager class="cover" /> : null}
        <SafeHtml html={item.body_html} />
      </article>
    </Layout>,
  );
}
