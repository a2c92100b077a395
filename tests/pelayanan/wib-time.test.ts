import { describe, expect, it } from 'vitest';
import { addDays, deadlineState, isDay, nextWorkingDay, wibDay, workingDaysBetween, workingDeadline } from '../../src/shared/wib-time.js';

// 2026-11-27 is a Friday; 2026-12-25 (Christmas) a Friday; 2026-12-24 a Thursday.
const cal = (...holidays: string[]) => ({ holidays: new Set(holidays) });
const wib = (local: string) => new Date(`${local}+07:00`);

describe('WIB days and working days', () => {
  it('reads the WIB date of an instant, not the UTC one', () => {
    expect(wibDay('2026-11-27T16:59:59Z')).toBe('2026-11-27');
    expect(wibDay('2026-11-27T17:00:00Z')).toBe('2026-11-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
  });

  it('skips weekends and holidays for the next working day', () => {
    expect(nextWorkingDay('2026-11-27', cal())).toBe('2026-11-30');
    expect(nextWorkingDay('2026-11-27', cal('2026-11-30'))).toBe('2026-12-01');
    expect(nextWorkingDay('2026-12-23', cal('2026-12-24', '2026-12-25'))).toBe('2026-12-28');
  });

  it('puts a deadline at the end of the n-th working day after the start day', () => {
    // Monday 10:00 WIB, 1 working day → end of Tuesday (24:00 WIB = 17:00 UTC).
    expect(workingDeadline(wib('2026-11-23T10:00:00'), 1, cal()).toISOString()).toBe('2026-11-24T17:00:00.000Z');
    // Friday 15:55 WIB, 1 working day → end of Monday.
    expect(workingDeadline(wib('2026-11-27T15:55:00'), 1, cal()).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // Saturday, 3 working days → Mon, Tue, Wed.
    expect(workingDeadline(wib('2026-11-28T09:00:00'), 3, cal()).toISOString()).toBe('2026-12-02T17:00:00.000Z');
    // Sunday 23:30 WIB is still Sunday in WIB (Sunday 16:30 UTC).
    expect(workingDeadline(new Date('2026-11-29T16:30:00Z'), 1, cal()).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    // Over Christmas: Wed 23 Dec + 3 days with 24 and 25 Dec off → Mon 28, Tue 29, Wed 30.
    expect(workingDeadline(wib('2026-12-23T08:00:00'), 3, cal('2026-12-24', '2026-12-25')).toISOString()).toBe('2026-12-30T17:00:00.000Z');
    // A unit holiday on the Monday pushes a Friday request to Tuesday.
    expect(workingDeadline(wib('2026-11-27T08:00:00'), 1, cal('2026-11-30')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(wib('2026-11-27T08:00:00'), wib('2026-11-27T15:00:00'), cal())).toBe(0);
    expect(workingDaysBetween(wib('2026-11-27T08:00:00'), wib('2026-11-30T08:00:00'), cal())).toBe(1);
    expect(workingDaysBetween(wib('2026-12-23T08:00:00'), wib('2026-12-28T08:00:00'), cal('2026-12-24', '2026-12-25'))).toBe(1);
  });

  it('flags a deadline near on its last day and the working day before, overdue after it', () => {
    const deadline = workingDeadline(wib('2026-11-27T08:00:00'), 3, cal()); // end of Wed 2 Dec
    expect(deadlineState(wib('2026-11-27T09:00:00'), deadline, cal())).toBe('ok');
    expect(deadlineState(wib('2026-11-30T09:00:00'), deadline, cal())).toBe('ok');
    expect(deadlineState(wib('2026-12-01T09:00:00'), deadline, cal())).toBe('near');
    expect(deadlineState(wib('2026-12-02T23:59:00'), deadline, cal())).toBe('near');
    expect(deadlineState(wib('2026-12-03T00:00:00'), deadline, cal())).toBe('overdue');
    // Friday before a Monday deadline: the next working day is the last one.
    const monday = workingDeadline(wib('2026-11-27T08:00:00'), 1, cal());
    expect(deadlineState(wib('2026-11-27T10:00:00'), monday, cal())).toBe('near');
  });
});
