// The plain input every report is computed from. The dashboard (or the monitoring engine's
// adapter) fills these rows; the reports themselves never touch the database, so the same code
// serves the screen, the PDF, the spreadsheet and the benchmark's simulated fleet.

export type Verdict = 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED';
export const VERDICTS: readonly Verdict[] = ['PASS', 'FAIL', 'UNKNOWN', 'COMPROMISED'];

export interface ReportPeriod {
  /** Stable key, e.g. '2026-W48'. */
  key: string;
  /** ISO-8601 UTC instants: start inclusive, end exclusive (Monday 00:00 WIB → next Monday). */
  start: string;
  end: string;
}

/**
 * A reason from the monitoring engine as compliance stores it: a code and its values (e.g.
 * { code: 'no_content' }). The reports carry it as it is; where a reason is shown or exported
 * it is said in words (src/i18n/monitoring-reasons.ts), so the data holds no sentences.
 */
export interface ReportReason {
  code: string;
  params?: Record<string, string | number>;
}

export interface UnitPeriodRecord {
  periodKey: string;
  verdict: Verdict;
  reasons: ReportReason[];
  /** Content items counted for the rule in this period, per channel ('website', 'facebook', …). */
  items: Record<string, number>;
}

export interface WebsiteState {
  url: string | null;
  /** A website is registered (Beranda-hosted or external). */
  has: boolean;
  /** null = not checked yet. */
  up: boolean | null;
  fresh: boolean | null;
  clean: boolean | null;
  lastContentAt: string | null;
  /** When the site went down, if it is down now. */
  downSince: string | null;
}

export interface SocialAccountState {
  platform: string;
  handle: string;
  url?: string | null;
  lastPostAt: string | null;
}

export interface ReportUnit {
  id: string;
  name: string;
  /** Kemendagri code, or null for OPD. */
  code: string | null;
  kind: 'kelurahan' | 'desa' | 'opd';
  kecamatanId: string | null;
  kecamatanName: string | null;
  location: { lat: number; lng: number } | null;
  website: WebsiteState;
  socialAccounts: SocialAccountState[];
  /** 0..1 share of the profil fields filled in. */
  profileCompleteness: number;
  /** Per period, any order; periods without a record count as "no verdict". */
  history: UnitPeriodRecord[];
  /** Integrity alerts (gambling spam, defacement, off-site redirect) open now. */
  integrityAlerts?: ReportReason[];
  lastCheckedAt: string | null;
}

export interface ReportInput {
  /** "Kota Pangkalpinang" */
  regionName: string;
  /** Oldest first; the last one is the period being reported ("this week"). */
  periods: ReportPeriod[];
  units: ReportUnit[];
  /** Minimum items per period the city's rule asks for (default 1). */
  minItemsPerPeriod?: number;
  generatedAt: string;
}
