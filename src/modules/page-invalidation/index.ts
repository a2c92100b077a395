// Public surface of the page-invalidation module: the port that tells every process's public
// page cache that a unit's pages changed, and its in-process adapter (port.ts says why).
export { type PageInvalidation, type UnitChangedListener, LocalListeners, isUnitId } from './port.js';
export { inProcessPageInvalidation } from './in-process.js';
