import { raw } from 'hono/html';
import { assetUrl } from '../assets-route.js';

/** The public-facing error frame: Indonesian, no stack, a way back. */
export function ErrorPage(p: { title: string; body: string; status: number; home?: string }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} · Beranda`}</title>
        <link rel="stylesheet" href={assetUrl('staff.css')} />
      </head>
      <body>
        <main class="page error-page">
          <p class="status-code">{p.status}</p>
          <h1>{p.title}</h1>
          <p>{p.body}</p>
          <p>
            <a class="button" href={p.home ?? '/'}>
              Kembali ke beranda
            </a>
          </p>
        </main>
      </body>
    </html>
    </>
  );
}
