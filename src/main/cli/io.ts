import type { Config } from '../../config/index.js';
import type { Database } from '../../db/database.js';

/** What a CLI command gets: where to print, how to ask for a secret, the config and database. */
export interface CliIo {
  out: (line: string) => void;
  /** Reads one line without echo (a password); piped input is read line by line. */
  readSecret: (prompt: string) => Promise<string>;
  /** A person at a terminal (asked to type a password twice), not a script. */
  interactive: boolean;
}

export interface CliContext extends CliIo {
  config: Config;
  database: Database;
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const flag = (args: string[], name: string): boolean => args.includes(name);

/** Arguments that are neither options nor option values. */
export function positional(args: string[], valued: string[] = []): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
}
