import * as z from 'zod';

// The Page chosen after Facebook Login (GET/POST …/kanal/:id/pilih). Only an id travels: the
// Pages and their tokens are fetched again from Meta, and the choice must be one of them.
export const pickPageSchema = z.object({ page: z.string().trim().min(1).max(100) });
