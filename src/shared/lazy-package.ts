import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package that is loaded the first time it is used, not when the server starts: sharp alone
 * costs ~27 MB and 0.4 s at start-up, pg and pg-boss ~30 MB on a SQLite city that never uses
 * them (decision 0014). Calls, `new` and property reads are passed to the package, so a module
 * keeps writing `sharp(bytes)` or `new PgBoss(…)` with only its import line changed.
 * `pick` chooses an export of the package (for named exports).
 */
export function lazyPackage<T extends object, Exports extends object = T>(name: string, pick: (exports: Exports) => object = (m) => m): T {
  let loaded: object | undefined;
  const load = () => (loaded ??= pick(require(name)));
  // The proxy stands for T: a call or a `new` reaches the package only where T allows one.
  return new Proxy(function lazy() {}, {
    apply: (_target, thisArg, args) => Reflect.apply(load() as (...a: unknown[]) => unknown, thisArg, args),
    construct: (_target, args) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
    get: (_target, prop) => Reflect.get(load(), prop),
    has: (_target, prop) => Reflect.has(load(), prop),
  }) as unknown as T;
}
