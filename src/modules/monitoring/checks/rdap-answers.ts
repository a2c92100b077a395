import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';

// RDAP answers kept across sweeps (issue 18, decision 0015). Every .id domain is answered by one
// server, rdap.pandi.id, at about one request a second; a national sweep covers ~75,000 desa.id
// domains, so asking each sweep would queue ~75,000 requests there. A domain's expiry changes
// once a year (on renewal), so the last answer is reused until it is a week old; it is asked
// again sooner when the kept expiry is near (a renewal must clear the warning soon after it
// happens) and at once when the last answer failed (nothing worth keeping).

const DAY = 24 * 3600_000;
/** A kept answer older than this is asked again. */
export const RDAP_KEEP_DAYS = 7;
/** A kept expiry closer than this is asked again every sweep (DOMAIN_WARN_DAYS in domain-expiry.ts). */
export const RDAP_RECHECK_NEAR_DAYS = 30;

export type RdapOutcome = 'found' | 'no_expiry' | 'unavailable' | 'unreadable';

export interface RdapAnswer {
  domain: string;
  askedAt: string;
  outcome: RdapOutcome;
  expiresAt: string | null;
  rdapUrl: string;
}

/** Where the last answer per registrable domain is kept. */
export interface RdapAnswerStore {
  get(domain: string): Promise<RdapAnswer | null>;
  put(answer: RdapAnswer): Promise<void>;
}

/** Whether a kept answer still stands at `now`, or RDAP must be asked again. */
export function keptAnswerStands(a: RdapAnswer, now: Date): boolean {
  if (a.outcome !== 'found' || !a.expiresAt) return false;
  const age = now.getTime() - Date.parse(a.askedAt);
  if (!(age >= 0 && age < RDAP_KEEP_DAYS * DAY)) return false;
  return Date.parse(a.expiresAt) - now.getTime() >= RDAP_RECHECK_NEAR_DAYS * DAY;
}

export function dbRdapAnswers(db: Kysely<DB>): RdapAnswerStore {
  return {
    async get(domain) {
      const r = await db.selectFrom('monitor_rdap_answers').selectAll().where('domain', '=', domain).executeTakeFirst();
      return r ? { domain: r.domain, askedAt: r.asked_at, outcome: r.outcome, expiresAt: r.expires_at, rdapUrl: r.rdap_url } : null;
    },
    async put(a) {
      const row = { asked_at: a.askedAt, outcome: a.outcome, expires_at: a.expiresAt, rdap_url: a.rdapUrl };
      await db
        .insertInto('monitor_rdap_answers')
        .values({ domain: a.domain, ...row })
        .onConflict((oc) => oc.column('domain').doUpdateSet(row))
        .execute();
    },
  };
}
