import type { Role } from '../../../db/schema/index.js';
import type { Handover } from './create-staff.js';

// The handover sheet of an import (issue 13, point 6): one row per new account with its one-time
// password, to print or pass on, in the same order as the uploaded file. Built in memory and
// given to the admin once; nothing of it is kept on the server. Its words come from the caller
// (the web's catalogue, issue 19 point 2): the module lays out the sheet, it does not speak.

export type HandoverColumn = 'line' | 'name' | 'username' | 'password' | 'role' | 'units' | 'url';
export interface HandoverWords {
  title: string;
  columns: Record<HandoverColumn, string>;
  note: string;
  role: (role: Role) => string;
}

export async function handoverSheet(rows: Handover[], signInUrl: string, words: HandoverWords): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Beranda';
  const sheet = book.addWorksheet(words.title, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [
    { header: words.columns.line, key: 'line', width: 7 },
    { header: words.columns.name, key: 'name', width: 32 },
    { header: words.columns.username, key: 'username', width: 26 },
    { header: words.columns.password, key: 'password', width: 34 },
    { header: words.columns.role, key: 'role', width: 24 },
    { header: words.columns.units, key: 'units', width: 34 },
    { header: words.columns.url, key: 'url', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({ line: r.line, name: r.displayName, username: r.username, password: r.password, role: words.role(r.role), units: r.unitNames.join(', '), url: signInUrl });
  }
  sheet.addRow([]);
  sheet.addRow(['', words.note]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
