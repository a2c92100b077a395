import type { Child } from 'hono/jsx';

export interface Rendered {
  status: number;
  body: string;
  contentType: string;
}

export const HTML = 'text/html; charset=utf-8';

/** hono/jsx elements stringify synchronously when no component is async (none of ours are). */
export function html(node: Child, status = 200): Rendered {
  return { status, body: `<!doctype html>${String(node)}`, contentType: HTML };
}

export const xml = (body: string, type = 'application/xml; charset=utf-8'): Rendered => ({ status: 200, body, contentType: type });
export const text = (body: string): Rendered => ({ status: 200, body, contentType: 'text/plain; charset=utf-8' });

export function pageParam(q: string | undefined): number {
  const n = Number(q);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
