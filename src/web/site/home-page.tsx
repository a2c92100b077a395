/** @jsxImportSource #html-jsx */
import { listBerandaContent } from '../../modules/content/index.js';
import { headOf } from '../../modules/profile/index.js';
import { provinceNameOf } from '../../modules/units/index.js';
import { markup } from '#html-jsx/jsx-runtime';
import { CardGrid, Empty } from '../views/site/components.js';
import { t } from '../../i18n/index.js';
import { fmtEvent } from '../views/site/i18n.js';
import { Layout, waLink } from '../views/site/layout.js';
import { cardOf, feedsOf } from './content-pages.js';
import { type UnitCtx, unitTitle } from './context.js';
import { type Rendered, html } from './render.js';
import { headTitleOf } from './head-title.js';
import { governmentOrganization } from './seo/json-ld.js';

// Beranda of a unit: sambutan, latest pengumuman and berita, agenda, featured layanan, kontak.
// A kelurahan that has published nothing yet still gets a useful page (services and contact
// always exist), with a plain note instead of empty boxes. The body is a tagged template, like
// the layout: the beranda is the most visited page and is rendered after every publish of the
// unit (decision 0006).

export async function homePage(ctx: UnitCtx): Promise<Rendered> {
  const [{ berita, pengumuman, agenda }, services] = await Promise.all([
    listBerandaContent(ctx.deps.db, { unitId: ctx.unit.id, now: ctx.now, berita: 4, pengumuman: 3, agenda: 3 }),
    ctx.services(),
  ]);
  const p = ctx.profile;
  const name = unitTitle(ctx.unit);
  const head = headOf(p);
  const headTitle = headTitleOf(ctx.unit, head);
  const featured = services.filter((s) => s.enabled && s.featured);
  const shownServices = (featured.length > 0 ? featured : services.filter((s) => s.enabled)).slice(0, 4);
  const nothingYet = berita.length === 0 && pengumuman.length === 0 && agenda.length === 0;
  const i = p.identitas;
  const description = p.narasi.sambutanLurah
    ? p.narasi.sambutanLurah.slice(0, 155).replace(/\s+\S*$/, '…')
    : t('site.home.welcome', { unit: name });

  return html(
    <Layout
      meta={{
        title: name,
        description,
        canonical: ctx.links.canonical('/'),
        feeds: feedsOf(ctx),
        jsonLd: [
          governmentOrganization({
            name,
            url: ctx.links.canonical('/'),
            address: i.alamatKantor,
            postalCode: i.kodePos,
            locality: ctx.cityName,
            region: provinceNameOf(ctx.unit.region_code),
            telephone: i.telepon,
            email: i.email,
            parentName: ctx.parent ? unitTitle(ctx.parent) : undefined,
            sameAs: i.media.map((m) => m.url),
          }),
        ],
      }}
      chrome={{ ...ctx.chrome, active: 'home' }}
    >
      {markup`<h1 class="sr">${name}</h1><section class="hero" aria-labelledby="sambutan"><h2 id="sambutan">${t('site.home.sambutan', { jabatan: headTitle })}</h2>${
        p.narasi.sambutanLurah
          ? p.narasi.sambutanLurah.split(/\n{2,}/).slice(0, 2).map((para) => markup`<p>${para}</p>`)
          : markup`<p>${t('site.home.welcome', { unit: name })}</p>`
      }${head ? markup`<p><strong>${head.nama}</strong>, ${ctx.unit.kind === 'opd' ? head.jabatan : t('site.home.headOf', { unit: ctx.unit.name })}</p>` : null}<p><a href="${ctx.links.href('/profil')}">${t('site.readMore')}: ${t('site.nav.profil')}</a></p></section>${
        nothingYet
          ? Empty({ title: t('site.empty.title', { what: t('site.what.berita') }), children: markup`<p>${t('site.empty.unit', { what: t('site.what.berita') })}</p>` })
          : null
      }<div class="two"><div>${
        pengumuman.length > 0
          ? markup`<section aria-labelledby="h-peng"><h2 id="h-peng">${t('site.home.latestAnnouncements')}</h2>${CardGrid({ items: pengumuman.map((r) => cardOf(ctx, r)) })}<p><a href="${ctx.links.href('/pengumuman')}">${t('site.seeAll', { what: t('site.what.pengumuman') })}</a></p></section>`
          : null
      }${
        berita.length > 0
          ? markup`<section aria-labelledby="h-berita"><h2 id="h-berita">${t('site.home.latestNews')}</h2>${CardGrid({ items: berita.map((r) => cardOf(ctx, r)) })}<p><a href="${ctx.links.href('/berita')}">${t('site.seeAll', { what: t('site.what.berita') })}</a></p></section>`
          : null
      }</div><div>${
        agenda.length > 0
          ? markup`<section class="panel" aria-labelledby="h-agenda"><h2 id="h-agenda">${t('site.home.upcoming')}</h2><ul class="list">${agenda.map(
              (a) =>
                markup`<li><a href="${cardOf(ctx, a).href}">${a.title}</a><br/><span class="meta"><time datetime="${a.event_start ?? ''}">${fmtEvent(a.event_start!)}</time>${a.event_place ? ` · ${a.event_place}` : ''}</span></li>`,
            )}</ul></section>`
          : null
      }<section class="panel" aria-labelledby="h-layanan"><h2 id="h-layanan">${t('site.home.services')}</h2><ul class="list">${shownServices.map(
        (s) => markup`<li><a href="${ctx.links.href(`/layanan/${s.code}`)}">${s.name}</a><br/><span class="meta">${s.waktu} · ${s.biaya}</span></li>`,
      )}</ul><p><a href="${ctx.links.href('/layanan')}">${t('site.seeAll', { what: t('site.what.layanan') })}</a></p></section><section class="panel" aria-labelledby="h-kontak"><h2 id="h-kontak">${t('site.home.contact')}</h2>${
        i.alamatKantor ? markup`<p>${i.alamatKantor} ${i.kodePos}</p>` : null
      }${ctx.chrome.footer?.jam.map((j) => markup`<p class="meta">${j}</p>`)}${
        i.whatsapp ? markup`<p><a class="btn" href="${waLink(i.whatsapp)}">${t('site.kontak.chatWa')}</a></p>` : null
      }<p><a href="${ctx.links.href('/kontak')}">${t('site.nav.kontak')}</a></p></section></div></div>`}
    </Layout>,
  );
}
