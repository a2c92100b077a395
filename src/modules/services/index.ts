// Public surface of the services module: the layanan catalogue (Standar Pelayanan components)
// and each unit's adjustments. Citizens' online requests come in a later issue.
export * from './catalogue.js';
export { ensureServiceCatalogue } from './ensure-catalogue.js';
export { listUnitServices, getUnitService, type UnitServiceView } from './list-unit-services.js';
export { adjustUnitService, adjustUnitServiceAsStaff } from './adjust-unit-service.js';
