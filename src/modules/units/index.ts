// Public surface of the units module: kota/kabupaten → kecamatan → kelurahan/desa, and OPD.
export { importRegion, importRegions, regionImported, resolveSelection, type ImportSummary, type RegionSelection } from './import-region.js';
export { listUnitTree, type UnitTree } from './list-unit-tree.js';
export { findUnitBySlug, findUnitById, unitLineage } from './find-unit.js';
export { addOpd, opdInputSchema, type OpdInput, type OpdLinks } from './add-opd.js';
export { importOpdCsv, type OpdCsvOutcome, type OpdCsvProblem } from './import-opd-csv.js';
export { searchRegencies, findRegency, titleCase, provinceNameOf, isDistrictCode, allProvinces, regenciesOf, allRegencies } from './region-data.js';
export { unitRepository, type UnitRow } from './unit-repository.js';
export { getCitySetting, setCitySetting } from './city-settings.js';
export { regionKinds, type RegionKinds } from './region-kinds.js';
export { regencyFigures, type RegencyFigures } from './regency-figures.js';
export { regencyChoiceSchema } from './regency-choice.js';
