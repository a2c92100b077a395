import type { Clock } from '../../shared/clock.js';

/** Profile completeness 0–100 per unit (profile module). Missing units count as "not measured". */
export interface ProfileCompletenessSource {
  completeness(unitIds: string[]): Promise<Map<string, number>>;
}

/**
 * Social accounts registered elsewhere (the channels module's connected and registered
 * accounts), merged with the monitoring registry when counting "at least one social account".
 */
export interface RegisteredAccountsSource {
  accounts(unitIds: string[]): Promise<Map<string, { platform: string; handle: string }[]>>;
}

export interface ComplianceDeps {
  clock: Clock;
  profile?: ProfileCompletenessSource;
  accounts?: RegisteredAccountsSource;
}
