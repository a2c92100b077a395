import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, formatNumber, t } from '../../../i18n/index.js';
import { INBOX_FILTERS, type Inbox, type InboxFilter, OUTBOX_NO_CHANNEL, type StaffRequestView } from '../../../modules/pelayanan/index.js';
import { assetUrl } from '../../assets-route.js';
import { CsrfInput } from '../../views/form.js';

// The staff inbox and one request, in plain Indonesian, big targets, one decision per card.

export const PelayananStyles = () => <link rel="stylesheet" href={assetUrl('pelayanan.css')} />;

export function DeadlineBadge(p: { state: 'ok' | 'near' | 'overdue' | null; at: string }) {
  if (!p.state) return null;
  const last = formatDate(new Date(Date.parse(p.at) - 1));
  if (p.state === 'overdue') return <span class="pel-badge overdue">{t('pw.deadline.overdue', { date: last })}</span>;
  if (p.state === 'near') return <span class="pel-badge near">{t('pw.deadline.near', { date: last })}</span>;
  return <span class="pel-badge">{t('pw.deadline.ok', { date: last })}</span>;
}

export function InboxTabs(p: { base: string; current: InboxFilter; counts: Inbox['counts'] }) {
  const open = p.counts.baru + p.counts.perlu_perbaikan + p.counts.diproses;
  const all = Object.values(p.counts).reduce((a, b) => a + b, 0);
  const count = (f: InboxFilter) => (f === 'aktif' ? open : f === 'semua' ? all : p.counts[f]);
  return (
    <nav aria-label={t('pw.inbox.filter')}>
      <ul class="pel-tabs">
        {INBOX_FILTERS.map((f) => (
          <li>
            <a href={`${p.base}?status=${f}`} aria-current={f === p.current ? 'page' : undefined}>
              {t(`pw.filter.${f}`)} ({formatNumber(count(f))})
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function InboxList(p: { base: string; inbox: Inbox; filter: InboxFilter; query: string }) {
  const { inbox } = p;
  return (
    <>
      <ul class="pel-summary-row">
        <li><b>{formatNumber(inbox.counts.baru)}</b>{t('pw.summary.new')}</li>
        <li><b>{formatNumber(inbox.counts.diproses)}</b>{t('pw.summary.processing')}</li>
        <li><b>{formatNumber(inbox.near)}</b>{t('pw.summary.near')}</li>
        <li><b>{formatNumber(inbox.overdue)}</b>{t('pw.summary.overdue')}</li>
      </ul>
      <form method="get" action={p.base} class="pel-inline">
        <input type="hidden" name="status" value={p.filter} />
        <label for="f-q" class="visually-hidden">{t('pw.inbox.search')}</label>
        <input id="f-q" type="search" name="q" value={p.query} placeholder={t('pw.inbox.search')} style="flex:1;min-width:10rem" />
        <button type="submit" class="secondary">{t('pw.inbox.find')}</button>
      </form>
      {inbox.rows.length === 0 ? <p>{t('pw.inbox.empty')}</p> : null}
      <ul class="pel-list">
        {inbox.rows.map((r) => (
          <li>
            <a class="row" href={`${p.base}/${r.id}`}>
              <span class="name">{r.applicant}</span>
              <span class="meta">{r.service} · {r.code}</span>
              <span class="meta">{t('pw.inbox.sent', { when: formatDateTime(r.submittedAt) })} · NIK {r.nikMasked}</span>
              <span class="pel-inline">
                <span class={`pel-badge${r.status === 'selesai' ? ' done' : ''}`}>{t(`pel.status.${r.status}`)}</span>
                <DeadlineBadge state={r.deadline} at={r.deadlineAt} />
              </span>
            </a>
          </li>
        ))}
      </ul>
      {inbox.pages > 1 ? (
        <nav class="pel-pager" aria-label={t('pw.inbox.pages')}>
          {inbox.page > 1 ? <a href={`${p.base}?status=${p.filter}&halaman=${inbox.page - 1}`}>← {t('pw.inbox.prev')}</a> : <span />}
          <span>{t('pw.inbox.page_of', { page: inbox.page, pages: inbox.pages })}</span>
          {inbox.page < inbox.pages ? <a href={`${p.base}?status=${p.filter}&halaman=${inbox.page + 1}`}>{t('pw.inbox.next')} →</a> : <span />}
        </nav>
      ) : null}
    </>
  );
}

/** A request's or complaint's history as staff see it: when, who (by role) and what was said. */
export function StaffSteps(p: { events: { at: string; actor_label: string; kind: string; note: string }[] }) {
  return (
    <section>
      <h2>{t('pel.track.steps')}</h2>
      <ol class="pel-steps">
        {p.events.map((e) => (
          <li>
            <span class="when">{formatDateTime(e.at)} · {e.actor_label}</span>
            <strong>{t(`pel.event.${e.kind}`)}</strong>
            {e.note ? <p>{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export interface DetailProps {
  base: string;
  view: StaffRequestView;
  csrf: string;
  docHref: (docId: string) => string;
  canDecide: boolean;
  endsInLetter: boolean;
  letter: { number: string } | null;
  fieldLabels: Record<string, string>;
  errors: Record<string, string>;
  values: Record<string, string>;
  outbox: { channel: string; status: string; last_error: string | null; created_at: string }[];
}

function ActionCard(p: { title: string; hint?: string; action: string; base: string; id: string; csrf: string; button: string; note?: { label: string; error?: string; value: string }; secondary?: boolean }) {
  const fid = `f-${p.action}`;
  return (
    <form method="post" action={`${p.base}/${p.id}/aksi`} class="card">
      <h3>{p.title}</h3>
      {p.hint ? <p class="muted">{p.hint}</p> : null}
      <CsrfInput token={p.csrf} />
      <input type="hidden" name="aksi" value={p.action} />
      {p.note ? (
        <div class={p.note.error ? 'field has-error' : 'field'}>
          <label for={fid}>{p.note.label}</label>
          {p.note.error ? <p class="error" id={`${fid}-err`}>{p.note.error}</p> : null}
          <textarea id={fid} name="catatan" maxlength={1000} aria-invalid={p.note.error ? 'true' : undefined} aria-describedby={p.note.error ? `${fid}-err` : undefined}>{p.note.value}</textarea>
        </div>
      ) : null}
      <button type="submit" class={p.secondary ? 'secondary wide' : 'wide'}>{p.button}</button>
    </form>
  );
}

export function RequestDetail(p: DetailProps) {
  const v = p.view;
  const open = v.status === 'baru' || v.status === 'diproses';
  const err = (a: string) => (p.errors[a] ? t(`pw.error.${p.errors[a]}`) : undefined);
  const actions: Child[] = [];
  if (v.status === 'baru') actions.push(<ActionCard title={t('pw.action.process_title')} hint={t('pw.action.process_hint')} action="proses" base={p.base} id={v.id} csrf={p.csrf} button={t('pw.action.process')} />);
  if (open && p.endsInLetter && p.canDecide)
    actions.push(<ActionCard title={t('pw.action.approve_title')} hint={t('pw.action.approve_hint')} action="setujui" base={p.base} id={v.id} csrf={p.csrf} button={t('pw.action.approve')} note={{ label: t('pw.action.approve_note'), value: p.values.setujui ?? '', error: err('setujui') }} />);
  if (open && p.endsInLetter && !p.canDecide) actions.push(<p class="flash flash-info">{t('pw.action.wait_head')}</p>);
  if (open && !p.endsInLetter) actions.push(<ActionCard title={t('pw.action.done_title')} hint={t('pw.action.done_hint')} action="selesai" base={p.base} id={v.id} csrf={p.csrf} button={t('pw.action.done')} />);
  if (open)
    actions.push(<ActionCard title={t('pw.action.fix_title')} hint={t('pw.action.fix_hint')} action="perbaikan" base={p.base} id={v.id} csrf={p.csrf} button={t('pw.action.fix')} note={{ label: t('pw.action.fix_note'), value: p.values.perbaikan ?? '', error: err('perbaikan') }} secondary />);
  if ((open || v.status === 'perlu_perbaikan') && p.canDecide)
    actions.push(<ActionCard title={t('pw.action.refuse_title')} action="tolak" base={p.base} id={v.id} csrf={p.csrf} button={t('pw.action.refuse')} note={{ label: t('pw.action.refuse_note'), value: p.values.tolak ?? '', error: err('tolak') }} secondary />);

  return (
    <>
      <p class="pel-inline">
        <span class={`pel-badge${v.status === 'selesai' ? ' done' : ''}`}>{t(`pel.status.${v.status}`)}</span>
        <DeadlineBadge state={v.deadline} at={v.deadlineAt} />
      </p>
      {v.status === 'perlu_perbaikan' && v.fixNote ? <p class="flash flash-info">{t('pw.detail.waiting_fix', { note: v.fixNote })}</p> : null}
      {v.personalDeleted ? <p class="flash flash-info">{t('pw.detail.erased')}</p> : null}
      <dl class="pel-kv">
        <dt>{t('pw.detail.code')}</dt><dd>{v.code}</dd>
        <dt>{t('pw.detail.sent')}</dt><dd>{formatDateTime(v.submittedAt)}</dd>
        <dt>{t('pel.form.nama')}</dt><dd>{v.applicant}</dd>
        {v.nik ? <><dt>NIK</dt><dd>{v.nik}</dd></> : null}
        {v.kk ? <><dt>{t('pel.form.kk')}</dt><dd>{v.kk}</dd></> : null}
        {v.address ? <><dt>{t('pw.detail.address')}</dt><dd>{v.address}</dd></> : null}
        {v.phone ? <><dt>{t('pel.form.telepon')}</dt><dd><a href={`tel:${v.phone}`}>{v.phone}</a></dd></> : null}
        {v.email ? <><dt>{t('pel.form.email')}</dt><dd>{v.email}</dd></> : null}
        {Object.entries(v.fields).map(([k, val]) => <><dt>{p.fieldLabels[k] ?? k}</dt><dd>{val}</dd></>)}
        <dt>{t('pw.detail.notify')}</dt><dd>{t(`pel.form.notify_${v.notify}`)}</dd>
      </dl>
      {p.letter ? (
        <section class="card">
          <h2>{t('pw.detail.letter')}</h2>
          <p>{t('pw.detail.letter_number', { number: p.letter.number })}</p>
          <p><a class="button secondary" href={`${p.base}/${v.id}/surat.pdf`}>{t('pw.detail.letter_open')}</a></p>
        </section>
      ) : null}
      <section>
        <h2>{t('pw.detail.documents', { count: v.documents.length })}</h2>
        <p class="muted">{t('pw.detail.documents_hint')}</p>
        <ul class="link-list pel-docs">
          {v.documents.map((d) => (
            <li>
              <a href={p.docHref(d.id)} target="_blank" rel="noopener">
                {d.label} ({d.kind === 'pdf' ? 'PDF' : t('pel.track.doc_photo')}, {formatDateTime(d.created_at)})
              </a>
            </li>
          ))}
        </ul>
      </section>
      {actions.length > 0 ? (
        <section class="pel-actions">
          <h2>{t('pw.detail.next')}</h2>
          {actions}
        </section>
      ) : null}
      <StaffSteps events={v.events} />
      {p.outbox.length > 0 ? (
        <section>
          <h2>{t('pw.detail.messages')}</h2>
          <ul class="link-list">
            {p.outbox.map((o) => (
              <li>
                {t(`reminders.channel.${o.channel}`)} · {formatDateTime(o.created_at)} · {t(`pw.outbox.${o.status}`)}
                {o.last_error ? ` (${o.last_error === OUTBOX_NO_CHANNEL ? t('pel.outbox.no_channel') : o.last_error})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
