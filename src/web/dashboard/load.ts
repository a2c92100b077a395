import { type ReportContext, getRule, loadReportInput, periodByKey, periodContaining, periodsEndingWith } from '../../modules/compliance/index.js';
import { type DashboardData, buildDashboard } from '../../modules/reports/index.js';
import { t } from '../../i18n/index.js';
import type { AppDeps } from '../deps.js';
import type { DashboardScope } from './access.js';

export interface LoadedDashboard {
  ctx: ReportContext;
  data: DashboardData;
  /** The periods a person can pick (the last 12, newest first). */
  choices: { key: string; start: string; end: string }[];
}

/** `?periode=2026-W47` if valid, else the current period of the city's rule. */
export const periodParam = (raw: string | undefined): string | undefined => (raw && periodByKey(raw) ? raw : undefined);

export async function loadDashboard(deps: AppDeps, region: string, scope: DashboardScope, periodKey?: string): Promise<LoadedDashboard | null> {
  const ctx = await loadReportInput(deps.db, {
    region: region,
    clock: deps.clock,
    periodKey,
    kecamatanIds: scope.all ? undefined : scope.kecamatanIds,
    scopeName: (kecamatan, region) => t('dashland.scope_region', { kecamatan, region }),
  });
  if (!ctx) return null;
  const data = buildDashboard(ctx.input);
  const rule = await getRule(deps.db, region);
  const current = periodContaining(rule.periodKind, deps.clock.now());
  const choices = periodsEndingWith(current.key, 12).reverse();
  return { ctx, data, choices };
}
