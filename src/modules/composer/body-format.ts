// Staff never write HTML. The composer's text is plain with four marks the toolbar inserts and
// anyone can type: a blank line starts a paragraph, **bold**, lines starting with "- " make a
// list, [words](https://…) make a link (a bare https:// address becomes a link too). This turns
// that text into the small HTML the content module accepts; everything is escaped first, so a
// pasted <script> stays visible text and never markup.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  let out = esc(text);
  out = out.replace(/\*\*([^*\n]+?)\*\*/g, '<strong>$1</strong>');
  // [words](https://…): escaped already, so the URL cannot break out of the attribute.
  out = out.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a>`);
  out = out.replace(/(^|[\s(])(https?:\/\/[^\s<)]+[^\s<).,;:!?])/g, (_m, pre: string, url: string) => `${pre}<a href="${url}">${url}</a>`);
  return out;
}

export function bodyToHtml(body: string): string {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return blocks
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => /^\s*[-•*]\s+/.test(l))) {
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-•*]\s+/, ''))}</li>`).join('')}</ul>`;
      }
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('\n');
}

/** The text as people read it on social media: marks removed, links kept as their address. */
export function bodyToPlain(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/\*\*([^*\n]+?)\*\*/g, '$1')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '$1 ($2)')
    .replace(/^\s*[-*]\s+/gm, '• ')
    .trim();
}
