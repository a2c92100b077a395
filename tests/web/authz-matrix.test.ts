import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSiteDemo } from '../../src/main/demo/site-content.js';
import { createDraft, publishDraft, saveDraft } from '../../src/modules/composer/index.js';
import { actorById } from '../../src/modules/accounts/index.js';
import { findUnitBySlug } from '../../src/modules/units/index.js';
import { createApp } from '../../src/web/app.js';
import { createTestApp, csrfFrom, formBody, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { ROUTES, type Outcome, type RouteRule, type Who } from './authz-routes.js';
import { pelayananFixtures } from '../pelayanan/authz-routes.js';

const WHO: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin', walikota: 'walikota', camat: 'camat.bukit-intan', pendamping: 'pendamping', lurah: 'lurah.bacang', operator: 'operator.bacang',
};

function outcomeOf(res: Response): Outcome | `unexpected ${number}` {
  if (res.status === 403) return 'deny';
  const loc = res.headers.get('location') ?? '';
  if (res.status === 303 && loc.startsWith('/admin/masuk')) return 'login';
  if (res.status === 404) return 'missing';
  if (res.status === 401 || res.status >= 500) return `unexpected ${res.status}`;
  return 'allow';
}

const expectations = (rule: RouteRule): { unit: 'own' | 'other' | null; expect: Partial<Record<Who, Outcome>> }[] =>
  'own' in rule.expect ? [{ unit: 'own', expect: rule.expect.own }, { unit: 'other', expect: rule.expect.other }] : [{ unit: null, expect: rule.expect }];

describe(`authorisation matrix on ${testEngine()}`, () => {
  let a: TestApp;
  const sessions = {} as Record<Exclude<Who, 'anonymous'>, Session>;
  let targetUserId = '';
  const fixtures: Record<string, string> = {};
  beforeAll(async () => {
    a = await createTestApp();
    for (const [who, username] of Object.entries(WHO)) sessions[who as keyof typeof WHO] = await a.loginAs(username);
    targetUserId = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.asam').executeTakeFirstOrThrow()).id;
    // Items of Bacang (the own unit) for routes that act on one item.
    await seedSiteDemo(a.t.db, a.clock);
    const bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    fixtures.$content = (await a.t.db.selectFrom('content_items').select('id').where('unit_id', '=', bacang).executeTakeFirstOrThrow()).id;
    fixtures.$document = (await a.t.db.selectFrom('public_documents').select('id').where('unit_id', '=', bacang).executeTakeFirstOrThrow()).id;
    const draft = await createDraft(a.deps, { unitId: bacang, userId: null, template: 'berita', text: { body: 'Draf untuk uji akses.', hashtags: [] } });
    if (!draft.ok) throw new Error(draft.error);
    fixtures.$draft = draft.value.id;
    // A draft that is out already: "Hapus draf" refuses it whoever asks, so it stays for every role.
    const published = await createDraft(a.deps, { unitId: bacang, userId: null, template: 'berita', text: { body: 'Sudah terbit.', hashtags: [] } });
    if (!published.ok) throw new Error(published.error);
    await a.t.db.updateTable('composer_drafts').set({ status: 'published', published_at: a.clock.now().toISOString() }).where('id', '=', published.value.id).execute();
    fixtures.$publishedDraft = published.value.id;
    // A post that went out through the composer (website copy and all), for the after-publishing routes.
    const composer = a.deps.services.composer();
    const post = await createDraft(composer, { unitId: bacang, userId: null, template: 'berita', text: { body: 'Isi kabar yang sudah terbit.', hashtags: [] } });
    if (!post.ok) throw new Error(post.error);
    await saveDraft(composer, { unitId: bacang, draftId: post.value.id, userId: null, patch: { title: 'Kabar yang sudah terbit' } });
    const unitRow = (await findUnitBySlug(a.t.db, a.deps.config.region, 'bacang'))!;
    const admin = (await actorById(a.t.db, (await a.t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id))!;
    const out = await publishDraft(composer, { actor: admin, unit: unitRow, draftId: post.value.id });
    if (!out.ok) throw new Error(`publish: ${out.error}`);
    fixtures.$publishedPost = post.value.id;
    // Pelayanan (issue 17): a citizen's request of Bacang and one of its documents.
    Object.assign(fixtures, await pelayananFixtures(a.t.db));
  });
  afterAll(async () => a.close());

  it('has a rule for every staff route the app registers', () => {
    const app = createApp(a.deps);
    const registered = new Set(
      app.routes.filter((r) => r.path.startsWith('/admin') && r.method !== 'ALL' && r.path !== '/admin/masuk' && r.path !== '/admin/keluar').map((r) => `${r.method} ${r.path}`),
    );
    const covered = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    expect([...registered].filter((r) => !covered.has(r)), 'routes without a rule in tests/web/authz-routes.ts').toEqual([]);
  });

  for (const rule of ROUTES) {
    for (const { unit, expect: table } of expectations(rule)) {
      it(`${rule.method} ${rule.route}${unit ? ` (${unit} unit)` : ''}`, async () => {
        const slug = unit === 'other' ? 'gabek-satu' : 'bacang';
        let path = rule.route.replace(':slug', slug);
        for (const [name, value] of Object.entries(rule.params ?? {})) path = path.replace(`:${name}`, value.startsWith('$') ? fixtures[value]! : value);
        path = path.replace(':id', targetUserId);
        const got: Record<string, string> = {};
        const want: Record<string, string> = {};
        for (const who of Object.keys(table) as Who[]) {
          want[who] = table[who]!;
          let res: Response;
          if (who === 'anonymous') {
            if (rule.method === 'GET') res = await a.request(path);
            else {
              // A visitor with a valid pre-login CSRF token, so that login is what stops them.
              const form = await a.request('/admin/masuk');
              const cookie = form.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
              res = await a.request(path, { method: 'POST', cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ _csrf: csrfFrom(await form.text()), ...(rule.form ?? {}) }) });
            }
          } else {
            const s = sessions[who];
            res = rule.method === 'GET' ? await s.get(path) : await s.post(path, rule.form ?? {});
          }
          got[who] = outcomeOf(res);
        }
        expect(got).toEqual(want);
      });
    }
  }
});
