// Staff in bulk (issue 13, point 6): read a CSV/XLSX, check it line by line, create the accounts
// with one-time passwords and a handover sheet; disable those who left in one action.
export { readStaffSheet, MAX_IMPORT_ROWS, type SheetResult, type SheetRow, type StaffColumn } from './read-staff-sheet.js';
export { checkStaffRows, type CheckedLine, type StaffInput } from './check-staff-rows.js';
export { createImportedStaff, createStaffFormSchema, staffInputSchema, type Handover, type ImportOutcome } from './create-staff.js';
export { handoverSheet, type HandoverWords } from './handover-sheet.js';
export type { SheetProblem, StaffProblem } from './staff-problems.js';
export { deactivateStaff, listActiveStaff, type StaffListing } from './deactivate-staff.js';
export { keepHandover, readHandover, discardHandover, pruneHandovers, HANDOVER_TTL_MS } from './handover-store.js';
