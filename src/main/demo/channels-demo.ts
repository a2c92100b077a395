import type { Logger } from 'pino';
import type { Config } from '../../config/index.js';
import { type SocialFakes, connectSimulatedChannels, startSocialFakes } from '../../fakes/social/index.js';
import type { FakeOptions } from '../../fakes/social/protocol.js';
import { connectChannel, tokenKeyFrom } from '../../modules/channels/index.js';
import type { DemoDeps } from '../demo.js';

// Demo mode without internet: `npm start` starts the Facebook/Instagram/TikTok contract fakes on
// loopback, points the Graph and TikTok base URLs and the OAuth apps at them, and connects a few
// kelurahan's accounts labelled "simulasi". Posts then really go through the delivery machine
// (container polling, TikTok status, permalinks) and the OAuth buttons open a simulated consent
// screen. Only when no real Meta/TikTok app is configured: a configured app is never hijacked.
//
// The fakes keep their accounts in memory, so at every start the simulated channels already in
// the database are given fresh accounts and tokens on the new fakes (same ids and handles).

const DEMO_UNITS = ['bacang', 'air-itam', 'pasar-padi'];

let running: SocialFakes | null = null;

/** The simulated OAuth consent screens (src/web/integrations/simulated-dialog.tsx) ask the fakes for codes. */
export interface SimulatedDialogs {
  /** Dialog base URLs under PUBLIC_URL, e.g. {PUBLIC_URL}/integrations/simulasi/facebook. */
  facebook: string;
  tiktok: string;
  issueCode(platform: 'facebook' | 'instagram' | 'tiktok', handle: string): string;
}
let dialogs: SimulatedDialogs | null = null;

/** What startWeb passes to the web role while the demo fakes run; null otherwise. */
export const demoDialogSimulator = (): SimulatedDialogs | null => dialogs;

/** The running demo fakes, or null outside demo mode. */
export const simulatedFakes = (): SocialFakes | null => running;

/** `fakes`: options for the simulated platforms (tests use an audited TikTok app, for example). */
export async function startChannelsDemo(config: Config, logger: Logger, opts: { fakes?: Partial<FakeOptions> } = {}): Promise<Config> {
  if (!config.demo || config.facebookAppId || config.tiktokClientKey) return config;
  if (!running) {
    // Slow enough to watch the states change, quick enough not to bore: one pending read each.
    running = await startSocialFakes({ options: { containerPendingReads: 1, tiktokPendingReads: 1, ...opts.fakes } });
    logger.info({ url: running.url }, 'social media simulation (fakes) started on loopback');
  }
  const base = config.publicUrl.replace(/\/+$/, '');
  const fakes = running;
  dialogs = {
    facebook: `${base}/integrations/simulasi/facebook`,
    tiktok: `${base}/integrations/simulasi/tiktok`,
    issueCode: (platform, handle) => simulatedCode(fakes, platform, handle),
  };
  return {
    ...config,
    graphApiBase: running.graphUrl,
    tiktokApiBase: running.url,
    facebookAppId: running.options.facebookApp.id,
    facebookAppSecret: running.options.facebookApp.secret,
    tiktokClientKey: running.options.tiktokApp.key,
    tiktokClientSecret: running.options.tiktokApp.secret,
    tiktokAudited: running.options.tiktokAudited,
  };
}

/**
 * The start-up line while the demo publishes to the simulated platforms (issue 13 point 2: never
 * silently), or null when posts go to the real ones (an app is configured) or demo is off.
 */
export function simulationNotice(): string | null {
  if (!running) return null;
  return 'Media sosial disimulasikan: kiriman ke Facebook, Instagram dan TikTok tidak keluar dari mesin ini (mode demo tanpa aplikasi Meta/TikTok; akun bertanda "simulasi"). Pasang FACEBOOK_APP_ID/TIKTOK_CLIENT_KEY untuk platform sungguhan.';
}

export async function stopChannelsDemo(): Promise<void> {
  const f = running;
  running = null;
  dialogs = null;
  await f?.close();
}

/** Demo seeder (src/main/demo.ts): connect a few units' accounts to the simulated platforms. */
export async function seedChannelsDemo(d: DemoDeps): Promise<void> {
  const fakes = running;
  if (!fakes) return;
  const deps = { db: d.db, clock: d.clock, tokenKey: tokenKeyFrom(d.config) };
  const units = await d.db.selectFrom('units').select(['id', 'slug', 'name']).where('region_code', '=', d.config.region).where('slug', 'in', DEMO_UNITS).execute();
  const n = await connectSimulatedChannels(deps, fakes, units);
  if (n > 0) d.logger.info({ channels: n }, 'simulated social accounts connected');
}

/** Later starts of a demo database: the simulated channels get accounts on the new fakes. */
export async function reattachChannelsDemo(d: DemoDeps): Promise<void> {
  if (running) await reattachSimulated({ db: d.db, clock: d.clock, tokenKey: tokenKeyFrom(d.config) }, running);
}

async function reattachSimulated(deps: Parameters<typeof connectChannel>[0], fakes: SocialFakes): Promise<void> {
  const rows = await deps.db.selectFrom('channel_accounts').selectAll().where('is_simulation', '=', 1).where('state', '!=', 'registered').execute();
  for (const ch of rows) {
    if (!ch.platform_account_id) continue;
    const id = ch.platform_account_id;
    let token: string;
    let refreshToken: string | undefined;
    let expiresAt: string | null = null;
    if (ch.platform === 'facebook') {
      token = (fakes.state.pages.get(id) ?? fakes.state.addFacebookPage({ id, username: ch.handle, name: ch.display_name ?? ch.handle })).token;
    } else if (ch.platform === 'instagram') {
      token = (fakes.state.ig.get(id) ?? fakes.state.addInstagramAccount({ id, username: ch.handle })).token;
    } else if (ch.platform === 'tiktok') {
      const acc = fakes.state.tiktok.get(id) ?? fakes.state.addTikTokAccount({ openId: id, username: ch.handle, privateAccount: !fakes.options.tiktokAudited });
      token = acc.token;
      refreshToken = acc.refreshToken;
      expiresAt = new Date(deps.clock.now().getTime() + fakes.options.tiktokTokenTtlSec * 1000).toISOString();
    } else continue;
    await connectChannel(deps, { channelId: ch.id, platformAccountId: id, tokens: { accessToken: token, expiresAt, ...(refreshToken ? { refreshToken } : {}) }, simulation: true });
  }
}

/**
 * What the simulated consent screen hands back: a code for the account with the registered
 * handle, created on the fakes when missing, so any account staff register can be "connected".
 * Facebook codes are for the demo user who administers every simulated Page (and the Pages
 * linked to simulated Instagram accounts).
 */
function simulatedCode(fakes: SocialFakes, platform: 'facebook' | 'instagram' | 'tiktok', handle: string): string {
  const s = fakes.state;
  const user = 'user-1';
  if (platform === 'facebook') {
    const page = [...s.pages.values()].find((p) => p.username.toLowerCase() === handle || p.id === handle);
    if (!page) s.addFacebookPage({ username: handle, name: `${handle} (simulasi)`, userId: user });
    else {
      // Consenting again is what renews a Page token that was invalidated (password change…).
      page.userId = user;
      page.token = `EAAB-page-${page.id}-${s.nextId()}`;
      s.tokens.set(page.token, { platform: 'facebook', kind: 'page', subject: page.id, expiresAt: null, createdAt: s.now() });
    }
    return s.issueCode('facebook', user);
  }
  if (platform === 'instagram') {
    const linked = [...s.pages.values()].some((p) => p.igId && s.ig.get(p.igId)?.username.toLowerCase() === handle);
    if (!linked) {
      const page = s.addFacebookPage({ username: `${handle}.page`, name: `Halaman ${handle} (simulasi)`, userId: user });
      const existing = [...s.ig.values()].find((a) => a.username.toLowerCase() === handle);
      if (existing) page.igId = existing.id;
      else s.addInstagramAccount({ username: handle, linkedPageId: page.id });
    }
    return s.issueCode('facebook', user);
  }
  const acc = [...s.tiktok.values()].find((a) => a.username.toLowerCase() === handle) ?? s.addTikTokAccount({ username: handle, privateAccount: !fakes.options.tiktokAudited });
  return s.issueCode('tiktok', acc.openId);
}
