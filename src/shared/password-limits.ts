// How long a password may be: checked by accounts/password.ts, said by the i18n problem text.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
