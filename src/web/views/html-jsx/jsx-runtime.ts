import type { JSX as HonoJSX } from 'hono/jsx';

// A JSX runtime that renders straight to a string, used by the public site (the pages citizens
// load, and the ones the throughput budget of issue 3 measures). hono/jsx builds a node tree and
// renders it later inside an AsyncLocalStorage context with head hoisting, name-space tracking and
// async component support; the public pages use none of that, and that machinery was about a
// quarter of an uncached page's CPU. Here an element is rendered the moment it is created, so a
// page is one pass of string concatenation. Output matches hono/jsx for what the site uses (same
// escaping, `<br/>`-style void tags, `attr=""` booleans) — see docs/decisions/0006.
//
// The rules that keep it safe: text children and attribute values are always escaped; only an
// `Html` value (made by an element, or by `raw()` for markup already sanitised or built by us) is
// inserted as is. Components must be synchronous: a Promise child is a programming error and
// throws instead of rendering "[object Promise]".

/** Markup that is already safe to insert. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = string | number | bigint | boolean | null | undefined | Html | Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: never) => Child;

/** Trusted markup (sanitised rich text, our own CSS or JSON-LD): inserted without escaping. */
export const raw = (html: string): Html => new Html(html);

const ESCAPE_RE = /["&'<>]/;
const ESCAPE_ALL = /["&'<>]/g;
const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Escapes text for an element body or a quoted attribute value (the same five characters as hono). */
export function escapeHtml(s: string): string {
  // Most strings need nothing; the test is cheaper than the replace.
  return ESCAPE_RE.test(s) ? s.replace(ESCAPE_ALL, (c) => ESCAPES[c]!) : s;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Rendered as `name=""` when true and left out when false; any other boolean prints as text
// (aria-hidden="true"), as in hono/jsx.
const BOOLEAN = new Set([
  'allowfullscreen', 'async', 'autofocus', 'autoplay', 'checked', 'controls', 'default', 'defer', 'disabled', 'download',
  'formnovalidate', 'hidden', 'inert', 'ismap', 'itemscope', 'loop', 'multiple', 'muted', 'nomodule', 'novalidate', 'open',
  'playsinline', 'readonly', 'required', 'reversed', 'selected',
]);
const RENAMED: Record<string, string> = { className: 'class', htmlFor: 'for' };
// Tag and attribute names come from our own source, but a typo must not become broken markup.
// Checked once per name: the set of names in our templates is small and fixed.
const NAME_RE = /^[a-zA-Z][a-zA-Z0-9:._-]*$/;
const checkedNames = new Set<string>();
function checkName(kind: string, name: string): void {
  if (checkedNames.has(name)) return;
  if (!NAME_RE.test(name)) throw new Error(`html-jsx: invalid ${kind} name ${JSON.stringify(name)}`);
  if (checkedNames.size < 1000) checkedNames.add(name);
}

export function renderChildren(c: Child): string {
  if (typeof c === 'string') return escapeHtml(c);
  if (c instanceof Html) return c.html;
  if (c == null || typeof c === 'boolean') return '';
  if (typeof c === 'number' || typeof c === 'bigint') return String(c);
  if (Array.isArray(c)) {
    let out = '';
    for (const x of c) out += renderChildren(x);
    return out;
  }
  if ((c as unknown) instanceof Promise) throw new Error('html-jsx: async components are not supported');
  return escapeHtml(String(c));
}

function attributes(props: Props): string {
  let out = '';
  for (const key in props) {
    if (key === 'children' || key === 'key') continue;
    const v = props[key];
    if (v == null) continue;
    const name = RENAMED[key] ?? key;
    checkName('attribute', name);
    if (typeof v === 'boolean' && BOOLEAN.has(name)) {
      if (v) out += ` ${name}=""`;
      continue;
    }
    if (typeof v === 'function') throw new Error(`html-jsx: function given for attribute ${name}`);
    out += ` ${name}="${v instanceof Html ? v.html : escapeHtml(String(v))}"`;
  }
  return out;
}

export function jsx(tag: string | Component, props: Props): Html {
  if (typeof tag === 'function') {
    const r = (tag as (p: Props) => Child)(props);
    return r instanceof Html ? r : new Html(renderChildren(r));
  }
  checkName('tag', tag);
  const open = `<${tag}${attributes(props)}`;
  const children = props.children;
  if (VOID.has(tag) && (children == null || (Array.isArray(children) && children.length === 0))) return new Html(`${open}/>`);
  return new Html(`${open}>${renderChildren(children)}</${tag}>`);
}

export const jsxs = jsx;

export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChildren(props.children));
}

export declare namespace JSX {
  type Element = Html;
  type ElementType = string | Component;
  interface ElementChildrenAttribute {
    children: Child;
  }
  // hono's attribute typings (types only: nothing of hono/jsx runs).
  interface IntrinsicElements extends HonoJSX.IntrinsicElements {
    [tagName: string]: Record<string, unknown>;
  }
  interface IntrinsicAttributes {
    key?: string | number | null | undefined;
  }
}

/**
 * A tagged template for markup every public page repeats (the layout's chrome, cards): the
 * static HTML is one string literal and only the holes are rendered, each by the same rules as
 * a JSX child (strings escaped, Html as is, arrays joined, null/false/undefined empty). In an
 * attribute value a hole is escaped the same way, so `href="${url}"` cannot break out.
 */
export function markup(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderChildren(values[i]) + strings[i + 1]!;
  return new Html(out);
}
