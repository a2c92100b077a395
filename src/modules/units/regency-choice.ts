import * as z from 'zod';

// "Pilih kabupaten/kota" on the province or national overview (/admin/cakupan): the one
// field is a regency code, "19.71". Whether the person may work there is the route's
// inScope check; this only bounds what is read.
export const regencyChoiceSchema = z.object({ kode: z.string().trim().regex(/^\d{2}\.\d{2}$/) });
