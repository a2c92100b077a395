import { StaffDocument } from './staff-document.js';

/** The public-facing error frame: Indonesian, no stack, a way back. */
export function ErrorPage(p: { title: string; body: string; status: number; home?: string }) {
  return (
    <StaffDocument title={p.title}>
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
    </StaffDocument>
  );
}
