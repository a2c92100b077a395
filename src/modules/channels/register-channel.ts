import type { ChannelPlatform } from '../../db/schema/channels.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import { iso } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type ChannelRow, getChannel, insertChannel } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { parseLink } from './profile-url.js';

// A unit's staff or admin kota registers an account by its profile link. Only registered
// accounts count for the unit; connecting by OAuth comes after (connectChannel).

export type RegisterChannelError = 'invalid_url' | 'wrong_platform' | 'not_a_profile' | 'already_registered';

export async function registerChannel(
  deps: Pick<ChannelsDeps, 'db' | 'clock'>,
  input: { unitId: string; platform: ChannelPlatform; profileUrl: string; isOfficial?: boolean; displayName?: string },
): Promise<Result<ChannelRow, RegisterChannelError>> {
  const parsed = parseLink(input.platform, input.profileUrl);
  if (parsed === 'invalid') return err('invalid_url');
  if (parsed === 'wrong_platform') return err('wrong_platform');
  if (parsed.kind !== 'profile') return err('not_a_profile');
  const now = iso(deps.clock.now());
  const id = newId();
  try {
    await insertChannel(deps.db, {
      id,
      unit_id: input.unitId,
      platform: input.platform,
      handle: parsed.handle,
      profile_url: input.profileUrl.trim(),
      display_name: input.displayName ?? null,
      is_official: input.isOfficial === false ? 0 : 1,
      state: 'registered',
      platform_account_id: null,
      access_token_enc: null,
      refresh_token_enc: null,
      token_expires_at: null,
      refresh_expires_at: null,
      is_simulation: 0,
      cooldown_until: null,
      last_post_seen_at: null,
      last_post_url: null,
      last_synced_at: null,
      created_at: now,
      updated_at: now,
    });
  } catch (e) {
    if (isUniqueViolation(e)) return err('already_registered');
    throw e;
  }
  return ok((await getChannel(deps.db, id))!);
}

/** The same by a person on the staff screen: refused unless they may write for the unit; audited in the same transaction. */
export async function registerChannelAsStaff(
  deps: Pick<ChannelsDeps, 'db' | 'clock'>,
  args: { actor: Actor; unit: UnitRef; platform: ChannelPlatform; profileUrl: string; isOfficial?: boolean },
): Promise<Result<ChannelRow, RegisterChannelError | 'forbidden'>> {
  const { actor, unit, ...input } = args;
  return auditedChange(
    deps,
    { actor, unit },
    (trx) => registerChannel({ db: trx, clock: deps.clock }, { ...input, unitId: unit.id }),
    (ch) => ({ action: 'channel.registered', target: ch.id, detail: { platform: ch.platform, handle: ch.handle } }),
  );
}
