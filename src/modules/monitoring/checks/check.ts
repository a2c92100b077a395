import type { MonitoringDeps } from '../deps.js';
import type { Presence } from '../monitoring-repository.js';
import type { Observation } from '../observation.js';
import type { SiteContext } from '../site-context.js';

// The one interface every check implements (issue 19 §4), in the manner of Uptime Kuma's
// monitor types: a check names what it looks at, says whether it applies given what the checks
// before it found, and returns observations. It never throws for a site's problems (those are
// observations) and knows nothing of jobs, HTTP routes or the database. The list of checks and
// their order is checks/index.ts; runners (check-site.ts, run-checks-for-unit.ts) only walk it.

export type CheckScope =
  /** Once per registered external website, with a SiteContext (fetcher, cache, budget). */
  | 'website'
  /** Once per Beranda-hosted site: our own database is the source. */
  | 'beranda_site'
  /** Once per unit: things that belong to the unit, not one site (social activity). */
  | 'unit';

export interface CheckRun {
  unitId: string;
  now: Date;
  /** The presence checked (absent for unit-scoped checks). */
  presence?: Presence;
  /** For website checks: the shared fetch session, cache and findings of this site's run. */
  site?: SiteContext;
  deps: MonitoringDeps;
  /** Window of activity read by content checks, ISO UTC [from, to). */
  from: string;
  to: string;
  /** What the checks before this one observed in the same run (same site for website checks). */
  earlier: Observation[];
  /** All registered presences of the unit (the social check knows which accounts to report). */
  presences: Presence[];
}

export interface MonitorCheck {
  readonly name: string;
  readonly scope: CheckScope;
  shouldRun(run: CheckRun): boolean;
  run(run: CheckRun): Promise<Observation[]>;
}

/** The availability state the earlier checks found for this site, if any. */
export function siteStateOf(run: CheckRun): string | null {
  const a = run.earlier.find((o) => o.kind === 'availability');
  return a && a.kind === 'availability' ? a.value.state : null;
}
