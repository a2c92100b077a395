import { type Locale, t } from './index.js';

// A role's name as staff read it ("Admin Kota (Diskominfo)", "Lurah"): the words are the
// users-web catalogue's; the accounts module knows roles only as codes (issue 19 point 3).
export const roleLabel = (role: string, locale: Locale = 'id'): string => t(`users.role.${role}`, {}, locale);
