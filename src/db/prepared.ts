import { type Compilable, CompiledQuery, type Kysely } from 'kysely';

// Kysely builds and compiles a query from scratch on every call; for the small indexed reads of
// a public page that costs about as much as SQLite takes to run them (measured: ~35 µs to build
// and compile a list query, ~50 µs to run it). A prepared query is built once per database
// handle and shape, with named placeholders standing in for the values, and afterwards only the
// values change. The SQL is still Kysely's, so both engines keep getting their own dialect.
//
// How the placeholders work: the builder is given `param(name)`, which returns a marker string;
// after compiling, each parameter that is a marker becomes a slot filled from `values` by name,
// and any other parameter (a constant in the query) is kept as compiled. The shape key must name
// everything that changes the SQL text (list lengths, optional clauses): a different shape is a
// different template.

const MARKER = '\u0000beranda-param:';

export type Param = <T = unknown>(name: string) => T;

interface Template {
  sql: string;
  slots: ({ name: string } | { value: unknown })[];
}

const templates = new WeakMap<object, Map<string, Template>>();

/** What a prepared query needs of a database handle: any Kysely, whatever its schema. */
type QueryRunner = Pick<Kysely<unknown>, 'executeQuery'>;

function templateOf(db: QueryRunner, shape: string, build: (param: Param) => Compilable<unknown>): Template {
  let byShape = templates.get(db);
  if (!byShape) {
    byShape = new Map();
    templates.set(db, byShape);
  }
  let tpl = byShape.get(shape);
  if (!tpl) {
    const compiled = build(<T,>(name: string) => `${MARKER}${name}` as T).compile();
    tpl = {
      sql: compiled.sql,
      slots: compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARKER) ? { name: v.slice(MARKER.length) } : { value: v })),
    };
    // Shapes come from code, not from input, so this stays small; the bound guards a mistake.
    if (byShape.size >= 500) byShape.clear();
    byShape.set(shape, tpl);
  }
  return tpl;
}

/** Runs a query built once per `shape` (see above) with these values; returns its rows. */
export async function runPrepared<Row>(
  db: QueryRunner,
  shape: string,
  build: (param: Param) => Compilable<Row>,
  values: Record<string, unknown>,
): Promise<Row[]> {
  const tpl = templateOf(db, shape, build);
  const parameters = tpl.slots.map((s) => {
    if ('value' in s) return s.value;
    if (!(s.name in values)) throw new Error(`prepared query ${shape}: no value for ${s.name}`);
    return values[s.name];
  });
  const result = await db.executeQuery<Row>(CompiledQuery.raw(tpl.sql, parameters));
  return result.rows as Row[];
}
