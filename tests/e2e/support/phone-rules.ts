import type { Page } from 'playwright-core';

// The staff-screen rules of AGREEMENT.md measured in the browser at 360 px: text ≥ 18 px (secondary
// notes ≥ 16 px), every tappable control ≥ 48 × 48 px (links inside running text excepted), no
// horizontal scroll. Returns what breaks them, as readable lines. Measures the page's own content
// (main and the menu below it); the shared header bar is staff-reach's 360 px crawl's to judge.

export async function phoneRuleProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as any;
    const doc = g.document;
    const out: string[] = [];
    if (doc.documentElement.scrollWidth > g.innerWidth + 1) out.push(`horizontal scroll: ${doc.documentElement.scrollWidth}px > ${g.innerWidth}px`);
    const visible = (el: any) => {
      const r = el.getBoundingClientRect();
      const cs = g.getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && !el.closest('[aria-hidden="true"]');
    };
    const describe = (el: any) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.textContent || el.value || el.name || '').trim().slice(0, 40)}"`;
    // Controls: buttons, form fields, and links that stand alone (not inside a sentence).
    for (const el of doc.querySelectorAll('main button, main input:not([type=hidden]), main select, main textarea, main a, nav.staff-nav a')) {
      if (!visible(el)) continue;
      if (el.tagName === 'A') {
        const parent = el.parentElement;
        const inText = parent && ['P', 'SPAN', 'DD', 'TD'].includes(parent.tagName) && (parent.textContent || '').trim().length > (el.textContent || '').trim().length + 2;
        if (inText) continue;
      }
      const r = el.getBoundingClientRect();
      const isBox = el.type === 'checkbox' || el.type === 'radio';
      // A checkbox or radio is as big as the label row it sits in.
      const box = isBox && el.closest('label') ? el.closest('label').getBoundingClientRect() : r;
      if (box.height < 47.5 || (!isBox && box.width < 47.5)) out.push(`small control ${Math.round(box.width)}×${Math.round(box.height)}: ${describe(el)}`);
    }
    // Text: everything with its own text in main.
    for (const el of doc.querySelectorAll('main *')) {
      if (!visible(el)) continue;
      const own = Array.from(el.childNodes).some((n: any) => n.nodeType === 3 && n.textContent.trim().length > 0);
      if (!own) continue;
      const size = parseFloat(g.getComputedStyle(el).fontSize);
      const secondary = el.closest('.muted, .hint, .meta, .when, .badge, .pel-badge, .count, small, .visually-hidden');
      const min = secondary ? 16 : 18;
      if (size < min - 0.2) out.push(`text ${size}px < ${min}px: ${describe(el)}`);
    }
    return out;
  });
}
