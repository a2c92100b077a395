import * as z from 'zod';
import type { RuleError } from './rules.js';

// A reminder rule's form at /admin/pengingat/aturan as the web edge reads it (issue 19 point 2):
// bounds and types here; validateRule (through saveReminderRuleAsAdmin) still decides whether the
// schedule runs, the threshold suits the trigger and a role or channel is known, and the edge puts
// each refusal next to its field (RULE_ERROR_FIELD).
export const reminderRuleFormSchema = z.object({
  ruleId: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  schedule: z.string().trim().max(200),
  threshold: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number),
  enabled: z.string().transform((v) => v === '1'),
  roles: z.array(z.string().max(40)).min(1).max(20),
  channels: z.array(z.string().max(40)).min(1).max(20),
});

export type ReminderRuleForm = z.output<typeof reminderRuleFormSchema>;

/** The form field each refusal of a rule is about. */
export const RULE_ERROR_FIELD: Record<RuleError, keyof ReminderRuleForm> = {
  invalid_input: 'name',
  invalid_schedule: 'schedule',
  invalid_timezone: 'schedule',
  invalid_threshold: 'threshold',
  no_recipients: 'roles',
  no_channels: 'channels',
};

/** The refusal said for a field the schema found wrong (its text is the catalogue's). */
export const RULE_FIELD_ERROR: Record<string, RuleError> = {
  ruleId: 'invalid_input',
  name: 'invalid_input',
  schedule: 'invalid_schedule',
  threshold: 'invalid_threshold',
  enabled: 'invalid_input',
  roles: 'no_recipients',
  channels: 'no_channels',
};

/** "Tandai sudah dibaca" on an in-app notification: its id (only the owner's is ever marked). */
export const markReadFormSchema = z.object({ id: z.string().trim().min(1).max(100) });
