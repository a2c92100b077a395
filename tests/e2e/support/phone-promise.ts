import type { Page } from 'playwright-core';

// The staff area's phone promise (issue 14, point 12), measured in the page at 360×800:
// - text ≥ 18 px; secondary notes (SECONDARY) ≥ 16 px;
// - every tappable control ≥ 48×48 px, except a link inside running text (the WCAG 2.2 target-size
//   "inline" exception: a link in a sentence, whose height the sentence's line decides);
// - no horizontal scrolling of the page.
// A checkbox or radio is measured with its label (tapping the label ticks it); a visually hidden
// file input with the label that opens it. Collapsed <details> are opened first, so what a tap
// on "summary" shows is measured too.

export const MIN_TEXT = 18;
export const MIN_SECONDARY = 16;
export const MIN_TARGET = 48;
/** Secondary notes: hints under fields, muted explanations, list metadata, counters, legends. */
export const SECONDARY = '.muted, .hint, .meta, small, .count, .desc, .save-status, .streak, .grade, .who';

export interface Violation {
  kind: 'text' | 'target' | 'overflow';
  /** A CSS-ish path to the element and what it shows. */
  where: string;
  size: string;
}

export async function phoneViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(
    ({ MIN_TEXT, MIN_SECONDARY, MIN_TARGET, SECONDARY }) => {
      const d = (globalThis as any).document;
      const win = globalThis as any;
      const out: { kind: 'text' | 'target' | 'overflow'; where: string; size: string }[] = [];
      for (const det of d.querySelectorAll('details')) det.open = true;
      const path = (el: any): string => {
        const parts: string[] = [];
        for (let e = el; e && e !== d.body && parts.length < 3; e = e.parentElement) {
          parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].join('.')}` : ''));
        }
        return parts.join(' > ');
      };
      const label = (el: any) => ` "${(el.textContent || el.getAttribute('aria-label') || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
      const shown = (el: any) => {
        const s = win.getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none') return false;
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1;
      };

      const root = d.documentElement;
      if (root.scrollWidth > root.clientWidth + 1) {
        // The culprit: the smallest box, or the text, that reaches past the screen's edge.
        let widest: any = null;
        for (const el of d.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > root.clientWidth + 1 && (!widest || r.width < widest.getBoundingClientRect().width)) widest = el;
        }
        if (!widest) {
          const tw = d.createTreeWalker(d.body, 4);
          for (let n = tw.nextNode(); n && !widest; n = tw.nextNode()) {
            const range = d.createRange();
            range.selectNodeContents(n);
            if (range.getBoundingClientRect().right > root.clientWidth + 1) widest = n.parentElement;
          }
        }
        out.push({ kind: 'overflow', where: widest ? path(widest) + label(widest) : 'body', size: `${root.scrollWidth}px > ${root.clientWidth}px` });
      }

      const walker = d.createTreeWalker(d.body, 4 /* SHOW_TEXT */);
      const seen = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !/[\p{L}\p{N}]/u.test(n.textContent)) continue;
        if (el.closest('script, style, noscript, template, option, textarea, title')) continue;
        seen.add(el);
        if (!shown(el)) continue;
        let size = parseFloat(win.getComputedStyle(el).fontSize);
        const svg = el.closest('svg');
        if (svg && svg.getScreenCTM) size *= svg.getScreenCTM().a;
        const min = el.closest(SECONDARY) ? MIN_SECONDARY : MIN_TEXT;
        if (size < min - 0.05) out.push({ kind: 'text', where: path(el) + label(el), size: `${size.toFixed(1)}px < ${min}px` });
      }

      const inRunningText = (a: any) => {
        if (a.tagName !== 'A' || win.getComputedStyle(a).display !== 'inline') return false;
        const block = a.parentElement;
        let outside = '';
        for (const c of block.childNodes) if (c !== a && !(c.contains && c.contains(a))) outside += c.textContent ?? '';
        return /\p{L}{2,}/u.test(outside.replace(/\s+/g, ' '));
      };
      const targets = d.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
      for (const el of targets) {
        let box = el;
        const type = (el.getAttribute('type') || '').toLowerCase();
        if (el.tagName === 'INPUT' && ['checkbox', 'radio', 'file'].includes(type)) {
          const lab = el.closest('label') || (el.id ? d.querySelector(`label[for="${el.id}"]`) : null);
          if (lab && (type !== 'file' || !shown(el))) box = lab;
        }
        if (!shown(box) || inRunningText(el)) continue;
        const r = box.getBoundingClientRect();
        if (r.width < MIN_TARGET - 0.5 || r.height < MIN_TARGET - 0.5) out.push({ kind: 'target', where: path(box) + label(box), size: `${Math.round(r.width)}×${Math.round(r.height)}px` });
      }
      return out;
    },
    { MIN_TEXT, MIN_SECONDARY, MIN_TARGET, SECONDARY },
  );
}
