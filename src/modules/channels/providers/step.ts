import { failure } from './http.js';
import type { Platform, ProviderFailure, ProviderResult, PublishContext } from './social-provider.js';
import { pFail, pOk } from './social-provider.js';

// The two kinds of step in the idempotency contract (see social-provider.ts). Every adapter goes
// through these, so the "record before the next step" rule is written once.

/** A step whose repetition is harmless but wasteful (uploads, containers): run once, remember its id. */
export async function safeStep(
  ctx: PublishContext,
  key: string,
  call: () => Promise<ProviderResult<string>>,
): Promise<ProviderResult<string>> {
  const known = ctx.steps[key];
  if (known) return pOk(known);
  await ctx.checkpoint?.(`before:${key}`);
  const r = await call();
  if (!r.ok) return r;
  await ctx.checkpoint?.(`sent:${key}`);
  await ctx.record(key, r.value);
  await ctx.checkpoint?.(`stored:${key}`);
  return r;
}

/**
 * The step that makes the post visible. A marker is stored before the call; a definite refusal
 * removes it again, an unknown outcome keeps it so the next run reconciles instead of resending.
 */
export async function irreversibleStep(
  platform: Platform,
  ctx: PublishContext,
  key: string,
  call: () => Promise<ProviderResult<string>>,
): Promise<ProviderResult<string>> {
  const known = ctx.steps[key];
  if (known) return pOk(known);
  if (ctx.steps[`${key}:attempt`]) return pFail(failure(platform, 'unconfirmed', 'outcome_unknown'));
  await ctx.checkpoint?.(`before:${key}`);
  await ctx.record(`${key}:attempt`, ctx.now().toISOString());
  await ctx.checkpoint?.(`attempted:${key}`);
  const r = await call();
  if (!r.ok) {
    if (r.failure.kind !== 'unconfirmed') await ctx.forget([`${key}:attempt`]);
    return r;
  }
  await ctx.checkpoint?.(`sent:${key}`);
  await ctx.record(key, r.value);
  await ctx.checkpoint?.(`stored:${key}`);
  return r;
}

/** Downgrades a failure on the irreversible call: a 5xx there may still have created the post. */
export function onIrreversible(platform: Platform, f: ProviderFailure): ProviderFailure {
  if (f.kind === 'retryable' && (f.code === 'platform_error' || f.code === 'network')) {
    return failure(platform, 'unconfirmed', 'outcome_unknown', {
      ...(f.platformCode ? { platformCode: f.platformCode } : {}),
      ...(f.platformMessage ? { platformMessage: f.platformMessage } : {}),
      ...(f.traceId ? { traceId: f.traceId } : {}),
    });
  }
  return f;
}

/** Caption comparison tolerant of the whitespace and trimming platforms apply. */
export function sameText(a: string | undefined | null, b: string | undefined | null): boolean {
  const norm = (s: string | undefined | null) => (s ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && (x === y || (x.length > 60 && y.length > 60 && x.slice(0, 60) === y.slice(0, 60)));
}
