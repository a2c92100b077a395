import { type Draft, type LeftPlaceholder, placeholdersIn } from '../../../modules/composer/index.js';
import { t } from '../../../i18n/index.js';

// "[syarat 1]" left from a template stops publishing. The refusal names each mark and the field
// it is in, at the top of the page and again next to the field, so an older operator can find it.

export type FieldErrors = Partial<Record<LeftPlaceholder['field'], string>>;

export function placeholderProblems(draft: Pick<Draft, 'title' | 'body' | 'captions'>): { summary: string[]; fields: FieldErrors } {
  const byField = new Map<LeftPlaceholder['field'], string[]>();
  for (const p of placeholdersIn(draft)) byField.set(p.field, [...(byField.get(p.field) ?? []), p.text]);
  const summary: string[] = [];
  const fields: FieldErrors = {};
  for (const [field, marks] of byField) {
    const list = marks.join(', ');
    summary.push(t('composer.placeholder.summary', { field: t(`composer.placeholder.where.${field}`), marks: list }));
    fields[field] = t('composer.placeholder.field', { marks: list });
  }
  return { summary, fields };
}
