// Structured data so search engines and chat apps recognise a kelurahan as a government body and
// its posts as news and events. Builders return plain objects; the view serialises them with
// `jsonLdScript`, which neutralises `</script>` inside user text.

import { wibIsoWithOffset } from '../../../shared/wib-time.js';

export interface OrgInput {
  name: string;
  url: string;
  logo?: string;
  image?: string;
  address?: string;
  postalCode?: string;
  locality?: string;
  region?: string;
  telephone?: string;
  email?: string;
  parentName?: string;
  sameAs?: string[];
}

export function governmentOrganization(o: OrgInput): Record<string, unknown> {
  return strip({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: o.name,
    url: o.url,
    logo: o.logo,
    image: o.image,
    telephone: o.telephone || undefined,
    email: o.email || undefined,
    address: o.address
      ? strip({
          '@type': 'PostalAddress',
          streetAddress: o.address,
          postalCode: o.postalCode || undefined,
          addressLocality: o.locality,
          addressRegion: o.region,
          addressCountry: 'ID',
        })
      : undefined,
    parentOrganization: o.parentName ? { '@type': 'GovernmentOrganization', name: o.parentName } : undefined,
    sameAs: o.sameAs && o.sameAs.length > 0 ? o.sameAs : undefined,
  });
}

export interface ArticleInput {
  headline: string;
  url: string;
  description: string;
  image?: string;
  published: Date;
  modified: Date;
  author: string;
  publisher: { name: string; logo?: string };
}

export function newsArticle(a: ArticleInput): Record<string, unknown> {
  return strip({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline.slice(0, 110),
    mainEntityOfPage: a.url,
    description: a.description,
    image: a.image ? [a.image] : undefined,
    datePublished: a.published.toISOString(),
    dateModified: a.modified.toISOString(),
    author: { '@type': 'Organization', name: a.author },
    publisher: strip({
      '@type': 'GovernmentOrganization',
      name: a.publisher.name,
      logo: a.publisher.logo ? { '@type': 'ImageObject', url: a.publisher.logo } : undefined,
    }),
  });
}

export interface EventInput {
  name: string;
  url: string;
  description: string;
  start: Date;
  end?: Date;
  place: string;
  address?: string;
  image?: string;
  organizer: string;
  organizerUrl: string;
}

export function eventLd(e: EventInput): Record<string, unknown> {
  return strip({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: e.name,
    url: e.url,
    description: e.description,
    startDate: jakarta(e.start),
    endDate: e.end ? jakarta(e.end) : undefined,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: strip({
      '@type': 'Place',
      name: e.place,
      address: e.address ? { '@type': 'PostalAddress', streetAddress: e.address, addressCountry: 'ID' } : e.place,
    }),
    image: e.image ? [e.image] : undefined,
    organizer: { '@type': 'GovernmentOrganization', name: e.organizer, url: e.organizerUrl },
  });
}

/** ISO-8601 with the +07:00 offset, because event times are announced in WIB. */
export const jakarta = wibIsoWithOffset;

/** JSON for a <script type="application/ld+json"> element; `<` is escaped so text cannot close the tag. */
const JSON_UNSAFE: Record<string, string> = { '<': '\\u003c', '\u2028': '\\u2028', '\u2029': '\\u2029' };
export const jsonLdText = (data: unknown): string => JSON.stringify(data).replace(/[<\u2028\u2029]/g, (c) => JSON_UNSAFE[c]!);

/** Leaves out empty fields (a loop: this runs for every uncached page). */
function strip<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined && o[k] !== '') out[k] = o[k];
  return out as T;
}
