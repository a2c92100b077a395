import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';

/**
 * The unit's registered social accounts (connected or registered only), for the compliance
 * rule's "at least one social account". Only registered accounts count for a unit (issue 5):
 * this is the channels module's answer, shaped as compliance's RegisteredAccountsSource port.
 */
export const registeredAccountsSource = (db: Kysely<DB>) => ({
  async accounts(unitIds: string[]): Promise<Map<string, { platform: string; handle: string }[]>> {
    const out = new Map<string, { platform: string; handle: string }[]>();
    if (unitIds.length === 0) return out;
    for (let i = 0; i < unitIds.length; i += 500) {
      const rows = await db
        .selectFrom('channel_accounts')
        .select(['unit_id', 'platform', 'handle'])
        .where('unit_id', 'in', unitIds.slice(i, i + 500))
        .execute();
      for (const r of rows) {
        const list = out.get(r.unit_id) ?? [];
        list.push({ platform: r.platform, handle: r.handle });
        out.set(r.unit_id, list);
      }
    }
    return out;
  },
});
