import type { Logger } from 'pino';
import type { Actor } from '../modules/accounts/index.js';
import type { UnitRow } from '../modules/units/index.js';

/** Per-request values set by middleware; routes read them with c.get(…). */
export type AppEnv = {
  Variables: {
    requestId: string;
    /** The client's address (TRUSTED_PROXIES decides whose X-Forwarded-For is believed). */
    clientIp: string | null;
    logger: Logger;
    actor: Actor | null;
    sessionId: string | null;
    sessionState: 'none' | 'expired' | 'active';
    csrfToken: string;
    /** Set when the request came in on {slug}.{SITE_DOMAIN} and was routed to /{slug}/… */
    hostSlug: string | null;
    /**
     * The regency a request serves (decision 0017): BERANDA_REGION for the public; a staff
     * member's own regency, or the one a province/national admin chose; a unit route's unit's.
     */
    region: string;
    /** The unit a staff route acts on, resolved and authorised by unitGuard. */
    unit: UnitRow;
  };
};
