/** @jsxImportSource #html-jsx */
import type { Child } from '#html-jsx/jsx-runtime';
import { raw } from '#html-jsx/jsx-runtime';
import { sanitizeHtml } from '../../../modules/content/sanitize-html.js';
import { fmtDate, fmtShort, fmtTime, t } from './i18n.js';

/** What a view needs to draw a responsive picture; built from media variants by the route. */
export interface PictureData {
  alt: string;
  width: number;
  height: number;
  src: string;
  sources: { type: string; srcset: string }[];
  sizes?: string;
}

export function Picture(props: { pic: PictureData; eager?: boolean; class?: string }) {
  const p = props.pic;
  return (
    <picture class={props.class}>
      {p.sources.map((s) => (
        <source type={s.type} srcset={s.srcset} sizes={p.sizes ?? '(min-width: 48rem) 40rem, 100vw'} />
      ))}
      <img
        src={p.src}
        alt={p.alt}
        width={p.width}
        height={p.height}
        loading={props.eager ? undefined : 'lazy'}
        decoding="async"
        fetchpriority={props.eager ? 'high' : undefined}
      />
    </picture>
  );
}

export function Crumbs(props: { items: [string, string | null][] }) {
  return (
    <nav aria-label={t('site.breadcrumb')}>
      <ol class="crumbs">
        {props.items.map(([label, href]) => (
          <li>{href ? <a href={href}>{label}</a> : <span aria-current="page">{label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export interface CardItem {
  title: string;
  href: string;
  summary: string;
  date: string;
  kindLabel?: string;
  unitName?: string;
  unitHref?: string;
  event?: { start: string; place: string | null };
  cover?: PictureData | null;
}

export function ItemCard(props: { item: CardItem; headingLevel?: 2 | 3 }) {
  const i = props.item;
  const H = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card">
      {i.cover ? <Picture pic={i.cover} /> : null}
      <H>
        <a href={i.href}>{i.title}</a>
      </H>
      <p class="meta">
        {i.kindLabel ? <span class="tag">{i.kindLabel}</span> : null} {i.event ? (
          <>
            {fmtDate(i.event.start)}, {fmtTime(i.event.start)}
            {i.event.place ? ` · ${i.event.place}` : ''}
          </>
        ) : (
          <time datetime={i.date}>{fmtDate(i.date)}</time>
        )}
        {i.unitName ? (
          <>
            {' · '}
            {i.unitHref ? <a href={i.unitHref}>{i.unitName}</a> : i.unitName}
          </>
        ) : null}
      </p>
      {i.summary ? <p>{i.summary}</p> : null}
    </li>
  );
}

export function CardGrid(props: { items: CardItem[]; headingLevel?: 2 | 3 }) {
  return (
    <ul class="grid">
      {props.items.map((item) => (
        <ItemCard item={item} headingLevel={props.headingLevel} />
      ))}
    </ul>
  );
}

export function Pager(props: { page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t('site.pagination')}>
      {props.page > 1 ? <a href={props.href(props.page - 1)} rel="prev">{t('site.prev')}</a> : <span />}
      <span>{t('site.pageOf', { page: props.page, pages: props.pages })}</span>
      {props.page < props.pages ? <a href={props.href(props.page + 1)} rel="next">{t('site.next')}</a> : <span />}
    </nav>
  );
}

export function Empty(props: { title: string; children?: Child }) {
  return (
    <div class="empty">
      <p><strong>{props.title}</strong></p>
      {props.children}
    </div>
  );
}

/** Body HTML was sanitised on save; sanitising again on render protects rows written earlier. */
export const SafeHtml = (props: { html: string }) => <div class="prose">{raw(sanitizeHtml(props.html))}</div>;

export const ShortDate = (props: { iso: string }) => <time datetime={props.iso}>{fmtShort(props.iso)}</time>;
