import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { RESERVED_SLUGS, slugify, uniqueSlug } from '../../shared/slug.js';
import { unitRepository, type UnitRow } from './unit-repository.js';

/** Web addresses and handles an OPD already has; the monitoring registry reads them. */
export const opdLinksSchema = z.object({
  website: z.string().url().optional(),
  facebook: z.string().optional(),
  instagram: z.string().optional(),
  tiktok: z.string().optional(),
  youtube: z.string().optional(),
});
export type OpdLinks = z.infer<typeof opdLinksSchema>;

export const opdInputSchema = z.object({
  name: z.string().trim().min(3).max(150),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  links: opdLinksSchema.default({}),
});
export type OpdInput = z.input<typeof opdInputSchema>;

/**
 * Codes, not sentences (issue 19 point 2): the form and the CSV import say them in their own
 * words. invalid_name: 3–150 letters; invalid_slug: lower-case letters, digits and hyphens;
 * invalid_links: a website that is not an address; slug_taken: detail is the slug.
 */
export type AddOpdError = 'invalid_name' | 'invalid_slug' | 'invalid_links' | 'slug_taken';

const invalidOf = (path: PropertyKey | undefined): AddOpdError => (path === 'name' ? 'invalid_name' : path === 'slug' ? 'invalid_slug' : 'invalid_links');

/** Adds an OPD (organisasi perangkat daerah) under the region's kota/kabupaten unit. */
export async function addOpd(
  db: Kysely<DB>,
  region: string,
  input: OpdInput,
  clock: Clock,
): Promise<Result<{ unit: UnitRow; created: boolean }, AddOpdError>> {
  const parsed = opdInputSchema.safeParse(input);
  if (!parsed.success) return err(invalidOf(parsed.error.issues[0]?.path[0]));
  const { name, slug, links } = parsed.data;

  const sameName = await db
    .selectFrom('units')
    .selectAll()
    .where('region_code', '=', region)
    .where('kind', '=', 'opd')
    .execute();
  const existing = sameName.find((u) => u.name.toLowerCase() === name.toLowerCase());
  if (existing) return ok({ unit: existing, created: false });

  const taken = await unitRepository.allSlugs(db);
  if (slug && (taken.has(slug) || RESERVED_SLUGS.has(slug))) return err('slug_taken', slug);
  const finalSlug = slug ?? uniqueSlug([slugify(name)], taken);

  const root = await db
    .selectFrom('units')
    .select('id')
    .where('region_code', '=', region)
    .where('kind', 'in', ['kota', 'kabupaten'])
    .executeTakeFirst();
  const now = clock.now().toISOString();
  const id = newId();
  await db
    .insertInto('units')
    .values({
      id,
      code: null,
      kind: 'opd',
      name,
      slug: finalSlug,
      parent_id: root?.id ?? null,
      region_code: region,
      settings: JSON.stringify({ links }),
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const unit = (await unitRepository.byId(db, id))!;
  return ok({ unit, created: true });
}
