/** @jsxImportSource #html-jsx */
import { describe, expect, it } from 'vitest';
import { Html, markup, raw } from '../../src/web/views/html-jsx/jsx-runtime.js';
import { Crumbs, SafeHtml } from '../../src/web/views/site/components.js';

// The public site's string JSX runtime: escaping is the security boundary of every public page.

describe('html-jsx runtime', () => {
  it('escapes text and attribute values, and inserts only Html as is', () => {
    const hostile = `"><script>alert('x')</script>&`;
    const out = String(<p title={hostile} data-x={raw('<b>')}>{hostile}{raw('<i>ok</i>')}</p>);
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;" data-x="<b>">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;<i>ok</i></p>',
    );
  });

  it('markup`` escapes every hole like a JSX child, in text and in attribute values', () => {
    const hostile = `"><img src=x onerror=alert(1)>`;
    const items = ['<a>', raw('<b>ok</b>')];
    const out = String(markup`<p title="${hostile}">${hostile}${items}${null}${false}${undefined}${3}${<i>jsx</i>}</p>`);
    expect(out).toBe('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;a&gt;<b>ok</b>3<i>jsx</i></p>');
    expect(markup`<br/>`).toBeInstanceOf(Html);
  });

  it('renders void tags, boolean attributes, numbers, arrays, fragments and skips null/false', () => {
    const items = ['a', 'b'];
    const out = String(
      <>
        <input required disabled={false} aria-hidden={true} value={3} hidden={undefined} />
        <ul>{items.map((i) => <li>{i}</li>)}</ul>
        {null}{false}{0}
        <br />
      </>,
    );
    expect(out).toBe('<input required="" aria-hidden="true" value="3"/><ul><li>a</li><li>b</li></ul>0<br/>');
  });

  it('renders function components with children synchronously', () => {
    const Box = (p: { label: string; children?: unknown }) => <section aria-label={p.label}>{p.children as string}</section>;
    expect(String(<Box label="x">isi</Box>)).toBe('<section aria-label="x">isi</section>');
  });

  it('refuses async components, invalid names and function attributes instead of printing garbage', () => {
    const Async = async () => <p />;
    expect(() => String(<div>{Async() as never}</div>)).toThrow(/async/);
    const Tag = 'a onmouseover=x' as 'a';
    expect(() => <Tag />).toThrow(/invalid tag/);
    expect(() => <a {...{ 'x"y': 1 }} />).toThrow(/invalid attribute/);
    expect(() => <a onclick={(() => 1) as never} />).toThrow(/function/);
  });

  it('is the runtime the site components are compiled with (their output is Html, not hono nodes)', () => {
    const crumbs = <Crumbs items={[['Beranda', '/bacang'], ['<Berita>', null]]} />;
    expect(crumbs).toBeInstanceOf(Html);
    expect(String(crumbs)).toContain('<span aria-current="page">&lt;Berita&gt;</span>');
    // Sanitised rich text goes in as markup; what the sanitiser removes never reaches the page.
    expect(String(<SafeHtml html={'<p>Hai<script>alert(1)</script></p>'} />)).toBe('<div class="prose"><p>Hai</p></div>');
  });
});
