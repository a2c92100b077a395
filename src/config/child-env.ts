// The environment a child program (pg_dump, pg_restore) runs with: this process's own (PATH,
// locale) plus what the caller adds. Read here because process.env is read only in src/config.
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
