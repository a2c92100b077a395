import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseNumber } from '../../src/modules/profile/parse-input.js';

describe('coordinates as people write them', () => {
  it('accepts a decimal with a point or a comma, and degrees-minutes-seconds with a hemisphere', () => {
    expect(parseCoordinate('-2.1342', 'lat')).toEqual({ ok: true, value: -2.1342 });
    expect(parseCoordinate('-2,1342', 'lat')).toEqual({ ok: true, value: -2.1342 });
    expect(parseCoordinate(`2°07'55"S`, 'lat')).toEqual({ ok: true, value: -2.131944 });
    expect(parseCoordinate(`2° 7' 55" LS`, 'lat')).toEqual({ ok: true, value: -2.131944 });
    expect(parseCoordinate(`2°07′55″S`, 'lat')).toEqual({ ok: true, value: -2.131944 });
    expect(parseCoordinate(`106°06'30"E`, 'lng')).toEqual({ ok: true, value: 106.108333 });
    expect(parseCoordinate('106,1021 BT', 'lng')).toEqual({ ok: true, value: 106.1021 });
    expect(parseCoordinate('106.1021', 'lng')).toEqual({ ok: true, value: 106.1021 });
    expect(parseCoordinate('  ', 'lat')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a position in Indonesia, saying whether the form or the place is wrong', () => {
    expect(parseCoordinate('-21342', 'lat')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinate('-2.1342', 'lng')).toEqual({ ok: false, error: 'range' });
    expect(parseCoordinate('52.37', 'lat')).toEqual({ ok: false, error: 'range' });
    expect(parseCoordinate(`2°07'55"E`, 'lat')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinate(`-2°07'55"S`, 'lat')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinate(`2°75'S`, 'lat')).toEqual({ ok: false, error: 'format' });
    expect(parseCoordinate('dekat masjid', 'lat')).toEqual({ ok: false, error: 'format' });
  });
});

describe('numbers as people write them', () => {
  it('reads decimal commas and thousands points', () => {
    expect(parseNumber('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('1.234.567')).toEqual({ ok: true, value: 1234567 });
    expect(parseNumber('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1.234', { whole: true })).toEqual({ ok: true, value: 1234 });
    expect(parseNumber('')).toEqual({ ok: true, value: null });
    expect(parseNumber('dua')).toEqual({ ok: false, error: 'format' });
    expect(parseNumber('12,5', { whole: true })).toEqual({ ok: false, error: 'format' });
  });
});
