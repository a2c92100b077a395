import { describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/ids.js';

describe('newId', () => {
  it('gives distinct 22-character ids in its alphabet, across many batches of random bytes', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{22}$/);
    // Same moment: the time part is shared, the random part differs.
    expect(new Set(ids.map((id) => id.slice(0, 10))).size).toBe(1);
  });

  it('sorts by creation time', () => {
    expect(newId(1_700_000_000_000) < newId(1_700_000_000_001)).toBe(true);
  });
});
