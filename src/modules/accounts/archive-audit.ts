import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { recordAudit } from './audit.js';

// Retention of the audit log (issue 13). A government keeps these records for years, so the
// period is long (default two years) and nothing is ever lost silently: the rows past it are
// first written, complete, to an archive (a file beside the data, taken by every backup), and
// only then deleted; the audit log itself records each archiving with the file's name.

export type AuditRow = Selectable<DB['audit_log']>;

/** Where old audit rows go before they leave the database; returns a name to record. */
export interface AuditArchive {
  /** Must have stored the rows durably when it resolves; a throw leaves the rows in place. */
  save(rows: AuditRow[]): Promise<string>;
}

export async function archiveOldAudit(
  db: Kysely<DB>,
  clock: Clock,
  opts: { before: string; limit: number; archive: AuditArchive },
): Promise<{ archived: number; file: string | null }> {
  const rows = await db.selectFrom('audit_log').selectAll().where('at', '<', opts.before).orderBy('at').orderBy('id').limit(opts.limit).execute();
  if (rows.length === 0) return { archived: 0, file: null };
  const file = await opts.archive.save(rows);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx.deleteFrom('audit_log').where('id', 'in', rows.slice(i, i + 500).map((r) => r.id)).execute();
    }
    await recordAudit(trx, clock, {
      actorUserId: null,
      action: 'audit.archived',
      target: file,
      detail: { rows: rows.length, from: rows[0]!.at, to: rows[rows.length - 1]!.at },
    });
  });
  return { archived: rows.length, file };
}
