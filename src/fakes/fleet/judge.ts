import { evaluateUnit, type Verdict } from '../../modules/compliance/evaluate.js';
import { periodContaining } from '../../modules/compliance/period.js';
import { DEFAULT_RULE } from '../../modules/compliance/rule.js';
import { checkSite } from '../../modules/monitoring/check-site.js';
import type { Fetcher } from '../../modules/monitoring/fetcher.js';
import type { Observation } from '../../modules/monitoring/observation.js';
import { type CrawlMemory, InMemoryCrawlMemory } from '../../modules/monitoring/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Fleet } from './server.js';

// One fixture site crawled by the real checks and judged by the real rule for the week holding
// the clock — the way the fleet tests and the benchmark's accuracy figure both do it.

export interface Judged {
  verdict: Verdict;
  observations: Observation[];
}

export async function judgeFixture(fleet: Fleet, fetcher: Fetcher, clock: Clock, name: string, opts: { memory?: CrawlMemory; maxRetryAfterMs?: number } = {}): Promise<Judged> {
  const url = fleet.url(name);
  const observations = await checkSite(fetcher, opts.memory ?? new InMemoryCrawlMemory(), {
    unitId: `unit-${name}`,
    url,
    now: clock.now(),
    rdapBaseFor: () => fleet.rdapBase,
    retries: 1,
    retryDelayMs: 10,
    probeToken: 'probe123',
    ...(opts.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: opts.maxRetryAfterMs } : {}),
  });
  const verdict = evaluateUnit(
    {
      unitId: `unit-${name}`,
      rule: DEFAULT_RULE,
      period: periodContaining('week', clock.now()),
      presence: { berandaSite: false, externalSites: [url], socialAccounts: [{ platform: 'facebook', handle: name }] },
      profileCompleteness: 100,
      observations,
      exceptions: [],
    },
    clock,
  );
  return { verdict, observations };
}

/** Share of fixture sites given their expected verdict, and hijacked sites called compliant. */
export function fleetAccuracy(fleet: Fleet, results: Map<string, Judged>) {
  const judged = fleet.sites.filter((s) => s.expected && results.has(s.name));
  const wrong = judged.filter((s) => results.get(s.name)!.verdict.status !== s.expected!.verdict).map((s) => `${s.name}: ${results.get(s.name)!.verdict.status} (expected ${s.expected!.verdict})`);
  const hijackedPassed = judged.filter((s) => s.expected!.verdict === 'COMPROMISED' && results.get(s.name)!.verdict.status === 'PASS').map((s) => s.name);
  return { total: judged.length, correct: judged.length - wrong.length, wrong, hijackedPassed };
}
