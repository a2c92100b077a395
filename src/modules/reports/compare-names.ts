// Unit and kecamatan names in Indonesian order. The collator is built when a report first sorts,
// not when the module loads: an Intl.Collator maps ICU collation data into every process that
// builds one (~2 MB), and a web process at rest sorts nothing (issue 20).
let collator: Intl.Collator | undefined;
export const compareNames = (a: string, b: string): number => (collator ??= new Intl.Collator('id-ID')).compare(a, b);
