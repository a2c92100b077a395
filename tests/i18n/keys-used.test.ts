import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/i18n/index.js';

// Every catalogue key is used, and every key the code asks for exists (decision 0016; issue 19
// point 3). "Used" means the key appears as a string in src/ (outside the catalogues), or starts
// with the fixed part of a key the code builds (`t(\`mon.flash.${k}\`)` uses every mon.flash.*).
// A missing language is catalogues.test.ts's check.
const root = path.resolve(import.meta.dirname, '../..');

/** Keys built from a variable prefix, which the scan cannot see; each with the file that builds it. */
const BUILT_FAMILIES = [
  'kanal.flash.', 'kiriman.flash.', // web/admin/channels/paths.ts: t(`${area}.flash.${code}`)
];

/**
 * Keys no code used when this check arrived (about 60 of 2,035). New unused keys fail the test; these
 * are listed so the check could land while eight people edit the catalogues. Delete a key (id
 * and en) and its line here together; a listed key that comes into use must leave the list.
 */
const UNUSED_WHEN_THE_CHECK_ARRIVED = new Set([
  'composer.assist.mark_done', // landed on main unused while this check was on its way (staff-compose)
  'app.name',
  'app.tagline',
  'error.403.title',
  'error.403.body',
  'error.back_home',
  'admin.home.open_unit',
  'admin.home.view_site',
  'form.error_summary',
  'form.save',
  'kiriman.recent',
  'kiriman.summary',
  'kiriman.private_only',
  'media.alt_too_long',
  'media.not_found',
  'captions.warning.text_shortened',
  'captions.warning.title_shortened',
  'captions.warning.hashtags_dropped',
  'captions.warning.too_many_hashtags_in_text',
  'reports.col.channel',
  'reports.rapor.region',
  'monitoring.fetch.complete',
  'monitoring.fetch.timeout_connect',
  'monitoring.fetch.timeout_total',
  'monitoring.fetch.too_large',
  'monitoring.fetch.too_many_redirects',
  'monitoring.fetch.redirect_loop',
  'monitoring.fetch.offsite_redirect',
  'monitoring.fetch.tls_error',
  'monitoring.fetch.dns_error',
  'monitoring.fetch.connection_error',
  'monitoring.fetch.invalid_url',
  'composer.home.write',
  'composer.home.write_hint',
  'composer.home.view_site',
  'composer.home.help',
  'composer.home.guide',
  'composer.home.reconnect',
  'composer.assist.all_good',
  'composer.edit.template',
  'composer.edit.alt_hint',
  'composer.edit.uploading',
  'composer.edit.upload_retry',
  'composer.edit.upload_failed',
  'composer.edit.upload_again',
  'composer.edit.overtaken',
  'site.updated',
  'site.agenda.past',
  'site.profil.batas',
  'site.profil.rw',
  'site.profil.ketua',
  'site.profil.rtCount',
  'site.stat.jenisKelamin',
  'site.stat.jiwa',
  'site.layanan.pengantarRt',
  'dash.obs.source',
  'publish.refused.title',
  'publish.refused.body',
  'staff.home.open_units',
  'staff.onboarding.go',
  'staff.gallery.pick',
]);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (p !== path.join(root, 'src/i18n/messages')) sources(p, out);
    } else if (/\.(ts|tsx|js)$/.test(name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const code = sources(path.join(root, 'src')).join('\n');
const keys = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c.id)));
const literals = new Set([...code.matchAll(/['"`]([a-z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]!));
const builtPrefixes = [...new Set([...code.matchAll(/`([a-z][\w-]*(?:\.[\w-]*)*\.?)\$\{/g)].map((m) => m[1]!))]
  .filter((p) => p.includes('.'))
  .concat(BUILT_FAMILIES);
const used = (key: string) => literals.has(key) || builtPrefixes.some((p) => key.startsWith(p));

describe('catalogue keys', () => {
  it('has no unused key beyond the list it started with', () => {
    const unused = [...keys].filter((k) => !used(k));
    expect(unused.filter((k) => !UNUSED_WHEN_THE_CHECK_ARRIVED.has(k)), 'unused keys: delete them (id and en) or use them').toEqual([]);
    expect([...UNUSED_WHEN_THE_CHECK_ARRIVED].filter((k) => used(k) || !keys.has(k)), 'in use or deleted: take them off the list').toEqual([]);
  });

  it('has every key the code asks for by name', () => {
    const asked = [...code.matchAll(/\b(?:t|hasKey)\(\s*'([^'$]+)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(500);
    expect([...new Set(asked)].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('catches an unused key and a missing one (the scan is not blind)', () => {
    expect(used('mon.flash.anything')).toBe(true); // built: t(`mon.flash.${okKey}`)
    expect(used('error.404.title')).toBe(true);
    expect(used('no.such.family.key')).toBe(false);
    expect(keys.has('error.404.title')).toBe(true);
  });
});
