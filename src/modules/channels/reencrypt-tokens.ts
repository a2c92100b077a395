import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { decryptToken, encryptToken, type TokenKey } from './token-crypto.js';

// Key rotation (`npm run beranda -- keys rotate`, issue 13): every stored platform token is
// decrypted with the old key and sealed again with the new one, bound to its row as before.
// Safe to run twice: a token that already opens with the new key is left alone. A token that
// opens with neither key is reported, never overwritten (its channel needs a reconnect).

export interface ReencryptReport {
  reencrypted: number;
  alreadyNew: number;
  unreadable: string[];
}

export async function reencryptTokens(db: Kysely<DB>, from: TokenKey, to: TokenKey): Promise<ReencryptReport> {
  const report: ReencryptReport = { reencrypted: 0, alreadyNew: 0, unreadable: [] };
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('channel_accounts')
      .select(['id', 'handle', 'platform', 'access_token_enc', 'refresh_token_enc'])
      .where((eb) => eb.or([eb('access_token_enc', 'is not', null), eb('refresh_token_enc', 'is not', null)]))
      .execute();
    for (const row of rows) {
      const sealed = [row.access_token_enc, row.refresh_token_enc];
      if (sealed.every((s) => s === null || decryptToken(to, s, row.id) !== null)) {
        report.alreadyNew++;
        continue;
      }
      const plain = sealed.map((s) => (s === null ? null : decryptToken(from, s, row.id)));
      if (plain.some((p, i) => sealed[i] !== null && p === null)) {
        report.unreadable.push(`${row.platform} ${row.handle}`);
        continue;
      }
      const seal = (p: string | null) => (p === null ? null : encryptToken(to, p, row.id));
      await trx.updateTable('channel_accounts').set({ access_token_enc: seal(plain[0]!), refresh_token_enc: seal(plain[1]!) }).where('id', '=', row.id).execute();
      report.reencrypted++;
    }
  });
  return report;
}

/** Channels whose stored tokens do not open with `key` ("platform handle"): `doctor` names them. */
export async function unreadableTokens(db: Kysely<DB>, key: TokenKey): Promise<string[]> {
  const rows = await db
    .selectFrom('channel_accounts')
    .select(['id', 'handle', 'platform', 'access_token_enc', 'refresh_token_enc'])
    .where((eb) => eb.or([eb('access_token_enc', 'is not', null), eb('refresh_token_enc', 'is not', null)]))
    .execute();
  return rows
    .filter((row) => [row.access_token_enc, row.refresh_token_enc].some((s) => s !== null && decryptToken(key, s, row.id) === null))
    .map((row) => `${row.platform} ${row.handle}`);
}
