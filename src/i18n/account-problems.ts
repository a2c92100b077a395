import type { FieldProblem } from '../shared/field-problems.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../shared/password-limits.js';
import { type Locale, t } from './index.js';

// The words for the accounts module's problem codes (issue 19 point 2): the use cases and the
// schemas answer with { path, code }, and this one mapping says it — next to the field on the
// user, password and set-up forms, and in the lines of a staff import's check.

const PASSWORD_FIELDS = new Set(['password', 'temporary', 'next']);
const PASSWORD = { min: PASSWORD_MIN, max: PASSWORD_MAX };

export function accountProblemText(p: FieldProblem, locale: Locale = 'id'): string {
  if (PASSWORD_FIELDS.has(p.path)) return t(`accounts.password.${p.code}`, PASSWORD, locale);
  if (p.path === 'unitIds' || p.path.startsWith('unitIds.')) return t(`accounts.user.units.${p.code === 'one' || p.code === 'camat' || p.code === 'city_wide' || p.code === 'pendamping' ? p.code : 'unknown'}`, {}, locale);
  if (p.code === 'taken') return t('users.error.username_taken', {}, locale);
  if (p.code === 'disable_self') return t('accounts.user.disable_self', {}, locale);
  return t(`accounts.user.${p.path.split('.')[0]}`, {}, locale);
}
