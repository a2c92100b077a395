import { newToken } from '../../shared/ids.js';

// Form pieces that keep what the user typed and put each problem next to its field.

export function Field(p: {
  name: string;
  label: string;
  value?: string | null;
  type?: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
}) {
  const id = `f-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <p class="hint" id={`${id}-hint`}>{p.hint}</p> : null}
      {p.error ? <p class="error" id={`${id}-err`}>{p.error}</p> : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? '' : (p.value ?? '')}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-describedby={describedBy}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}

/**
 * A one-time key for a create form: sent twice (a double tap), it makes one thing
 * (middleware/idempotency.ts). New at every rendering of the form.
 */
export function IdempotencyInput() {
  return <input type="hidden" name="_idem" value={newToken(16)} />;
}

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Ada yang perlu diperbaiki</h2>
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}
