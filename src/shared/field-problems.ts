// One shape for "what is wrong with this input, field by field", made from a zod error in the
// module that validates and read by the web edge that names each field (issue 19 point 2).

export interface FieldProblem {
  /** Dotted path of the field, e.g. `title`, `misi.2` or `rw.0.ketua`. */
  path: string;
  /** zod issue code, or our own refinement message for a custom check (`invalid_date`, `url` …). */
  code: string;
}

interface IssueLike {
  path: readonly PropertyKey[];
  code: string;
  message: string;
}

export const problemsOf = (issues: readonly IssueLike[]): FieldProblem[] =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code === 'custom' ? i.message : i.code }));
