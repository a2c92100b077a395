import { ROLE_LABEL } from '../actor.js';
import type { Handover } from './create-staff.js';

// The handover sheet of an import (issue 13, point 6): one row per new account with its one-time
// password, to print or pass on, in the same order as the uploaded file. Built in memory and
// given to the admin once; nothing of it is kept on the server.
export async function handoverSheet(rows: Handover[], signInUrl: string): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Beranda';
  const sheet = book.addWorksheet('Serah terima akun', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [
    { header: 'Baris', key: 'line', width: 7 },
    { header: 'Nama', key: 'name', width: 32 },
    { header: 'Nama pengguna', key: 'username', width: 26 },
    { header: 'Kata sandi sekali pakai', key: 'password', width: 34 },
    { header: 'Peran', key: 'role', width: 24 },
    { header: 'Unit', key: 'units', width: 34 },
    { header: 'Alamat masuk', key: 'url', width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({ line: r.line, name: r.displayName, username: r.username, password: r.password, role: ROLE_LABEL[r.role], units: r.unitNames.join(', '), url: signInUrl });
  }
  sheet.addRow([]);
  sheet.addRow(['', 'Kata sandi ini hanya berlaku untuk masuk pertama kali: setelah masuk, setiap orang wajib menggantinya dengan kata sandinya sendiri.']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
