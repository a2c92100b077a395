import { startFleet } from './server.js';
import { simulatedSite } from './simulated.js';

// Child-process entry for the benchmark: serves the simulated fleet on its own core, so the
// measured process spends its CPU on the crawler, as a real worker would. Reports its ports over
// IPC and stops when the parent disconnects.
// `--silent`: 1 site in 100 never answers (the sweep bench's retry policy).
const silent = process.argv.includes('--silent');
const fleet = await startFleet({ now: () => new Date(), sites: [], resolve: (n) => simulatedSite(n, { silent }), withHttps: false });
process.send?.({ port: fleet.port, closedPort: fleet.closedPort });
// The benchmark asks for this process's CPU time to tell work from waiting on a shared machine.
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => void fleet.close().then(() => process.exit(0)));
