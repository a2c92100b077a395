import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Role } from '../../../db/schema/index.js';
import { formatDateTime, hasKey, t } from '../../../i18n/index.js';
import { roleLabel } from '../../../i18n/role-label.js';
import { reminderChannelLabel, reminderStatusLabel } from '../../../i18n/reminder-labels.js';
import {
  NOTIFIER_CHANNELS,
  type NotifierChannel,
  type ReminderRule,
  getNotificationPreferences,
  listNotifications,
  listReminderProblems,
  listReminderRules,
  markNotificationRead,
  markReadFormSchema,
  RULE_ERROR_FIELD,
  RULE_FIELD_ERROR,
  reminderRetrySchema,
  reminderRuleFormSchema,
  retryReminderAsAdmin,
  saveReminderRuleAsAdmin,
  notificationPrefsFormSchema,
  setNotificationPreferences,
} from '../../../modules/reminders/index.js';
import { unitRepository } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { DashStyles } from '../../dashboard/components.js';
import { CsrfInput, ErrorSummary, Field } from '../../views/form.js';
import { renderForbidden } from '../../errors.js';
import { type FormValues, fieldErrors, formLists, formValues, parseForm, parseValues } from '../../forms/parse-form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { requireCityAdmin } from '../require-city-admin.js';

// Reminders (issue 7 §7): admin kota tunes the city's rules and sees failed sends; every person
// chooses their own channels (opt-in) and reads their in-app notifications.

const ROLES: Role[] = ['operator', 'lurah', 'pendamping', 'camat', 'pimpinan', 'admin_kota'];
const flashOf = (c: Context<AppEnv>) => {
  const k = c.req.query('ok');
  return k && hasKey(`rem.flash.${k}`) ? { kind: 'ok' as const, text: t(`rem.flash.${k}`) } : null;
};
const RULE_FIELDS = ['ruleId', 'name', 'schedule', 'threshold', 'enabled'] as const;
/** The notification preferences form: per channel its tick and (not for in-app) its address. */
const PREF_FIELDS = NOTIFIER_CHANNELS.flatMap((ch) => (ch === 'inapp' ? [`on_${ch}`] : [`on_${ch}`, `addr_${ch}`]));
/** A rule form sent back: what was typed in it and the problem of each field, for that rule only. */
type RuleTyped = { ruleId: string; values: FormValues; lists: Record<string, string[]>; errors: Record<string, string> };

export function remindersAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pengingat', requireCityAdmin(deps));
  app.use('/admin/pengingat/*', requireCityAdmin(deps));

  const renderRules = async (c: Context<AppEnv>, problems: string[] = [], typed?: RuleTyped) => {
    const [rules, failing] = await Promise.all([listReminderRules(deps.db, c.get('region')), listReminderProblems(deps.db, c.get('region'), 50)]);
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('rem.title')} actor={c.get('actor')} csrfToken={csrf} flash={flashOf(c)} back={{ href: '/admin/dasbor', label: t('dash.title') }}>
        <DashStyles />
        <h1>{t('rem.title')}</h1>
        <ErrorSummary errors={problems} />
        <p>{t('rem.intro')}</p>
        {rules.map((r) => <RuleForm rule={r} csrf={csrf} typed={typed?.ruleId === r.id ? typed : undefined} />)}
        <section class="card">
          <h2>{t('rem.problems')}</h2>
          {failing.length === 0 ? <p>{t('rem.problems_none')}</p> : null}
          <ul class="timeline">
            {failing.map((f) => (
              <li>
                <time datetime={f.createdAt}>{formatDateTime(f.createdAt)}</time>
                <span><strong>{f.recipientName}</strong> · {reminderChannelLabel(f.channel)} · {reminderStatusLabel(f.status)}</span>
                <span>{f.ruleName}</span>
                {f.lastErrorReason ? <span class="error">{f.lastErrorReason}</span> : null}
                <form method="post" action="/admin/pengingat/ulang" class="inline">
                  <CsrfInput token={csrf} />
                  <input type="hidden" name="ledgerId" value={f.id} />
                  <button type="submit" class="secondary">{t('rem.retry')}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      </StaffLayout>,
    );
  };

  app.get('/admin/pengingat', (c) => renderRules(c));

  app.post('/admin/pengingat/aturan', async (c) => {
    const values = await formValues(c, RULE_FIELDS);
    const lists = await formLists(c, ['roles', 'channels']);
    const city = (await unitRepository.inRegion(deps.db, c.get('region'))).find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
    const rules = await listReminderRules(deps.db, c.get('region'));
    const rule = rules.find((r) => r.id === values.ruleId);
    if (!city || !rule) return c.redirect('/admin/pengingat?ok=not_found', 303);
    // Refused: the rule's form again with what was typed in it, each problem next to its field.
    const refuse = (errors: Record<string, string>) => {
      c.status(400);
      return renderRules(c, Object.values(errors), { ruleId: rule.id, values, lists, errors });
    };
    const form = parseValues(reminderRuleFormSchema, values, { ...values, ...lists });
    if (!form.ok) return refuse(fieldErrors(form.problems, (p) => t(`reminders.error.${RULE_FIELD_ERROR[p.path.split('.')[0]!] ?? 'invalid_input'}`)));
    const d = form.data;
    const r = await saveReminderRuleAsAdmin(deps, {
      actor: c.get('actor')!,
      cityUnitId: city.id,
      draft: {
        name: d.name,
        trigger: rule.trigger,
        schedule: rule.schedule === null && d.schedule === '' ? null : d.schedule,
        timezone: rule.timezone,
        threshold: d.threshold,
        recipientRoles: d.roles as Role[],
        channels: d.channels as NotifierChannel[],
        unitKinds: rule.unitKinds,
        enabled: d.enabled,
      },
      id: rule.id,
    });
    if (!r.ok) {
      const e = r.error;
      if (e === 'forbidden') return renderForbidden(c);
      if (e === 'not_found') return c.redirect('/admin/pengingat?ok=not_found', 303);
      return refuse({ [RULE_ERROR_FIELD[e]]: t(`reminders.error.${e}`) });
    }
    return c.redirect('/admin/pengingat?ok=saved', 303);
  });

  app.post('/admin/pengingat/ulang', async (c) => {
    const form = await parseForm(c, reminderRetrySchema, ['ledgerId']);
    const r = form.ok ? await retryReminderAsAdmin(deps, { actor: c.get('actor')!, ledgerId: form.data.ledgerId, region: c.get('region') }) : null;
    if (r && !r.ok && r.error === 'forbidden') return renderForbidden(c);
    return c.redirect(`/admin/pengingat?ok=${r?.ok ? 'requeued' : 'not_found'}`, 303);
  });

  // Everyone: their own channels and opt-in. Sent back refused, the form shows what was typed
  // and each channel's problem next to its address.
  const renderPrefs = async (c: Context<AppEnv>, typed?: { values: FormValues; errors: Record<string, string> }) => {
    const prefs = await getNotificationPreferences(deps.db, c.get('actor')!.id);
    const csrf = c.get('csrfToken');
    const errors = typed?.errors ?? {};
    return c.html(
      <StaffLayout title={t('rem.prefs.title')} actor={c.get('actor')} csrfToken={csrf} flash={flashOf(c)} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('rem.prefs.title')}</h1>
        <ErrorSummary errors={Object.entries(errors).map(([ch, e]) => `${t(`reminders.channel.${ch as NotifierChannel}`)}: ${e}`)} />
        <p>{t('rem.prefs.intro')}</p>
        <form method="post" action="/admin/akun/pemberitahuan" class="card">
          <CsrfInput token={csrf} />
          {prefs.map((p) => (
            <fieldset>
              <legend>{t(`reminders.channel.${p.channel}`)}</legend>
              <label class="check">
                <input type="checkbox" name={`on_${p.channel}`} value="1" checked={typed ? typed.values[`on_${p.channel}`] === '1' : p.optedIn} /> {t('rem.prefs.receive')}
              </label>
              {p.channel === 'inapp' ? null : (
                <Field
                  name={`addr_${p.channel}`}
                  label={t(`rem.prefs.addr.${p.channel}`)}
                  value={typed ? typed.values[`addr_${p.channel}`] : p.address}
                  hint={t(`rem.prefs.hint.${p.channel}`)}
                  error={errors[p.channel]}
                />
              )}
            </fieldset>
          ))}
          <button type="submit" class="wide">{t('mon.rule.save')}</button>
        </form>
        <p><a href="/admin/notifikasi">{t('rem.inbox.title')}</a></p>
      </StaffLayout>,
    );
  };
  app.get('/admin/akun/pemberitahuan', (c) => renderPrefs(c));
  app.post('/admin/akun/pemberitahuan', async (c) => {
    const form = await parseForm(c, notificationPrefsFormSchema, PREF_FIELDS, (v) =>
      Object.fromEntries(NOTIFIER_CHANNELS.map((ch) => [ch, { optedIn: v[`on_${ch}`], address: v[`addr_${ch}`] ?? '' }])),
    );
    const r = form.ok ? await setNotificationPreferences(deps.db, deps.clock, c.get('actor')!.id, form.data) : { ok: false as const, problems: form.problems };
    if (!r.ok) {
      // The field is the channel (the path's first part): its address, or its tick for in-app.
      c.status(400);
      return renderPrefs(c, { values: form.values, errors: fieldErrors(r.problems ?? [], (p) => t(p.code === 'address_required' ? 'reminders.error.address_required' : 'reminders.error.invalid_address')) });
    }
    return c.redirect('/admin/akun/pemberitahuan?ok=prefs_saved', 303);
  });

  // Everyone: the in-app notifications (the bell).
  app.get('/admin/notifikasi', async (c) => {
    const items = await listNotifications(deps.db, c.get('actor')!.id, { limit: 50 });
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={t('rem.inbox.title')} actor={c.get('actor')} csrfToken={csrf} flash={flashOf(c)} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <DashStyles />
        <h1>{t('rem.inbox.title')}</h1>
        {items.length === 0 ? <p class="card">{t('rem.inbox.empty')}</p> : null}
        <ul class="unit-list">
          {items.map((n) => (
            <li class={n.read ? 'read' : 'unread'}>
              <span class="name">{n.read ? '' : `● ${t('rem.inbox.new')} · `}{n.title}</span>
              <span class="meta">{formatDateTime(n.createdAt)}</span>
              <p>{n.body}</p>
              <div class="actions">
                {n.link ? <a href={n.link}>{t('rem.inbox.open')}</a> : null}
                {n.read ? null : (
                  <form method="post" action="/admin/notifikasi/baca" class="inline">
                    <CsrfInput token={csrf} />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" class="secondary">{t('rem.inbox.mark_read')}</button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
        <p><a href="/admin/akun/pemberitahuan">{t('rem.prefs.title')}</a></p>
      </StaffLayout>,
    );
  });
  app.post('/admin/notifikasi/baca', async (c) => {
    const form = await parseForm(c, markReadFormSchema, ['id']);
    if (form.ok) await markNotificationRead(deps.db, deps.clock, c.get('actor')!.id, form.data.id);
    return c.redirect('/admin/notifikasi?ok=read', 303);
  });

  return app;
}

/** A rule's form: what is saved, or — sent back refused — what was typed, each problem at its field. */
function RuleForm({ rule, csrf, typed }: { rule: ReminderRule; csrf: string; typed?: RuleTyped }) {
  const id = rule.id;
  const v = typed?.values;
  const err = typed?.errors ?? {};
  const enabled = v ? v.enabled === '1' : rule.enabled;
  const roles = typed ? typed.lists.roles! : rule.recipientRoles;
  const channels = typed ? typed.lists.channels! : (rule.channels as string[]);
  const Err = ({ name }: { name: string }) => (err[name] ? <p class="error" id={`f-${name}-${id}-err`}>{err[name]}</p> : null);
  const cls = (name: string) => (err[name] ? 'field has-error' : 'field');
  return (
    <form method="post" action="/admin/pengingat/aturan" class="card">
      <CsrfInput token={csrf} />
      <input type="hidden" name="ruleId" value={id} />
      <h2>{rule.name}</h2>
      <p class="muted">{t(`reminders.trigger.${rule.trigger}`)}</p>
      <label class="check">
        <input type="checkbox" name="enabled" value="1" checked={enabled} /> {t('rem.enabled')}
      </label>
      <div class={cls('name')}>
        <label for={`f-name-${id}`}>{t('rem.name')}</label>
        <Err name="name" />
        <input id={`f-name-${id}`} name="name" type="text" value={v ? v.name : rule.name} aria-invalid={err.name ? 'true' : undefined} />
      </div>
      <div class={cls('schedule')}>
        <label for={`f-schedule-${id}`}>{t('rem.schedule')}</label>
        <p class="hint" id={`f-schedule-${id}-hint`}>{rule.schedule === null ? t('rem.schedule_now') : t('rem.schedule_hint')}</p>
        <Err name="schedule" />
        <input id={`f-schedule-${id}`} name="schedule" type="text" value={v ? v.schedule : (rule.schedule ?? '')} aria-describedby={`f-schedule-${id}-hint`} aria-invalid={err.schedule ? 'true' : undefined} />
      </div>
      <div class={cls('threshold')}>
        <label for={`f-threshold-${id}`}>{t(`rem.threshold.${rule.trigger}`)}</label>
        <Err name="threshold" />
        <input id={`f-threshold-${id}`} name="threshold" type="number" inputmode="numeric" value={v ? v.threshold : String(rule.threshold)} aria-invalid={err.threshold ? 'true' : undefined} />
      </div>
      <fieldset>
        <legend>{t('rem.roles')}</legend>
        <Err name="roles" />
        {ROLES.map((r) => (
          <label class="check"><input type="checkbox" name="roles" value={r} checked={roles.includes(r)} /> {roleLabel(r)}</label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('rem.channels')}</legend>
        <Err name="channels" />
        {NOTIFIER_CHANNELS.map((ch) => (
          <label class="check"><input type="checkbox" name="channels" value={ch} checked={channels.includes(ch)} /> {t(`reminders.channel.${ch}`)}</label>
        ))}
      </fieldset>
      <button type="submit">{t('mon.rule.save')}</button>
    </form>
  );
}
