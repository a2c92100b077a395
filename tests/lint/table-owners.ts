import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Which module owns each table (issue 19 point 6). A module queries its own tables; it reaches
// another module's data through that module's index.ts, or — where one query must join tables of
// several modules — in a read-model file, src/modules/<module>/read-models/<use>.ts, whose header
// comment names every other module's table it reads and why (docs/architecture.md, decision 0016).
// A new table gets its owner here, or the test that uses this map fails.
export const TABLE_OWNER: Record<string, string> = {
  units: 'units',
  users: 'accounts', user_units: 'accounts', sessions: 'accounts', audit_log: 'accounts', login_throttle: 'accounts', login_attempts: 'accounts',
  form_submissions: 'accounts', setup_tokens: 'accounts', staff_handovers: 'accounts',
  profile_sections: 'profile',
  content_items: 'content', galleries: 'content', gallery_photos: 'content', public_documents: 'content',
  service_catalogue: 'services', unit_services: 'services',
  media: 'media', media_keys: 'media',
  composer_drafts: 'composer', composer_draft_versions: 'composer', composer_comments: 'composer', composer_settings: 'composer',
  broadcasts: 'composer', broadcast_items: 'composer', help_requests: 'composer',
  channel_accounts: 'channels', channel_activity: 'channels', channel_alerts: 'channels', channel_call_windows: 'channels',
  deliveries: 'publishing', delivery_steps: 'publishing', delivery_changes: 'publishing',
  monitor_sites: 'monitoring', monitor_observations: 'monitoring', monitor_daily: 'monitoring', monitor_first_seen: 'monitoring',
  monitor_check_batches: 'monitoring', monitor_check_batch_units: 'monitoring', web_presences: 'monitoring', unit_recheck_requests: 'monitoring',
  monitor_sweeps: 'monitoring', monitor_sweep_units: 'monitoring', monitor_host_slots: 'monitoring', monitor_rdap_answers: 'monitoring',
  monitor_registration_syncs: 'monitoring',
  compliance_rules: 'compliance', compliance_verdicts: 'compliance', compliance_exceptions: 'compliance', compliance_disputes: 'compliance',
  notifications: 'reminders', notification_preferences: 'reminders', reminder_ledger: 'reminders', reminder_rules: 'reminders', staff_message_outbox: 'reminders',
  pelayanan_requests: 'pelayanan', pelayanan_complaints: 'pelayanan', pelayanan_documents: 'pelayanan', pelayanan_events: 'pelayanan',
  pelayanan_holidays: 'pelayanan', pelayanan_letters: 'pelayanan', pelayanan_letter_sequences: 'pelayanan', pelayanan_outbox: 'pelayanan',
  pelayanan_service_settings: 'pelayanan', pelayanan_unit_settings: 'pelayanan', pelayanan_throttle: 'pelayanan',
  page_changes: 'page-invalidation',
  // The job queue's tables belong to src/jobs, not to any module.
  jobs: 'src/jobs', job_schedules: 'src/jobs', job_singletons: 'src/jobs',
};

const KYSELY = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin)\(\s*['"]([a-z_]+)(?:\s+as\s+\w+)?['"]/g;
const RAW = /\b(?:from|join|into|update)\s+"?([a-z_]+)"?/gi;

/** The tables a source text queries: Kysely builder calls, and plain SQL inside sql`…` templates. */
export function tablesQueried(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(KYSELY)) out.add(m[1]!);
  for (const tpl of text.matchAll(/\bsql(?:<[^`]*?>)?`([^`]*)`/g)) {
    for (const m of tpl[1]!.matchAll(RAW)) if (TABLE_OWNER[m[1]!.toLowerCase()]) out.add(m[1]!.toLowerCase());
  }
  return out;
}

/** The comment block a file starts with (after its imports): where a read model says what it joins. */
export function headerOf(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && (/^\s*(import|export \{.*\} from|$)/.test(lines[i]!) || /^\s*\}? ?from '/.test(lines[i]!) || /^\s+\w+,?$/.test(lines[i]!))) i++;
  const out: string[] = [];
  while (i < lines.length && /^\s*(\/\/|\/\*|\*)/.test(lines[i]!)) out.push(lines[i++]!);
  return out.join('\n');
}

export interface Trespass {
  file: string;
  table: string;
  owner: string;
}

/** Another module's tables queried by a module file; in a read-model file, those its header does not name. */
export function trespassesOf(file: string, text: string): Trespass[] {
  const m = /(?:^|\/)src\/modules\/([^/]+)\//.exec(file);
  if (!m) return [];
  const module = m[1]!;
  const readModel = /\/read-models\/[^/]+\.ts$/.test(file);
  const header = readModel ? headerOf(text) : '';
  const out: Trespass[] = [];
  for (const table of tablesQueried(text)) {
    const owner = TABLE_OWNER[table] ?? '(no owner)';
    if (owner === module) continue;
    if (readModel && owner !== 'src/jobs' && new RegExp(`\\b${table}\\b`).test(header) && header.includes(owner)) continue;
    out.push({ file, table, owner });
  }
  return out;
}

export function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

export const read = (p: string) => readFileSync(p, 'utf8');
