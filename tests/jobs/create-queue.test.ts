import { describe, expect, it } from 'vitest';
import { createQueue } from '../../src/jobs/create-queue.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine } from '../support/test-db.js';

describe(`job adapter choice on ${testEngine()}`, () => {
  it('picks the adapter by database kind', async () => {
    const t = await createTestDb();
    const q = createQueue(t.config, t.db, systemClock);
    expect(q.kind).toBe(testEngine() === 'postgres' ? 'pg-boss' : 'embedded');
    await t.close();
  });
});

