// Reading the app's HTML in HTTP tests: attribute values come back entity-escaped, and a form's
// problem is a `<p class="error" id="…">` next to its field.

/** Undoes the escaping of quotes and ampersands the views apply to text and attribute values. */
export const decodeEntities = (html: string): string => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The problem said next to a field (its error paragraph's id), or null when there is none. */
export const fieldError = (html: string, id: string): string | null => new RegExp(`<p class="error" id="${id}">([^<]*)</p>`).exec(html)?.[1] ?? null;
