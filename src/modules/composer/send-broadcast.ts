import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import type { DB } from '../../db/schema/index.js';
import { type Actor, canBroadcast } from '../accounts/index.js';
import { saveContent } from '../content/index.js';
import { iso } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { servedRegency } from '../../shared/region-scope.js';
import { type Result, err, ok } from '../../shared/result.js';
import { bodyToHtml } from './body-format.js';
import { BROADCAST_MIN } from './broadcast-form.js';
import type { ComposerDeps } from './deps.js';

// Admin kota writes once and it appears on the chosen kelurahan sites (or all of them) as an
// announcement "dari Pemkot". Each copy is recorded in broadcast_items so it never counts as
// the kelurahan's own content (compliance reads broadcastContentIds).

export interface BroadcastInput {
  title: string;
  body: string;
  /** Kelurahan/desa ids, or 'all'. */
  units: string[] | 'all';
}

export async function sendBroadcast(
  deps: Pick<ComposerDeps, 'db' | 'clock' | 'cityName' | 'onPublicChange'>,
  /**
   * `region`: the regency served, where a province or national admin sends (decision 0017).
   * `sign`: the caller's words for the signature, given the regency's kind and bare name.
   */
  args: { actor: Actor; input: BroadcastInput; region?: string; sign: (kind: 'kota' | 'kabupaten', name: string) => string },
): Promise<Result<{ id: string; count: number }, 'forbidden' | 'title_missing' | 'text_missing' | 'no_units'>> {
  const region = servedRegency(args.actor.regionCode, args.region);
  if (!canBroadcast(args.actor) || !region) return err('forbidden');
  const title = args.input.title.replace(/\s+/g, ' ').trim();
  const body = args.input.body.trim();
  if (title.length < BROADCAST_MIN.title) return err('title_missing');
  if (body.length < BROADCAST_MIN.body) return err('text_missing');
  const targets = await villagesOf(deps.db, region, args.input.units);
  if (targets.length === 0) return err('no_units');

  const now = iso(deps.clock.now());
  const id = newId(deps.clock.now().getTime());
  const author = await authorOf(deps.db, region, deps.cityName, args.sign);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('broadcasts').values({ id, region_code: region, title, body, created_by: args.actor.id, created_at: now }).execute();
    for (const unitId of targets) {
      const saved = await saveContent(
        { db: trx, clock: deps.clock },
        { unitId, actorId: args.actor.id, input: { kind: 'pengumuman', title, body: bodyToHtml(body), bodyFormat: 'html', authorName: author, status: 'published' } },
      );
      if (!saved.ok) throw new Error(`broadcast content rejected: ${saved.error}`);
      await trx.insertInto('broadcast_items').values({ broadcast_id: id, unit_id: unitId, content_id: saved.value.id, created_at: now }).execute();
    }
  });
  for (const unitId of targets) deps.onPublicChange?.(unitId);
  return ok({ id, count: targets.length });
}

/**
 * "dari Pemkot Pangkalpinang" / "dari Pemkab Bangka": the regency the broadcast goes to speaks,
 * with its own word — a province admin sending to Bangka does not sign as the install's city.
 */
async function authorOf(db: Kysely<DB>, region: string, fallbackName: string, sign: (kind: 'kota' | 'kabupaten', name: string) => string): Promise<string> {
  const top = await unitRepository.cityOfRegion(db, region);
  const name = (top?.name ?? fallbackName).replace(/^(kota|kabupaten)\s+/i, '');
  const kind = top?.kind === 'kabupaten' || (!top && /^kabupaten\s/i.test(fallbackName)) ? 'kabupaten' : 'kota';
  return sign(kind, name);
}

async function villagesOf(db: Kysely<DB>, region: string, wanted: string[] | 'all'): Promise<string[]> {
  if (wanted !== 'all' && wanted.length === 0) return [];
  const villages = await unitRepository.ofRegion(db, region, { kinds: ['kelurahan', 'desa'], ids: wanted === 'all' ? undefined : wanted });
  return villages.map((r) => r.id);
}

export const listBroadcasts = (db: Kysely<DB>, region: string) =>
  db
    .selectFrom('broadcasts')
    .leftJoin('broadcast_items', 'broadcast_items.broadcast_id', 'broadcasts.id')
    .select(['broadcasts.id', 'broadcasts.title', 'broadcasts.created_at', (eb) => eb.fn.count<number>('broadcast_items.unit_id').as('units')])
    .where('broadcasts.region_code', '=', region)
    .groupBy(['broadcasts.id', 'broadcasts.title', 'broadcasts.created_at'])
    .orderBy('broadcasts.created_at', 'desc')
    .limit(20)
    .execute();
