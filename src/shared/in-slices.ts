// A statement binds at most 65,535 parameters on PostgreSQL and 32,766 on SQLite. A query over
// "every unit of this region" passes one parameter per unit, and a national install has regions
// of any size (the bench puts all 83,762 desa and kelurahan under one): such lists are queried in
// slices and the rows put together. Callers that order their rows order them again afterwards.

/** Rows a slice may name; well under both engines' limits, with room for the query's own parameters. */
export const IN_LIST_SLICE = 5_000;

/** Runs `query` over `items` in slices of at most `size` and returns every row, in slice order. */
export async function inSlices<T, R>(items: readonly T[], query: (slice: T[]) => Promise<R[]>, size = IN_LIST_SLICE): Promise<R[]> {
  if (items.length <= size) return query(items.slice());
  const rows: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    // A loop, not push(...rows): spreading hundreds of thousands of rows overflows the call stack.
    for (const row of await query(items.slice(i, i + size))) rows.push(row);
  }
  return rows;
}
