import type { SocialFakes } from '../../src/fakes/social/index.js';
import { startSocialFakes } from '../../src/fakes/social/index.js';
import { createTestApp, formBody, type Session, type TestApp } from '../support/test-app.js';

// The app in process with its Meta and TikTok apps pointed at the loopback contract fakes, as
// the demo does, so OAuth, publishing and manual checks run for real without any internet.

export interface ChannelsWorld {
  a: TestApp;
  fakes: SocialFakes;
  close(): Promise<void>;
}

export async function channelsWorld(): Promise<ChannelsWorld> {
  const fakes = await startSocialFakes({ options: { containerPendingReads: 0, tiktokPendingReads: 0 } });
  const a = await createTestApp({
    publicUrl: 'http://localhost',
    graphApiBase: fakes.graphUrl,
    tiktokApiBase: fakes.url,
    facebookAppId: fakes.options.facebookApp.id,
    facebookAppSecret: fakes.options.facebookApp.secret,
    tiktokClientKey: fakes.options.tiktokApp.key,
    tiktokClientSecret: fakes.options.tiktokApp.secret,
  });
  return { a, fakes, close: async () => { await a.close(); await fakes.close(); } };
}

/** Cookies a response sets, as name=value pairs. */
export function setCookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

/** A browser-like jar on top of a signed-in session: keeps the pending-OAuth cookie between steps. */
export function browser(a: TestApp, s: Session) {
  let extra = '';
  const cookie = () => (extra ? `${s.cookie}; ${extra}` : s.cookie);
  const keep = (res: Response) => {
    const c = setCookies(res);
    if ('beranda_oauth' in c) extra = c.beranda_oauth ? `beranda_oauth=${c.beranda_oauth}` : '';
    return res;
  };
  return {
    get: async (path: string) => keep(await a.request(path, { cookie: cookie() })),
    post: async (path: string, form: Record<string, string> = {}) =>
      keep(
        await a.request(path, {
          method: 'POST',
          cookie: cookie(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody({ _csrf: s.csrf, ...form }),
        }),
      ),
    oauthCookie: () => extra,
    setOauthCookie: (v: string) => void (extra = v),
  };
}

export async function unitId(a: TestApp, slug: string): Promise<string> {
  return (await a.t.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

export async function channelOf(a: TestApp, unit: string, platform: string) {
  return a.t.db.selectFrom('channel_accounts').selectAll().where('unit_id', '=', unit).where('platform', '=', platform as never).executeTakeFirstOrThrow();
}
