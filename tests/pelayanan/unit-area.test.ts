import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaNumber, checkArea, numberRuns } from '../../src/modules/pelayanan/unit-area.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { DOMISILI_SLOTS as S, apply, docPhoto, domisiliFields } from './helpers.js';

// "Address within the unit" (issue 17 point 1): when the unit's profile lists its RW and RT, the
// form names them and refuses others, next to the field, keeping what was typed.

describe('RT/RW numbers', () => {
  it('reads "RW 002", "02" and "2" as the same number', () => {
    expect(['RW 002', '02', '2', ' 2 '].map(areaNumber)).toEqual(['2', '2', '2', '2']);
    expect(areaNumber('0')).toBe('0');
    expect(areaNumber('-')).toBeNull();
  });

  it('writes a long list as short runs for a phone screen', () => {
    expect(numberRuns(['1', '2', '3', '5', '7', '8'])).toBe('1–3, 5, 7–8');
    expect(numberRuns(['10', '9', '9', '1'])).toBe('1, 9–10');
    expect(numberRuns(Array.from({ length: 60 }, (_, i) => String(i + 1)))).toBe('1–60');
  });

  it('accepts anything when the unit lists nothing, else only its RW and that RW\'s RT', () => {
    expect(checkArea([], '9', '9')).toEqual({});
    const area = [{ rw: '1', rt: ['1', '2'] }, { rw: '2', rt: [] }];
    expect(checkArea(area, '1', '001')).toEqual({});
    expect(checkArea(area, '3', '1')).toEqual({ rt: 'rt_not_in_rw' });
    expect(checkArea(area, '1', '5')).toEqual({ rw: 'rw_not_in_unit' });
    expect(checkArea(area, '17', '02')).toEqual({});
  });
});

describe(`the request form and the unit's area on ${testEngine()}`, () => {
  let a: TestApp;
  let photo: Buffer;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    photo = await docPhoto();
    const bacang = await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow();
    const wilayah = { rw: [{ nomor: '001', ketua: 'Pak RW', rt: [{ nomor: '001' }, { nomor: '002' }] }, { nomor: '002', rt: [] }] };
    await a.t.db.insertInto('profile_sections').values({ unit_id: bacang.id, section: 'wilayah', data: JSON.stringify(wilayah), updated_by: null, updated_at: '2026-11-01T00:00:00.000Z' }).execute();
  });
  afterAll(async () => a.close());

  const docs = () => ({ [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo });

  it('names the unit\'s RW and their RT under the RW field', async () => {
    const html = await (await a.request('/bacang/layanan/domisili/ajukan')).text();
    expect(html).toContain('RW di wilayah ini: 1 (RT 1–2); 2.');
    // Another unit without a list says nothing.
    const other = await a.request('/gabek-satu/layanan/domisili/ajukan');
    expect(other.status).toBe(200);
    expect(await other.text()).not.toContain('RW di wilayah ini');
  });

  it('refuses an RW that is not the unit\'s, and an RT not in its RW, next to the field, keeping what was typed', async () => {
    const rw = await apply(a, { fields: domisiliFields({ rt: '1', rw: '7', telepon: '081911110001' }), files: docs(), ip: '203.0.113.61' });
    expect(rw.res.status).toBe(422);
    const rwHtml = await rw.res.text();
    expect(rwHtml).toMatch(/id="f-rw-err">RW ini tidak ada di wilayah kami/);
    expect(rwHtml).toContain('value="Jl. Melati No. 5"');
    const rt = await apply(a, { fields: domisiliFields({ rt: '3', rw: '001', telepon: '081911110002' }), files: docs(), ip: '203.0.113.62' });
    expect(rt.res.status).toBe(422);
    expect(await rt.res.text()).toMatch(/id="f-rt-err">RT ini tidak ada di RW tersebut/);
  });

  it('takes a listed RT/RW, and any RT of an RW that lists none', async () => {
    expect((await apply(a, { fields: domisiliFields({ rt: '002', rw: '1', telepon: '081911110003' }), files: docs(), ip: '203.0.113.63' })).res.status).toBe(303);
    expect((await apply(a, { fields: domisiliFields({ rt: '17', rw: '2', telepon: '081911110004' }), files: docs(), ip: '203.0.113.64' })).res.status).toBe(303);
  });
});
