import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded browser; flags this sandboxed, offline machine needs. */
export const CHROMIUM = '/usr/bin/chromium';

export interface BrowserHandle {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserHandle> {
  // Playwright gives every launch a fresh temporary profile (user-data dir) of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { browser, close: () => browser.close() };
}

/** A phone-sized page (a cheap Android: 360×800). CSP is bypassed only so axe-core can be injected. */
export async function phonePage(b: BrowserHandle): Promise<Page> {
  const ctx = await b.browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  return ctx.newPage();
}

/** Runs axe-core in the page and returns its violations (id and the first target of each). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; target: string }[]> {
  const { createRequire } = await import('node:module');
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const g = globalThis as any;
    const r = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, target: String(v.nodes[0]?.target?.[0] ?? '') }));
  });
}
