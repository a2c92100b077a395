// Names of the jobs that are sent on demand from outside the worker (a route wakes the delivery
// runner, an upload asks for AVIF, the dashboard asks for a re-check). Their declarations in
// src/main/*-jobs.ts use these constants, so sender and handler cannot drift apart.
export const ON_DEMAND_JOBS = {
  runDeliveries: 'publishing.run-due',
  makeAvif: 'media.make-avif',
  checkUnit: 'monitoring.check-unit',
} as const;
