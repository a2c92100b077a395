import type { Config } from '../../config/index.js';
import { type DoctorOptions, type Level, checkDeployment } from '../doctor/check-deployment.js';

// `npm run beranda -- doctor`: one line per check, problems first said with what to do; the exit
// code is 1 when anything must be fixed before the city goes live (a script or CI can stop on it).

const MARK: Record<Level, string> = { fail: '✗', warn: '!', info: '·', ok: '✓' };

export async function doctorCommand(config: Config, out: (line: string) => void, opts: DoctorOptions = {}): Promise<number> {
  const findings = await checkDeployment(config, opts);
  const order: Level[] = ['fail', 'warn', 'info', 'ok'];
  for (const level of order) for (const f of findings.filter((x) => x.level === level)) out(`${MARK[level]} ${f.text}`);
  const fails = findings.filter((f) => f.level === 'fail').length;
  const warns = findings.filter((f) => f.level === 'warn').length;
  out(fails ? `Perlu diperbaiki: ${fails}; peringatan: ${warns}.` : `Siap dipakai${warns ? ` (${warns} peringatan)` : ''}.`);
  return fails ? 1 : 0;
}
