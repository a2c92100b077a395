import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * Staff pages: anonymous visitors go to the login page and come back where they were. It runs
 * before CSRF and before any route reads a body, so a stranger's post is answered without being
 * read; `open` lists the paths a stranger may use (the login form).
 */
export const requireLogin = (open: string[] = []): MiddlewareHandler<AppEnv> => async (c, next) => {
  const actor = c.get('actor');
  if (!actor && open.includes(c.req.path)) return next();
  if (!actor) {
    const reason = c.get('sessionState') === 'expired' ? 'expired' : 'required';
    const back = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/admin';
    return c.redirect(`/admin/masuk?alasan=${reason}&kembali=${encodeURIComponent(back)}`, 303);
  }
  // A temporary password must be replaced before anything else.
  if (actor.mustChangePassword && !c.req.path.startsWith('/admin/akun/sandi') && c.req.path !== '/admin/keluar') {
    return c.redirect('/admin/akun/sandi?wajib=1', 303);
  }
  return next();
};
