import { describe, expect, it } from 'vitest';
import { InMemoryOwnContent } from '../../src/fakes/monitoring-sources.js';
import { checkOwnContent } from '../../src/modules/monitoring/checks/own-content.js';
import type { FreshnessValue } from '../../src/modules/monitoring/observation.js';
import type { OwnContentItem, OwnContentSource } from '../../src/modules/monitoring/ports.js';

// A Beranda-hosted site's posts, judged from our own database: the period's posts count, a title
// published again within a year is a re-post, and the look-back and the period are read at once
// (one read per site in a national sweep, with the site's address given, not looked up again).

const site = 'https://beranda.example/bacang';
const item = (title: string, publishedAt: string): OwnContentItem => ({ url: `${site}/berita/${encodeURIComponent(title)}`, title, publishedAt, bodyText: `${title}. Warga Kelurahan Bacang diundang hadir di kantor kelurahan untuk kegiatan bersama.`, isBroadcast: false });

function counting(inner: OwnContentSource) {
  const calls: { from: string; to: string; siteUrl?: string }[] = [];
  const source: OwnContentSource = {
    listPublished: (unitId, from, to, siteUrl) => {
      calls.push({ from, to, siteUrl });
      return inner.listPublished(unitId, from, to, siteUrl);
    },
  };
  return { source, calls };
}

describe('the own-content check of a Beranda site', () => {
  it('counts the period’s posts, names a re-post of last year’s title, and reads once with the site’s address', async () => {
    const own = new InMemoryOwnContent();
    own.add('kel-bacang', item('Kerja bakti membersihkan saluran air RT 03', '2026-03-01T02:00:00.000Z'));
    own.add('kel-bacang', item('Kerja bakti membersihkan saluran air RT 03', '2026-11-20T02:00:00.000Z'));
    own.add('kel-bacang', item('Posyandu balita bulan November di RW 02', '2026-11-22T02:00:00.000Z'));
    own.add('kel-bacang', item('Rapat warga tahun lalu yang sudah terlalu lama', '2024-06-01T02:00:00.000Z'));
    const { source, calls } = counting(own);
    const [freshness] = await checkOwnContent(source, { unitId: 'kel-bacang', siteUrl: site, from: '2026-11-01T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z', now: new Date('2026-11-25T00:00:00.000Z') });
    const value = freshness!.value as FreshnessValue;
    expect(value.items.map((i) => i.title)).toEqual(['Posyandu balita bulan November di RW 02']);
    expect(value.rejected).toEqual([expect.objectContaining({ reason: 'repost', title: 'Kerja bakti membersihkan saluran air RT 03', detail: expect.stringContaining('2026-03-01') })]);
    expect(freshness!.evidence).toMatchObject({ codes: ['freshness_ok', 'repost_ignored'], facts: { posts: 2 } });
    expect(calls).toEqual([{ from: '2025-11-01T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z', siteUrl: site }]);
  });
});
