import { type Locale, formatDate, t } from '../i18n/index.js';
import type { PelayananWords } from '../modules/pelayanan/index.js';

// The words of the pelayanan module's codes (issue 19 points 2 and 3): the citizens' messages,
// the history lines and the labels the module writes are described there as codes and values,
// and said once here, from the pelayanan catalogues. Composed once per process (compose.ts:
// Services.pelayananWords); the web edge and the worker hand it to the module as PelayananDeps.words.

export function pelayananWords(locale: Locale = 'id'): PelayananWords {
  const tr: typeof t = (key, params = {}) => t(key, params, locale);
  const requestStatus: PelayananWords['requestStatus'] = (s) => tr(`pel.status.${s}`);
  const complaintStatus: PelayananWords['complaintStatus'] = (s) => (s.status === 'diteruskan' ? tr('pel.cstatus.diteruskan', { unit: s.unit }) : tr(`pel.cstatus.${s.status}`));
  return {
    notice(n) {
      switch (n.kind) {
        case 'request_received':
          return { subject: tr('pel.msg.received.subject', { service: n.service }), text: tr('pel.msg.received.text', n) };
        case 'request_status': {
          const status = requestStatus(n.status);
          return { subject: tr('pel.msg.status.subject', { code: n.code, status }), text: tr('pel.msg.status.text', { ...n, status }) };
        }
        case 'complaint_received':
          return { subject: tr('pel.msg.complaint_received.subject', { unit: n.unit }), text: tr('pel.msg.complaint_received.text', n) };
        case 'complaint_status': {
          const status = complaintStatus(n.status);
          return { subject: tr('pel.msg.complaint_status.subject', { code: n.code, status }), text: tr('pel.msg.complaint_status.text', { code: n.code, note: n.note, link: n.link, status }) };
        }
      }
    },
    requestStatus,
    complaintStatus,
    actor: (a) => ('unit' in a ? tr(`pel.actor.${a.kind}`, { unit: a.unit }) : tr(`pel.actor.${a.kind}`)),
    note(n) {
      if (n.kind === 'letter_issued') return tr('pel.letter.issued_note', { number: n.number, note: n.note });
      if (n.kind === 'forwarded_to') return tr('pel.complaint.forwarded_to', { unit: n.unit });
      return tr('pel.event.fixed_docs', { docs: n.docs.join(', ') });
    },
    doc: (d) => tr(`pel.doc.${d}`),
    erasedName: tr('pel.erased_name'),
    erasedText: tr('pel.erased_text'),
    letterReadyNote: tr('pel.letter.ready_note'),
    date: (d) => formatDate(d),
  };
}
