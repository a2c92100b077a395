/** @jsxImportSource #html-jsx */
import type { Child } from '#html-jsx/jsx-runtime';
import { markup, raw } from '#html-jsx/jsx-runtime';
import { sanitizeHtml } from '../../../modules/content/index.js';
import { t } from '../../../i18n/index.js';
import { fmtDate, fmtTime } from './i18n.js';

/** What a view needs to draw a responsive picture; built from media variants by the route. */
export interface PictureData {
  alt: string;
  width: number;
  height: number;
  src: string;
  sources: { type: string; srcset: string }[];
  sizes?: string;
}

// Pictures, breadcrumbs and cards are tagged templates like the layout (decision 0006): a list
// page repeats them, and a template makes no element objects.
export function Picture(props: { pic: PictureData; eager?: boolean; class?: string }) {
  const p = props.pic;
  const sizes = p.sizes ?? '(min-width: 48rem) 40rem, 100vw';
  return markup`<picture${props.class ? markup` class="${props.class}"` : null}>${p.sources.map(
    (s) => markup`<source type="${s.type}" srcset="${s.srcset}" sizes="${sizes}"/>`,
  )}<img src="${p.src}" alt="${p.alt}" width="${p.width}" height="${p.height}"${props.eager ? null : LAZY} decoding="async"${props.eager ? HIGH : null}/></picture>`;
}
const LAZY = raw(' loading="lazy"');
const HIGH = raw(' fetchpriority="high"');

export function Crumbs(props: { items: [string, string | null][] }) {
  return markup`<nav aria-label="${t('site.breadcrumb')}"><ol class="crumbs">${props.items.map(
    ([label, href]) => markup`<li>${href ? markup`<a href="${href}">${label}</a>` : markup`<span aria-current="page">${label}</span>`}</li>`,
  )}</ol></nav>`;
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
  const h = props.headingLevel === 2 ? 'h2' : 'h3';
  const when = i.event
    ? markup`${fmtDate(i.event.start)}, ${fmtTime(i.event.start)}${i.event.place ? ` · ${i.event.place}` : ''}`
    : markup`<time datetime="${i.date}">${fmtDate(i.date)}</time>`;
  const unit = i.unitName ? markup` · ${i.unitHref ? markup`<a href="${i.unitHref}">${i.unitName}</a>` : i.unitName}` : null;
  return markup`<li class="card">${i.cover ? Picture({ pic: i.cover }) : null}<${raw(h)}><a href="${i.href}">${i.title}</a></${raw(h)}><p class="meta">${
    i.kindLabel ? markup`<span class="tag">${i.kindLabel}</span>` : null
  } ${when}${unit}</p>${i.summary ? markup`<p>${i.summary}</p>` : null}</li>`;
}

export function CardGrid(props: { items: CardItem[]; headingLevel?: 2 | 3 }) {
  return markup`<ul class="grid">${props.items.map((item) => ItemCard({ item, headingLevel: props.headingLevel }))}</ul>`;
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
