/** @jsxImportSource #html-jsx */
import { markup, raw } from '#html-jsx/jsx-runtime';
import type { Child } from '#html-jsx/jsx-runtime';
import { jsonLdText } from '../../site/seo/json-ld.js';
import type { ShareImage } from '../../site/share-image.js';
import type { SiteLinks } from '../../site/urls.js';
import { SITE_CSS } from './css.js';
import { t } from '../../../i18n/index.js';

export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  type?: 'website' | 'article';
  /** The page's own share picture (a post's photo or card); else the chrome's (unit or portal). */
  image?: ShareImage;
  publishedTime?: string;
  jsonLd?: Record<string, unknown>[];
  feeds?: { rss: string; atom: string };
  noindex?: boolean;
}

export interface FooterInfo {
  alamat: string;
  jam: string[];
  telepon: string;
  whatsapp: string;
  email: string;
  social: { platform: string; url: string }[];
}

export interface Chrome {
  cityName: string;
  /** Unit being shown; absent on the portal. */
  unit?: { name: string; kindLabel: string; parentName?: string; accent?: string; logo?: string };
  links: SiteLinks;
  portalHref: string;
  active?: NavKey;
  footer?: FooterInfo;
  isDemo?: boolean;
  searchAction: string;
  /** The unit's (or portal's) share picture: office photo, logo or generated card. */
  share?: ShareImage;
}

export type NavKey = 'home' | 'profil' | 'berita' | 'pengumuman' | 'agenda' | 'galeri' | 'layanan' | 'informasi' | 'kontak';

const NAV: [NavKey, string][] = [
  ['home', '/'],
  ['profil', '/profil'],
  ['berita', '/berita'],
  ['pengumuman', '/pengumuman'],
  ['agenda', '/agenda'],
  ['galeri', '/galeri'],
  ['layanan', '/layanan'],
  ['informasi', '/informasi-publik'],
  ['kontak', '/kontak'],
];

/** The city emblem slot: a neutral shield until the city uploads its own logo (fixed markup, made once). */
const EMBLEM = (
  <svg class="emblem" viewBox="0 0 40 48" width="32" height="38" aria-hidden="true" focusable="false">
    <path d="M20 1 39 8v15c0 12-8 20-19 24C9 43 1 35 1 23V8z" fill="#fff" stroke="currentColor" stroke-width="2" />
    <path d="M20 9l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z" fill="currentColor" />
  </svg>
);

const safeAccent = (c?: string) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#0b5d3b');

// One icon per accent colour, encoded once (a city has a handful of colours).
const favicons = new Map<string, string>();
const faviconHref = (accent: string) => {
  let href = favicons.get(accent);
  if (!href) {
    href = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 48"><path d="M20 1 39 8v15c0 12-8 20-19 24C9 43 1 35 1 23V8z" fill="${accent}"/></svg>`)}`;
    if (favicons.size < 1000) favicons.set(accent, href);
  }
  return href;
};

// The layout is a tagged template, not JSX: it is the same ~100 elements on every public page,
// and as one string literal with holes it renders several times faster (decision 0006). Holes
// follow the JSX rules (escaped unless Html); optional attributes are written with `attr()`.
export function Layout(props: { meta: PageMeta; chrome: Chrome; children?: Child }) {
  const { meta, chrome } = props;
  const siteName = chrome.unit ? `${chrome.unit.kindLabel} ${chrome.unit.name}` : t('site.portal.title', { city: chrome.cityName });
  const fullTitle = meta.title === siteName ? siteName : `${meta.title} — ${siteName}`;
  const accent = safeAccent(chrome.unit?.accent);
  const unit = chrome.unit;
  // Every public page has a share picture with its size declared (issue 14 point 10).
  const img = meta.image ?? chrome.share;
  // The shield as the tab icon, inline: without it every browser asks for /favicon.ico, a wasted
  // round trip on slow data and a 404 in the console. The CSS is inlined too: one round trip
  // less on slow mobile data, and the page is readable at once.
  return markup`<html lang="id"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${fullTitle}</title><meta name="description" content="${meta.description}"/><link rel="canonical" href="${meta.canonical}"/>${
    meta.noindex ? markup`<meta name="robots" content="noindex"/>` : null
  }<meta name="theme-color" content="${accent}"/><link rel="icon" href="${faviconHref(accent)}"/><meta property="og:site_name" content="${siteName}"/><meta property="og:locale" content="id_ID"/><meta property="og:type" content="${meta.type ?? 'website'}"/><meta property="og:title" content="${meta.title}"/><meta property="og:description" content="${meta.description}"/><meta property="og:url" content="${meta.canonical}"/>${
    img
      ? markup`<meta property="og:image" content="${img.url}"/><meta property="og:image:width" content="${String(img.width)}"/><meta property="og:image:height" content="${String(img.height)}"/><meta property="og:image:alt" content="${img.alt || meta.title}"/>`
      : null
  }${meta.publishedTime ? markup`<meta property="article:published_time" content="${meta.publishedTime}"/>` : null}<meta name="twitter:card" content="${
    img ? 'summary_large_image' : 'summary'
  }"/><meta name="twitter:title" content="${meta.title}"/><meta name="twitter:description" content="${meta.description}"/>${
    img ? markup`<meta name="twitter:image" content="${img.url}"/>` : null
  }${
    meta.feeds
      ? markup`<link rel="alternate" type="application/rss+xml" title="${`${siteName} (RSS)`}" href="${meta.feeds.rss}"/><link rel="alternate" type="application/atom+xml" title="${`${siteName} (Atom)`}" href="${meta.feeds.atom}"/>`
      : null
  }<style>${raw(`${SITE_CSS}:root{--a:${accent}}`)}</style>${(meta.jsonLd ?? []).map((d) => markup`<script type="application/ld+json">${raw(jsonLdText(d))}</script>`)}</head><body><a class="skip" href="#isi">${t('site.skip')}</a><header class="top"><div class="gov"><div class="w"><a href="${chrome.portalHref}">${t('site.gov', { city: chrome.cityName })}</a></div></div><div class="brand w"><a class="home" href="${chrome.links.href('/')}">${
    unit?.logo ? markup`<img class="emblem" src="${unit.logo}" alt="" width="32" height="38"/>` : EMBLEM
  }<span><strong>${siteName}</strong>${unit?.parentName ? markup`<small>${unit.parentName}</small>` : null}</span></a><form class="search" role="search" action="${chrome.searchAction}" method="get"><label for="q" class="sr">${t('site.search.label')}</label><input id="q" name="q" type="search" placeholder="${t('site.search.label')}"/><button type="submit">${t('site.search.button')}</button></form></div>${
    unit
      ? markup`<nav class="nav" aria-label="${t('site.nav.label')}"><ul class="w">${NAV.map(
          ([key, path]) => markup`<li><a href="${chrome.links.href(path)}"${chrome.active === key ? CURRENT : null}>${t(`site.nav.${key}`)}</a></li>`,
        )}</ul></nav>`
      : null
  }</header>${chrome.isDemo ? markup`<div class="demo w"><p>${t('site.footer.demo')}</p></div>` : null}<main id="isi" class="w">${props.children}</main>${footer(chrome, siteName, meta.feeds)}</body></html>`;
}

const CURRENT = raw(' aria-current="page"');

function footer(chrome: Chrome, siteName: string, feeds?: PageMeta['feeds']) {
  const f = chrome.footer;
  return markup`<footer class="foot"><div class="w cols"><div><p class="fn">${siteName}</p>${f?.alamat ? markup`<p>${f.alamat}</p>` : null}${
    f && f.jam.length > 0 ? markup`<p>${t('site.kontak.jam')}:${f.jam.map((j) => markup`<br/>${j}`)}</p>` : null
  }</div><div>${
    f?.telepon ? markup`<p>${t('site.kontak.telepon')}: <a href="${`tel:${f.telepon.replace(/[^+0-9]/g, '')}`}">${f.telepon}</a></p>` : null
  }${f?.whatsapp ? markup`<p>${t('site.kontak.whatsapp')}: <a href="${waLink(f.whatsapp)}">${f.whatsapp}</a></p>` : null}${
    f?.email ? markup`<p>${t('site.kontak.email')}: <a href="${`mailto:${f.email}`}">${f.email}</a></p>` : null
  }${
    f && f.social.length > 0
      ? markup`<ul class="soc" aria-label="${t('site.kontak.sosmed')}">${f.social.map(
          (s) => markup`<li><a href="${s.url}" rel="me noopener">${t(`site.social.${s.platform}`)}</a></li>`,
        )}</ul>`
      : null
  }</div></div><div class="w small"><p>${
    chrome.unit ? t('site.footer.managed', { unit: siteName, city: chrome.cityName }) : t('site.gov', { city: chrome.cityName })
  }${feeds ? markup` · <a href="${feeds.rss}">${t('site.footer.feeds')}</a>` : null}${
    chrome.unit ? markup` · <a href="${chrome.portalHref}">${t('site.nav.portal')}</a>` : null
  }</p></div></footer>`;
}

/** wa.me wants the number in international form without symbols: 0812… → 62812…. */
export function waLink(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `https://wa.me/${digits.startsWith('0') ? `62${digits.slice(1)}` : digits}`;
}
