import type { MiddlewareHandler } from 'hono';
import { t } from '../../i18n/index.js';
import { SUBMIT_LIMITS, isThrottled } from '../../modules/pelayanan/index.js';
import { clientIp } from '../client-ip.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderStatusPage } from '../errors.js';

// The citizens' forms with documents may send tens of megabytes that the route parses in memory
// (multipart into Files): middleware/body-limit.ts cuts a body at the route's limit, but a stranger
// could still make this process hold many such bodies at once. So before a byte is read:
//   - an address already over its submission limit is refused (429) — the route would refuse it
//     anyway, after reading everything;
//   - the bodies being read at once are bounded: in all by BODY_BUDGET bytes, and per address by
//     BODIES_PER_ADDRESS (two: a double tap on a slow line). A body announced with Content-Length
//     reserves that size; one sent without it (chunked — browsers never do this for a form)
//     reserves the route's whole limit. Over the budget the citizen is asked to send again in
//     half a minute (503, Retry-After) and nothing is read.
// Bounded this way, the forms' memory at worst is the budget, whatever strangers send.

export interface BodyBudget {
  /** Bytes the bodies being read may take in all. */
  bytes: number;
  perAddress: number;
}

/** Three full requests' worth (3 × 60 MB), or about eighteen ordinary ones with two photos each. */
export const CITIZEN_BODY_BUDGET: BodyBudget = { bytes: 180 * 1024 * 1024, perAddress: 2 };
export const BUSY_RETRY_SECONDS = 30;

export type BodyGuard = (deps: AppDeps, opts: { limit: number; submission: boolean }) => MiddlewareHandler<AppEnv>;

/** One per app: the bodies of every guarded route count against the same budget. */
export function citizenBodyBudget(budget: BodyBudget = CITIZEN_BODY_BUDGET): BodyGuard {
  let inFlight = 0;
  const byAddress = new Map<string, number>();

  const take = (address: string, bytes: number): boolean => {
    const mine = byAddress.get(address) ?? 0;
    if (mine >= budget.perAddress || inFlight + bytes > budget.bytes) return false;
    inFlight += bytes;
    byAddress.set(address, mine + 1);
    return true;
  };
  const give = (address: string, bytes: number) => {
    inFlight -= bytes;
    const mine = (byAddress.get(address) ?? 1) - 1;
    if (mine <= 0) byAddress.delete(address);
    else byAddress.set(address, mine);
  };

  /**
   * `limit`: the route's body limit (./limits.ts). `submission`: the form creates a request or a
   * complaint, so the address's submission limit applies.
   */
  return (deps: AppDeps, opts: { limit: number; submission: boolean }): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      const ip = clientIp(c);
      if (opts.submission && ip && (await isThrottled(deps.db, deps.clock, deps.config.secret, { subject: `ip:${ip}`, ...SUBMIT_LIMITS.perIp }))) {
        return renderStatusPage(c, 429, t('pel.busy.rate_title'), t('pel.err.rate_limited'));
      }
      const declared = c.req.header('content-length');
      const announced = declared !== undefined && !c.req.header('transfer-encoding') && /^\d+$/.test(declared) ? Number(declared) : null;
      const bytes = Math.min(opts.limit, announced ?? opts.limit);
      const address = ip ?? 'unknown';
      if (!take(address, bytes)) {
        c.get('logger')?.warn({ path: c.req.path, bytes }, 'citizen form body refused: too many bodies being read');
        c.header('Retry-After', String(BUSY_RETRY_SECONDS));
        return renderStatusPage(c, 503, t('pel.busy.title'), t('pel.busy.body'));
      }
      try {
        await next();
      } finally {
        give(address, bytes);
      }
    };
}
