// Public surface of the compliance module: the city's rule, WIB periods, verdicts and disputes.
export { DEFAULT_RULE, validateRule, holiday, requiredItems, type CityRule, type RuleException } from './rule.js';
export { periodContaining, periodByKey, nextPeriod, previousPeriod, inPeriod, wibDay, type Period, type PeriodKind } from './period.js';
export { evaluateUnit, watchedDuring, VERDICT_STATUSES, type Verdict, type VerdictStatus, type Reason, type EvidenceRef, type EvaluationInput, type UnitPresence } from './evaluate.js';
export type { ComplianceDeps, ProfileCompletenessSource, RegisteredAccountsSource } from './deps.js';
export type { VerdictRow, Dispute } from './compliance-repository.js';
export { evaluatePeriod, type PeriodEvaluation } from './evaluate-period.js';
export { getRule, setRule, addException, removeException, listExceptions, type ExceptionInput } from './manage-rule.js';
export { TRANSPARENCY_SETTING, ruleFormSchema, exceptionFormSchema, transparencyFormSchema, exceptionIdFormSchema, saveRuleAsAdmin, addExceptionAsAdmin, removeExceptionAsAdmin, setTransparencyAsAdmin } from './city-settings.js';
export { openDispute, type OpenDisputeInput, type OpenDisputeError } from './open-dispute.js';
export { decideDispute, type DecideDisputeInput, type DecideDisputeError } from './decide-dispute.js';
export { openDisputeAsStaff, openDisputeFormSchema, decideDisputeAsAdmin, decideDisputeFormSchema, type DecisionSources } from './disputes-as-staff.js';
export { getVerdictsForPeriod, getVerdictHistory, getCompromised, listDisputes, getDispute, periodsEndingWith } from './read-compliance.js';
export { loadReportInput, profileCompletenessSource, profilesOf, type ReportContext, type LoadReportOptions } from './report-input.js';
export { generateRapor, listStoredRapor, readStoredRapor, raporFileName, type StoredRapor } from './rapor-archive.js';
export { reminderStatusSource } from './reminder-status.js';
export { verdictsByRegion, type RegionVerdicts } from './read-models/verdicts-by-region.js';
