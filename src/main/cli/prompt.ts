import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

// Reading a password on the terminal without echoing it; piped input (scripts, tests) is read
// line by line instead, so `printf '%s\n' "$PW" | npm run beranda -- users create-admin …` works.

let piped: AsyncIterator<string> | null = null;

export async function readSecretLine(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    piped ??= createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
    const next = await piped.next();
    return next.done ? '' : next.value;
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(prompt, (answer) => {
        process.stdout.write('\n');
        resolve(answer);
      });
      muted = true;
    });
  } finally {
    rl.close();
  }
}

/** Whether the passwords are typed by a person (asked twice) or piped (read once). */
export const interactive = (): boolean => !!process.stdin.isTTY;
