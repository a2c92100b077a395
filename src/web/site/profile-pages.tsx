/** @jsxImportSource #html-jsx */
import type { Profile } from '../../modules/profile/index.js';
import { BarChart } from '../views/site/bar-chart.js';
import { Crumbs } from '../views/site/components.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { fmtNum } from '../views/site/i18n.js';
import { Layout } from '../views/site/layout.js';
import { type UnitCtx, unitTitle } from './context.js';
import { type Rendered, html } from './render.js';
import { governmentOrganization } from './seo/json-ld.js';

// Profil kelurahan: an overview and one page per section, from the structured profile.

export const PROFILE_PAGES = ['sejarah', 'visi-misi', 'aparatur', 'wilayah', 'lembaga', 'sarana', 'potensi', 'statistik'] as const;
type ProfilePage = (typeof PROFILE_PAGES)[number];

const TITLE_KEY: Record<ProfilePage, MessageKey> = {
  sejarah: 'site.profil.sejarah',
  'visi-misi': 'site.profil.visiMisi',
  aparatur: 'site.profil.aparatur',
  wilayah: 'site.profil.wilayah',
  lembaga: 'site.profil.lembaga',
  sarana: 'site.profil.sarana',
  potensi: 'site.profil.potensi',
  statistik: 'site.profil.statistik',
};

function ProfileNav(props: { ctx: UnitCtx; current?: ProfilePage }) {
  return (
    <nav class="panel" aria-label={t('site.profil.title', { unit: props.ctx.unit.name })}>
      <ul class="soc">
        {PROFILE_PAGES.map((p) => (
          <li>
            <a href={props.ctx.links.href(`/profil/${p}`)} aria-current={props.current === p ? 'page' : undefined}>{t(TITLE_KEY[p])}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const initials = (name: string) =>
  name
    .replace(/^(h\.|hj\.|drs?\.|ir\.)\s*/i, '')
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();

function Aparatur(props: { p: Profile }) {
  const items = [...props.p.aparatur.items].sort((a, b) => a.urutan - b.urutan);
  if (items.length === 0) return <p>{t('site.empty.profile')}</p>;
  const top = items.find((a) => !a.atasanId) ?? items[0]!;
  return (
    <ul class="org">
      {[top, ...items.filter((a) => a !== top)].map((a) => (
        <li class={a === top ? 'lead' : undefined}>
          {a.foto ? (
            <img class="avatar" src={a.foto} alt="" width="72" height="72" loading="lazy" />
          ) : (
            <span class="avatar" aria-hidden="true">{initials(a.nama)}</span>
          )}
          <p><strong>{a.nama}</strong><br /><span class="meta">{a.jabatan}</span></p>
        </li>
      ))}
    </ul>
  );
}

function Statistik(props: { p: Profile }) {
  const s = props.p.statistik;
  const total = (s.lakiLaki ?? 0) + (s.perempuan ?? 0);
  if (!total && s.umur.length === 0) return <p>{t('site.empty.profile')}</p>;
  return (
    <>
      <ul class="stats">
        <li><b>{fmtNum(total)}</b>{t('site.stat.penduduk')}</li>
        {s.lakiLaki !== undefined ? <li><b>{fmtNum(s.lakiLaki)}</b>{t('site.stat.laki')}</li> : null}
        {s.perempuan !== undefined ? <li><b>{fmtNum(s.perempuan)}</b>{t('site.stat.perempuan')}</li> : null}
        {s.jumlahKk !== undefined ? <li><b>{fmtNum(s.jumlahKk)}</b>{t('site.stat.kk')}</li> : null}
      </ul>
      <div class="charts">
        <BarChart id="c-umur" title={t('site.stat.umur')} bars={s.umur} />
        <BarChart id="c-pend" title={t('site.stat.pendidikan')} bars={s.pendidikan} />
        <BarChart id="c-pek" title={t('site.stat.pekerjaan')} bars={s.pekerjaan} />
        <BarChart id="c-aga" title={t('site.stat.agama')} bars={s.agama} />
      </div>
      {s.sumber || s.tahun ? <p class="meta">{t('site.stat.source', { source: s.sumber || '—', year: s.tahun ?? '—' })}</p> : null}
    </>
  );
}

function Wilayah(props: { p: Profile }) {
  const w = props.p.wilayah;
  const batas: [MessageKey, string][] = [
    ['site.profil.utara', w.batasUtara],
    ['site.profil.timur', w.batasTimur],
    ['site.profil.selatan', w.batasSelatan],
    ['site.profil.barat', w.batasBarat],
  ];
  return (
    <>
      <dl class="kv panel">
        {w.luasHa !== undefined ? <><dt>{t('site.profil.luas')}</dt><dd>{t('site.profil.luasHa', { n: fmtNum(w.luasHa) })}</dd></> : null}
        {w.jarakKeKecamatanKm !== undefined ? <><dt>{t('site.profil.jarakKecamatan')}</dt><dd>{t('site.profil.km', { n: fmtNum(w.jarakKeKecamatanKm) })}</dd></> : null}
        {w.jarakKeKotaKm !== undefined ? <><dt>{t('site.profil.jarakKota')}</dt><dd>{t('site.profil.km', { n: fmtNum(w.jarakKeKotaKm) })}</dd></> : null}
        {batas.filter(([, v]) => v).map(([k, v]) => <><dt>{t(k)}</dt><dd>{v}</dd></>)}
      </dl>
      {w.rw.length > 0 ? (
        <>
          <h2>{t('site.profil.rwrt')}</h2>
          <table class="data">
            <thead><tr><th scope="col">RW</th><th scope="col">Ketua RW</th><th scope="col">RT (ketua)</th></tr></thead>
            <tbody>
              {w.rw.map((rw) => (
                <tr>
                  <th scope="row">{rw.nomor}</th>
                  <td>{rw.ketua}</td>
                  <td>{rw.rt.map((rt) => `RT ${rt.nomor}${rt.ketua ? ` (${rt.ketua})` : ''}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

function Items(props: { items: { jenis: string; nama: string; keterangan: string }[] }) {
  if (props.items.length === 0) return <p>{t('site.empty.profile')}</p>;
  return (
    <ul class="grid">
      {props.items.map((i) => (
        <li class="card">
          <span class="tag">{i.jenis}</span>
          <h2 class="h3">{i.nama}</h2>
          {i.keterangan ? <p>{i.keterangan}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Section(props: { ctx: UnitCtx; page: ProfilePage }) {
  const p = props.ctx.profile;
  switch (props.page) {
    case 'sejarah':
      return p.narasi.sejarah ? <div class="prose">{p.narasi.sejarah.split(/\n{2,}/).map((x) => <p>{x}</p>)}</div> : <p>{t('site.empty.profile')}</p>;
    case 'visi-misi':
      return p.narasi.visi || p.narasi.misi.length ? (
        <div class="prose">
          <h2>{t('site.profil.visi')}</h2>
          <p>{p.narasi.visi}</p>
          <h2>{t('site.profil.misi')}</h2>
          <ol>{p.narasi.misi.map((m) => <li>{m}</li>)}</ol>
        </div>
      ) : (
        <p>{t('site.empty.profile')}</p>
      );
    case 'aparatur':
      return <Aparatur p={p} />;
    case 'wilayah':
      return <Wilayah p={p} />;
    case 'lembaga':
      return <Items items={p.lembaga.items} />;
    case 'sarana':
      return <Items items={p.sarana.items} />;
    case 'potensi':
      return <Items items={p.potensi.items} />;
    case 'statistik':
      return <Statistik p={p} />;
  }
}

export function profilePage(ctx: UnitCtx, page?: string): Rendered | null {
  if (page !== undefined && !(PROFILE_PAGES as readonly string[]).includes(page)) return null;
  const sub = page as ProfilePage | undefined;
  const name = unitTitle(ctx.unit);
  const base = t('site.profil.title', { unit: name });
  const i = ctx.profile.identitas;
  return html(
    <Layout
      meta={{
        title: sub ? t(TITLE_KEY[sub]) : base,
        description: sub ? `${t(TITLE_KEY[sub])} ${name}` : `${base}: ${ctx.profile.narasi.visi || t('site.home.welcome', { unit: name })}`.slice(0, 160),
        canonical: ctx.links.canonical(sub ? `/profil/${sub}` : '/profil'),
        jsonLd: sub ? undefined : [governmentOrganization({ name, url: ctx.links.canonical('/'), address: i.alamatKantor, postalCode: i.kodePos, telephone: i.telepon, email: i.email })],
      }}
      chrome={{ ...ctx.chrome, active: 'profil' }}
    >
      <Crumbs items={sub ? [[t('site.nav.home'), ctx.links.href('/')], [t('site.nav.profil'), ctx.links.href('/profil')], [t(TITLE_KEY[sub]), null]] : [[t('site.nav.home'), ctx.links.href('/')], [t('site.nav.profil'), null]]} />
      <h1>{sub ? t(TITLE_KEY[sub]) : base}</h1>
      <ProfileNav ctx={ctx} current={sub} />
      {sub ? (
        <Section ctx={ctx} page={sub} />
      ) : (
        <>
          <section class="panel" aria-labelledby="h-id">
            <h2 id="h-id">{t('site.profil.identitas')}</h2>
            <dl class="kv">
              <dt>{t('site.profil.nama')}</dt><dd>{name}</dd>
              {ctx.parent ? <><dt>{t('site.profil.kecamatan')}</dt><dd>{ctx.parent.name}</dd></> : null}
              {i.kodeWilayah || ctx.unit.code ? <><dt>{t('site.profil.kodeWilayah')}</dt><dd>{i.kodeWilayah || ctx.unit.code}</dd></> : null}
              {i.kodePos ? <><dt>{t('site.profil.kodePos')}</dt><dd>{i.kodePos}</dd></> : null}
              {i.alamatKantor ? <><dt>{t('site.kontak.alamat')}</dt><dd>{i.alamatKantor}</dd></> : null}
              {i.tahunPembentukan ? <><dt>{t('site.profil.tahunPembentukan')}</dt><dd>{i.tahunPembentukan}</dd></> : null}
              {i.dasarHukumPembentukan ? <><dt>{t('site.profil.dasarHukum')}</dt><dd>{i.dasarHukumPembentukan}</dd></> : null}
              {ctx.profile.wilayah.luasHa !== undefined ? <><dt>{t('site.profil.luas')}</dt><dd>{t('site.profil.luasHa', { n: fmtNum(ctx.profile.wilayah.luasHa) })}</dd></> : null}
            </dl>
          </section>
          <h2>{t('site.profil.visiMisi')}</h2>
          <Section ctx={ctx} page="visi-misi" />
          <h2>{t('site.profil.aparatur')}</h2>
          <Aparatur p={ctx.profile} />
          <h2>{t('site.profil.statistik')}</h2>
          <Statistik p={ctx.profile} />
        </>
      )}
    </Layout>,
  );
}
