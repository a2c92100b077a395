import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOGUE, applyAdjustment, findCatalogueService, serviceAdjustmentSchema } from '../../src/modules/services/index.js';

describe('layanan catalogue', () => {
  it('seeds the usual kelurahan services with every Standar Pelayanan component', () => {
    expect(SERVICE_CATALOGUE.length).toBeGreaterThanOrEqual(15);
    for (const s of SERVICE_CATALOGUE) {
      expect(s.dasarHukum.length, s.code).toBeGreaterThan(0);
      expect(s.persyaratan.length, s.code).toBeGreaterThan(0);
      expect(s.prosedur.length, s.code).toBeGreaterThan(0);
      expect(s.waktu, s.code).not.toBe('');
      expect(s.biaya, s.code).not.toBe('');
      expect(s.produk, s.code).not.toBe('');
      expect(s.pengaduan, s.code).not.toBe('');
    }
    expect(new Set(SERVICE_CATALOGUE.map((s) => s.code)).size).toBe(SERVICE_CATALOGUE.length);
  });

  it('a kelurahan adjustment overrides fields and adds requirements without dropping the city ones', () => {
    const base = findCatalogueService('sktm')!;
    const out = applyAdjustment(base, { waktu: '1 jam', tambahanPersyaratan: ['Fotokopi kartu BPJS', base.persyaratan[0]!], catatan: 'Loket 2' });
    expect(out.waktu).toBe('1 jam');
    expect(out.biaya).toBe('Gratis');
    expect(out.persyaratan.slice(0, base.persyaratan.length)).toEqual(base.persyaratan);
    expect(out.persyaratan.at(-1)).toBe('Fotokopi kartu BPJS');
    expect(out.persyaratan.filter((p) => p === base.persyaratan[0]).length).toBe(1);
    expect(out.adjusted).toBe(true);
    expect(out.catatan).toBe('Loket 2');
    expect(applyAdjustment(base, {}).adjusted).toBe(false);
  });

  it('an empty stored adjustment (as saved by "tampilkan di beranda") changes no field', () => {
    const base = findCatalogueService('domisili')!;
    const out = applyAdjustment(base, serviceAdjustmentSchema.parse({}));
    const { catatan, adjusted, ...fields } = out;
    expect(fields).toEqual(base);
  });
});
