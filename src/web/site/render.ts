import type { Child } from '#html-jsx/jsx-runtime';

export interface Rendered {
  status: number;
  body: string;
  contentType: string;
}

export const HTML = 'text/html; charset=utf-8';

/** The site renders with the string JSX runtime (views/html-jsx): an element already is its markup. */
export function html(node: Child, status = 200): Rendered {
  return { status, body: `<!doctype html>${String(node)}`, contentType: HTML };
}

export const xml = (body: string, type = 'application/xml; charset=utf-8'): Rendered => ({ status: 200, body, contentType: type });
export const text = (body: string): Rendered => ({ status: 200, body, contentType: 'text/plain; charset=utf-8' });

export function pageParam(q: string | undefined): number {
  const n = Number(q);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
