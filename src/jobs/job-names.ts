// Names of the jobs that are sent on demand from outside the worker (a route wakes the delivery
// runner, an upload asks for AVIF). Their declarations in src/main/*-jobs.ts use these constants,
// so sender and handler cannot drift apart. (The monitoring module names its own re-check job:
// CHECK_UNIT_JOB in modules/monitoring/check-all.ts.)
export const ON_DEMAND_JOBS = {
  runDeliveries: 'publishing.run-due',
  /** Edits and deletions of social copies already out (#14 point 3). */
  runPostChanges: 'publishing.run-changes',
  makeAvif: 'media.make-avif',
} as const;
