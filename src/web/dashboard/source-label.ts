import { hasKey, t } from '../../i18n/index.js';

// The monitoring module stores the evidence source as a code; the web says it (issue 19 point 2:
// modules answer codes, the edge maps them to catalogue keys).

// Evidence sources in words people use ("dari RSS situs", "dari halaman berita"), never the
// engine's codes (wp_rest, lexicon, rdap). Collector codes carry how the date was read
// (article_page_json_ld, list_page_printed): the place is what a person needs.
export function sourceLabel(source: string): string {
  for (const prefix of ['article_page', 'list_page', 'home_page']) if (source.startsWith(prefix)) return t(`monitoring.source.${prefix}`);
  return hasKey(`monitoring.source.${source}`) ? t(`monitoring.source.${source}`) : t('monitoring.source.none');
}
