import { describe, expect, it } from 'vitest';
import { readCsv, readCsvRows } from '../../src/modules/units/csv.js';
import { findRegency, villagesOf } from '../../src/modules/units/region-data.js';

describe('readCsv (csv-parse, decision 0016)', () => {
  it('numbers each record by the file line it starts on, past quoted line breaks and blank lines', () => {
    const text = 'nama,singkatan\r\n"Dinas\r\nKesehatan",dinkes\r\n\r\n"Badan ""Keuangan""",bkd\r\n';
    const r = readCsv(text);
    expect(r.ok && r.value).toEqual([
      { line: 1, fields: ['nama', 'singkatan'] },
      { line: 2, fields: ['Dinas\nKesehatan', 'dinkes'] },
      { line: 5, fields: ['Badan "Keuangan"', 'bkd'] },
    ]);
  });

  it('takes ; when the first line has more of them (Excel id-ID), drops a BOM, skips rows of empty fields', () => {
    const r = readCsv('\uFEFFnama;website\nDinas Pendidikan, Pemuda dan Olahraga;https://x.example\n;\n');
    expect(r.ok && r.value).toEqual([
      { line: 1, fields: ['nama', 'website'] },
      { line: 2, fields: ['Dinas Pendidikan, Pemuda dan Olahraga', 'https://x.example'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text and names the line of an unclosed quote', () => {
    expect(readCsvRows('35.13.15.2017,35.13.15,Soka"an\n')).toEqual({ ok: true, value: [['35.13.15.2017', '35.13.15', 'Soka"an']] });
    expect(readCsv('nama\nDinas\n"Badan,x\nlain\n')).toEqual({ ok: false, error: 'malformed', detail: '3' });
  });

  it('reads the shipped Kemendagri codes through it', () => {
    expect(findRegency('19.71')?.name).toMatch(/PANGKAL/i);
    const villages = villagesOf('35.13');
    expect(villages.find((v) => v.code === '35.13.15.2017')?.name).toBe('Soka"an');
    expect(villages.every((v) => v.code.startsWith('35.13.'))).toBe(true);
  });
});
