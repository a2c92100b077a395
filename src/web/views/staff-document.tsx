import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { assetUrl } from '../assets-route.js';

/** The document shared by the staff frame and the error pages: never indexed, staff CSS only. */
export function StaffDocument({ title, children }: { title: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="id">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · Beranda`}</title>
          <link rel="stylesheet" href={assetUrl('staff.css')} />
        </head>
        {children}
      </html>
    </>
  );
}
