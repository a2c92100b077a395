// Public surface of the accounts module: users, roles scoped to units, sessions, audit.
export type { Actor } from './actor.js';
export { ROLES, ROLE_LABEL } from './actor.js';
export { can, canManageCity, canSeeCity, type UnitAction, type UnitRef } from './policy.js';
export { publishingRights, publishingRightsOf, approvalRequired, mayPublish, canBroadcast, actorById, type PublishingRights } from './publishing-policy.js';
export { login, type LoginError, type LoginSuccess } from './login.js';
export { listThrottled, clearThrottle, MAX_DELAY_MS, FREE_FAILURES, type ThrottledRow } from './login-throttle.js';
export { resolveSession, destroySession, pruneExpiredSessions, createSession, SESSION_TTL_MS, type SessionLookup } from './sessions.js';
export { changePassword, type ChangePasswordError } from './change-password.js';
export { createUser, updateUser, resetPassword, setUserStatus, listUsers, userInputSchema, type UserInput, type ManageUserError } from './manage-users.js';
export { recordAudit, listAudit, type AuditAction } from './audit.js';
export { ensureDemoUsers, countDemoAccounts, DEMO_PASSWORD, type DemoLogin } from './demo-users.js';
export { accountRepository, type UserRow } from './account-repository.js';
export { hashPassword, passwordProblem } from './password.js';
export { createAdmin, hasActiveAdmin, issueSetupToken, setUpFirstAdmin, setUpOpen, adminInputProblems, type AdminInput, type CreateAdminError, type SetUpError, type FieldProblems } from './first-admin.js';
export { oneTimePassword } from './one-time-password.js';
export { archiveOldAudit, type AuditArchive, type AuditRow } from './archive-audit.js';
export { claimSubmission, completeSubmission, releaseSubmission, type Claim } from './form-submissions.js';
export * from './staff-import/index.js';
