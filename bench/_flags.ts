// Flags after the bench names: `npm run bench -- scale-sweep --sizes=500,1000`. run.ts passes
// only the names on as its filter; each bench reads its own flags here.

/** --name=value as a number (or a default). */
export function flag(name: string, fallback: number): number {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name}: "${raw}" is not a positive number`);
  return v;
}

/** --name=a,b,c as numbers (or a default list). */
export function listFlag(name: string, fallback: number[]): number[] {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return raw === undefined ? fallback : raw.split(',').map(Number);
}
