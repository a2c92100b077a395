// tsx and vitest compile JSX in development mode, which imports `jsxDEV` from here; the extra
// source-location arguments are not needed for rendering strings.
import { type Child, Fragment, Html, jsx } from './jsx-runtime.js';

export type { JSX } from './jsx-runtime.js';
export { Fragment };

export function jsxDEV(tag: Parameters<typeof jsx>[0], props: Record<string, unknown> & { children?: Child }): Html {
  return jsx(tag, props);
}
