import { type Actor, type UnitRef, auditedChange, can } from '../accounts/index.js';
import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getChannel, resolveAlerts, updateChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { revokeTikTokToken } from './oauth.js';
import { decryptToken } from './token-crypto.js';

// Disconnect: revoke where the platform allows (TikTok has a revoke endpoint; Meta tokens are
// dropped here and the app can be removed by the user on Facebook), then forget the tokens. The
// account stays registered, so it still counts and can use the manual kit.
//
// The revoke is a network call, so it happens BEFORE the transaction, never inside it (a slow
// TikTok must not hold a database transaction open). Revoke first, forget after:
// - revoke fails (error, timeout): nothing is forgotten — the account stays connected with its
//   token, staff are told, and pressing again retries. Forgetting anyway would leave a token that
//   still works at TikTok and that nobody can revoke any more.
// - killed between revoke and commit: the row still says connected (visible); pressing again
//   revokes again, TikTok answers that the token is no longer valid ('invalid'), and the
//   disconnect completes. Forgetting first would, on a kill, lose the token before revoking it.
// The tokens, the alerts and the audit entry are then written in one transaction.

export type DisconnectError = 'not_found' | 'forbidden' | 'revoke_failed';

export async function disconnectChannel(
  deps: ChannelsDeps,
  args: { actor: Actor; unit: UnitRef; channelId: string },
): Promise<Result<{ revoked: boolean }, DisconnectError>> {
  if (!can(args.actor, 'write', args.unit)) return err('forbidden');
  const channel = await getChannel(deps.db, args.channelId);
  if (!channel || channel.unit_id !== args.unit.id) return err('not_found');
  let revoked = false;
  if (channel.platform === 'tiktok' && channel.access_token_enc && deps.tiktokOAuth) {
    const token = decryptToken(deps.tokenKey, channel.access_token_enc, channel.id);
    if (token) {
      const answer = await revokeTikTokToken({ ...deps.tiktokOAuth, clock: deps.clock }, token).catch(() => 'failed' as const);
      if (answer === 'failed') return err('revoke_failed');
      revoked = true;
    }
  }
  return auditedChange(
    deps,
    { actor: args.actor, unit: args.unit },
    async (trx) => {
      const now = iso(deps.clock.now());
      await updateChannel(trx, channel.id, {
        state: 'registered',
        access_token_enc: null,
        refresh_token_enc: null,
        token_expires_at: null,
        refresh_expires_at: null,
        updated_at: now,
      });
      await resolveAlerts(trx, channel.id, now);
      return ok({ revoked });
    },
    () => ({ action: 'channel.disconnected', target: channel.id, detail: { platform: channel.platform, revoked } }),
  );
}
