import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { mayPublish } from '../accounts/index.js';
import { pendingAttempts } from '../channels/index.js';
import type { PublishingDeps } from './deps.js';
import { forgetSteps, getDelivery, loadSteps, updateDelivery } from './delivery-repo.js';

// "Kirim ulang": a person asks for another try — after fixing a failure, after reconnecting an
// account, or after checking the account for a "belum pasti" post and not finding it. Only in
// that last case are the attempt markers dropped, and only because a person looked; ids of
// harmless steps (uploads, containers) are kept and reused.
// Sending again puts the post on the unit's social account, so it asks the one publishing policy
// (#14 follow-up): the unit's operator (approval off), its lurah and admin kota may; a pendamping
// helps with drafts but does not publish in the kelurahan's name. actorId null is no person
// (the worker's own recovery, tests).

export async function resendDelivery(
  deps: Pick<PublishingDeps, 'db' | 'clock'>,
  input: { unitId: string; deliveryId: string; actorId: string | null; checkedAccount?: boolean },
): Promise<Result<{ state: 'queued' }, 'not_found' | 'forbidden' | 'not_allowed' | 'check_account_first'>> {
  if (input.actorId !== null && !(await mayPublish(deps.db, input.actorId, input.unitId))) return err('forbidden');
  const d = await getDelivery(deps.db, input.deliveryId);
  if (!d) return err('not_found');
  if (d.unit_id !== input.unitId) return err('forbidden');
  if (!['failed', 'unconfirmed', 'manual_needed'].includes(d.state)) return err('not_allowed');
  const pending = pendingAttempts(await loadSteps(deps.db, d.id));
  if (pending.length > 0 || d.state === 'unconfirmed') {
    if (!input.checkedAccount) return err('check_account_first');
    await forgetSteps(deps.db, d.id, pending.map((k) => `${k}:attempt`));
  }
  await updateDelivery(deps.db, d.id, {
    state: 'queued',
    attempts: 0,
    unconfirmed_checks: 0,
    next_attempt_at: null,
    waiting_since: null,
    reason_code: null,
    reason: null,
    updated_at: iso(deps.clock.now()),
  });
  return ok({ state: 'queued' });
}
