import type { ComplaintStatus, RequestStatus } from '../../db/schema/pelayanan.js';

// The pelayanan module holds no sentences (issue 19 points 2 and 3). What a citizen is told —
// the WhatsApp/e-mail message, a history line, a document's label — is described here as a code
// and its values; the words come from the caller (the web edge and the worker build one
// PelayananWords from the catalogues: src/i18n/pelayanan-words.ts) and are put in at the place the
// message is queued or the line written, inside the change's transaction.

/** What a citizen is sent, as a code and its values. */
export type CitizenNotice =
  | { kind: 'request_received'; service: string; unit: string; code: string; pin: string; link: string }
  | { kind: 'request_status'; service: string; code: string; status: RequestStatus; note: string; link: string }
  | { kind: 'complaint_received'; unit: string; code: string; pin: string; link: string }
  | { kind: 'complaint_status'; code: string; status: ComplaintNoticeStatus; note: string; link: string };

/** A complaint's state as the citizen is told it: its status, or forwarded to another unit. */
export type ComplaintNoticeStatus = { status: Exclude<ComplaintStatus, 'baru'> } | { status: 'diteruskan'; unit: string };

/** Who wrote a history line: the citizen sides, the system, or a unit's staff or head. */
export type ActorWord = { kind: 'citizen' | 'system' | 'reporter' | 'anonymous' } | { kind: 'staff' | 'head'; unit: string };

/** A history line's note the module writes itself (staff and citizens' own notes are kept as typed). */
export type NoteWord = { kind: 'letter_issued'; number: string; note: string } | { kind: 'forwarded_to'; unit: string } | { kind: 'fixed_docs'; docs: string[] };

/** The labels of documents the module names itself (a form's slots carry their own). */
export type DocWord = 'photo' | 'other' | 'fix';

export interface PelayananWords {
  /** A message's subject and text (e-mail; the WhatsApp template's own text is at Meta). */
  notice(n: CitizenNotice): { subject: string; text: string };
  /** A status as a message parameter: "Sedang diproses", "Diteruskan ke Dinas …". */
  requestStatus(s: RequestStatus): string;
  complaintStatus(s: ComplaintNoticeStatus): string;
  actor(a: ActorWord): string;
  note(n: NoteWord): string;
  doc(d: DocWord): string;
  /** Written over what a citizen asked to erase: their name, a complaint's text. */
  erasedName: string;
  erasedText: string;
  /** The letter's note when the head writes none. */
  letterReadyNote: string;
  /** A day on the letter: "25 November 2026". */
  date(d: Date): string;
}
