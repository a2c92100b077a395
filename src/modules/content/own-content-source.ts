import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { OwnContentItem, OwnContentSource } from '../monitoring/index.js';
import { contentRepository } from './content-repository.js';
import { htmlToText } from './sanitize-html.js';

// The content module's side of the monitoring engine's OwnContentSource port: the public posts
// of a Beranda-hosted site, with their real publication time from our own database. Broadcasts
// from Pemkot are the composer's knowledge and come in as a function.

export function ownContentSource(
  db: Kysely<DB>,
  opts: { siteUrlOf: (unitId: string) => Promise<string | null>; broadcastIds?: (unitId: string) => Promise<Set<string>> },
): OwnContentSource {
  return {
    async listPublished(unitId, from, to, siteUrl) {
      const base = siteUrl ?? (await opts.siteUrlOf(unitId));
      if (!base) return [];
      const rows = await contentRepository.listPublicWithBody(db, { unitIds: [unitId], kinds: ['berita', 'pengumuman', 'agenda'], now: to, limit: 500 });
      const broadcasts = (await opts.broadcastIds?.(unitId)) ?? new Set<string>();
      return rows
        .filter((r) => r.publish_at !== null && r.publish_at >= from && r.publish_at < to)
        .map(
          (r): OwnContentItem => ({
            url: `${base.replace(/\/+$/, '')}/${r.kind}/${r.slug}`,
            title: r.title,
            publishedAt: r.publish_at!,
            bodyText: htmlToText(r.body_html ?? ''),
            isBroadcast: broadcasts.has(r.id),
          }),
        );
    },
  };
}
