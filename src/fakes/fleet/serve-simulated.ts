import { startFleet } from './server.js';
import { simulatedSite } from './simulated.js';

// Child-process entry for the benchmark: serves the simulated fleet on its own core, so the
// measured process spends its CPU on the crawler, as a real worker would. Reports its ports over
// IPC and stops when the parent disconnects.
const fleet = await startFleet({ now: () => new Date(), sites: [], resolve: simulatedSite, withHttps: false });
process.send?.({ port: fleet.port, closedPort: fleet.closedPort });
process.on('disconnect', () => void fleet.close().then(() => process.exit(0)));
