import { describe, expect, it } from 'vitest';
import { pelayananWords } from '../../src/main/pelayanan-words.js';
import type { RequestStatus } from '../../src/db/schema/pelayanan.js';
import { type ActorWord, type CitizenNotice, type DocWord, type NoteWord, citizenMessage } from '../../src/modules/pelayanan/index.js';

// The pelayanan module describes what a citizen is told as codes and values (issue 19 p2/p3);
// src/main/pelayanan-words.ts says them from the catalogues. The messages keep the exact words
// citizens got when the module wrote them itself, and every code has its Indonesian and English.

const id = pelayananWords('id');
const en = pelayananWords('en');
const link = 'https://bacang.example/layanan/lacak';

describe('pelayanan words', () => {
  it('lays a status message out as the WhatsApp template expects, in the same Indonesian', () => {
    const m = citizenMessage(id, { kind: 'request_status', service: 'Surat Keterangan Domisili', code: 'PL-7Q2K', status: 'perlu_perbaikan', note: 'Foto KTP buram', link });
    expect(m).toEqual({
      template: 'pelayanan_status',
      params: ['PL-7Q2K', 'Surat Keterangan Domisili', 'Perlu perbaikan dari pemohon', 'Foto KTP buram', link],
      subject: 'Permohonan PL-7Q2K: Perlu perbaikan dari pemohon',
      text: `Permohonan Surat Keterangan Domisili dengan kode PL-7Q2K: Perlu perbaikan dari pemohon.\nFoto KTP buram\nLihat di ${link}`,
      link,
    });
    // A template parameter may not be empty: no note is sent as "-".
    expect(citizenMessage(id, { kind: 'request_status', service: 'X', code: 'C', status: 'diproses', note: '', link }).params[3]).toBe('-');
  });

  it('says a received request, a received complaint and a forwarded complaint as before', () => {
    const received = citizenMessage(id, { kind: 'request_received', service: 'Surat Keterangan Domisili', unit: 'Kelurahan Bacang', code: 'PL-7Q2K', pin: '482913', link });
    expect(received.params).toEqual(['Surat Keterangan Domisili', 'Kelurahan Bacang', 'PL-7Q2K', '482913', link]);
    expect(received.subject).toBe('Permohonan Surat Keterangan Domisili diterima');
    expect(received.text).toBe(`Permohonan Surat Keterangan Domisili Anda di Kelurahan Bacang sudah diterima.\nKode lacak: PL-7Q2K\nPIN: 482913\nLihat perkembangannya di ${link}\nJangan berikan PIN kepada siapa pun.`);
    const complaint = citizenMessage(id, { kind: 'complaint_received', unit: 'Kelurahan Bacang', code: 'AD-1', pin: '111222', link });
    expect(complaint).toMatchObject({ template: 'pengaduan_received', params: ['Kelurahan Bacang', 'AD-1', '111222', link], subject: 'Pengaduan Anda di Kelurahan Bacang diterima' });
    const note = `${id.note({ kind: 'forwarded_to', unit: 'Dinas PU' })} — Mohon dicek`;
    const forwarded = citizenMessage(id, { kind: 'complaint_status', code: 'AD-1', status: { status: 'diteruskan', unit: 'Dinas PU' }, note, link });
    expect(forwarded.params).toEqual(['AD-1', 'Diteruskan ke Dinas PU', 'Diteruskan ke Dinas PU. — Mohon dicek', link]);
    expect(forwarded.subject).toBe('Pengaduan AD-1: Diteruskan ke Dinas PU');
    expect(forwarded.text).toBe(`Pengaduan dengan kode AD-1: Diteruskan ke Dinas PU.\nDiteruskan ke Dinas PU. — Mohon dicek\nLihat di ${link}`);
    expect(citizenMessage(en, { kind: 'complaint_status', code: 'AD-1', status: { status: 'dijawab' }, note: 'Done', link }).subject).toBe('Complaint AD-1: Answered');
  });

  it('has Indonesian and English words for every code, never the key itself', () => {
    const statuses: RequestStatus[] = ['baru', 'perlu_perbaikan', 'diproses', 'selesai', 'ditolak', 'dibatalkan'];
    const actors: ActorWord[] = [{ kind: 'citizen' }, { kind: 'system' }, { kind: 'reporter' }, { kind: 'anonymous' }, { kind: 'staff', unit: 'Bacang' }, { kind: 'head', unit: 'Bacang' }];
    const notes: NoteWord[] = [{ kind: 'letter_issued', number: '470/1', note: 'Siap' }, { kind: 'forwarded_to', unit: 'Dinas PU' }, { kind: 'fixed_docs', docs: ['KTP', 'KK'] }];
    const docs: DocWord[] = ['photo', 'other', 'fix'];
    const notices: CitizenNotice[] = [
      { kind: 'request_received', service: 'S', unit: 'U', code: 'C', pin: 'P', link },
      ...statuses.map((status): CitizenNotice => ({ kind: 'request_status', service: 'S', code: 'C', status, note: 'N', link })),
      { kind: 'complaint_received', unit: 'U', code: 'C', pin: 'P', link },
      { kind: 'complaint_status', code: 'C', status: { status: 'diproses' }, note: 'N', link },
      { kind: 'complaint_status', code: 'C', status: { status: 'dijawab' }, note: 'N', link },
    ];
    for (const w of [id, en]) {
      const said = [
        ...statuses.map((s) => w.requestStatus(s)),
        ...actors.map((a) => w.actor(a)),
        ...notes.map((n) => w.note(n)),
        ...docs.map((d) => w.doc(d)),
        ...notices.flatMap((n) => Object.values(w.notice(n))),
        w.erasedName, w.erasedText, w.letterReadyNote,
      ];
      for (const s of said) {
        expect(s).not.toMatch(/^pel\./);
        expect(s).not.toMatch(/\{\w+\}/);
      }
    }
    expect(actors.map((a) => id.actor(a))).toEqual(['Pemohon', 'Sistem', 'Pelapor', 'Pelapor tanpa nama', 'Petugas Bacang', 'Pimpinan Bacang']);
    expect(id.note(notes[0]!)).toBe('Nomor surat 470/1. Siap');
    expect(id.note(notes[2]!)).toBe('Dokumen ditambahkan: KTP, KK');
    expect(en.requestStatus('selesai')).toBe('Done');
    expect(id.date(new Date('2026-11-25T03:00:00Z'))).toBe('25 November 2026');
  });

  it('does not crash on a status it has no words for (a value from an older or newer release)', () => {
    expect(() => citizenMessage(id, { kind: 'request_status', service: 'S', code: 'C', status: 'hilang' as RequestStatus, note: '', link })).not.toThrow();
  });
});
