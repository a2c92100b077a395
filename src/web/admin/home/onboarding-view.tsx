import { t } from '../../../i18n/index.js';

// "Langkah awal" on the unit's staff home: every step not yet done is a link to the screen where
// it is done (issue 14, point 2), so a new kelurahan needs nobody to show the way.

export interface OnboardingViewProps {
  slug: string;
  steps: { code: string; done: boolean; detail?: number }[];
  done: number;
  total: number;
  /** Read-only roles see where each step is done, except writing (which they cannot open). */
  canWrite: boolean;
}

export function stepHref(slug: string, code: string): string {
  const base = `/admin/unit/${slug}`;
  switch (code) {
    case 'profil':
      return `${base}/profil`;
    case 'logo':
      return `${base}/profil/identitas#logo`;
    case 'foto_kantor':
      return `${base}/profil/identitas#foto-kantor`;
    case 'first_post':
      return `${base}/tulis`;
    default:
      return `${base}/kanal`;
  }
}

export function OnboardingView(p: OnboardingViewProps) {
  if (p.done === p.total) return null;
  return (
    <section class="card onboarding">
      <h2 id="langkah-awal">{t('composer.onboarding.title', { done: p.done, total: p.total })}</h2>
      <progress max={p.total} value={p.done} aria-labelledby="langkah-awal">
        {p.done}/{p.total}
      </progress>
      <ul class="checklist">
        {p.steps.map((s) => {
          const label = t(`composer.onboarding.${s.code}`, { detail: s.detail ?? 0 });
          return (
            <li class={s.done ? 'done' : 'todo'}>
              <span class="mark" aria-hidden="true">
                {s.done ? '✔' : '○'}
              </span>
              {s.done || (s.code === 'first_post' && !p.canWrite) ? (
                <span>
                  {label}
                  <span class="visually-hidden"> ({s.done ? t('composer.onboarding.done') : t('composer.onboarding.todo')})</span>
                </span>
              ) : (
                <a href={stepHref(p.slug, s.code)}>
                  {label}
                  <span class="visually-hidden"> ({t('composer.onboarding.todo')})</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
