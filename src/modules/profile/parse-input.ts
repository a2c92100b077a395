import { type Result, err, ok } from '../../shared/result.js';

// What people type for numbers and map positions, turned into values (issue 14, point 5): a
// comma or a point as the decimal mark, Indonesian thousands points, and coordinates as decimals
// ("-2.1342", "-2,1342") or degrees-minutes-seconds ("2°07'55\"S", "2° 7' 55\" LS").

export type CoordinateAxis = 'lat' | 'lng';
export type CoordinateError = 'format' | 'range';

/** Where Indonesia is (with a margin): a latitude or longitude outside it is a typing slip. */
export const INDONESIA = { lat: { min: -11, max: 6.5 }, lng: { min: 94, max: 141.5 } } as const;

const HEMISPHERE: Record<string, { axis: CoordinateAxis; sign: 1 | -1 }> = {
  N: { axis: 'lat', sign: 1 }, U: { axis: 'lat', sign: 1 }, LU: { axis: 'lat', sign: 1 },
  S: { axis: 'lat', sign: -1 }, LS: { axis: 'lat', sign: -1 },
  E: { axis: 'lng', sign: 1 }, T: { axis: 'lng', sign: 1 }, BT: { axis: 'lng', sign: 1 },
  W: { axis: 'lng', sign: -1 }, B: { axis: 'lng', sign: -1 }, BB: { axis: 'lng', sign: -1 },
};

/** One latitude or longitude; empty text is "not given" (null). */
export function parseCoordinate(text: string, axis: CoordinateAxis): Result<number | null, CoordinateError> {
  const s = text.trim().replace(/[′’‘`]/g, "'").replace(/[″”“]|''/g, '"').replace(/\s+/g, ' ');
  if (s === '') return ok(null);
  let value: number | null = null;
  const decimal = /^([+-]?)\s*(\d{1,3})(?:[.,](\d+))?\s*°?\s*([A-Za-z]{0,2})$/.exec(s);
  const dms = /^([+-]?)\s*(\d{1,3})\s*[°\s]\s*(\d{1,2}(?:[.,]\d+)?)\s*'?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*"?)?\s*([A-Za-z]{0,2})$/.exec(s);
  let sign = 1;
  let hemi = '';
  if (decimal) {
    value = Number(`${decimal[2]}.${decimal[3] ?? '0'}`);
    sign = decimal[1] === '-' ? -1 : 1;
    hemi = decimal[4]!.toUpperCase();
  } else if (dms) {
    const min = Number(dms[3]!.replace(',', '.'));
    const sec = dms[4] ? Number(dms[4].replace(',', '.')) : 0;
    if (min >= 60 || sec >= 60) return err('format');
    value = Number(dms[2]) + min / 60 + sec / 3600;
    sign = dms[1] === '-' ? -1 : 1;
    hemi = dms[5]!.toUpperCase();
  } else {
    return err('format');
  }
  if (hemi) {
    const h = HEMISPHERE[hemi];
    // "S" with a minus, or a longitude letter in the latitude field, is not a position.
    if (!h || h.axis !== axis || sign === -1) return err('format');
    sign = h.sign;
  }
  const v = Math.round(sign * value * 1e6) / 1e6;
  const range = INDONESIA[axis];
  return v < range.min || v > range.max ? err('range') : ok(v);
}

/**
 * A number as people type it: "12,5" and "12.5" are twelve and a half; "1.234" and "1.234.567"
 * use points between thousands (so does "1.234,5"). `whole`: counts, where a point is always a
 * thousands point ("1.234" is 1234).
 */
export function parseNumber(text: string, opts: { whole?: boolean } = {}): Result<number | null, 'format'> {
  const s = text.trim().replace(/\s+/g, '');
  if (s === '') return ok(null);
  if (!/^-?[\d.,]+$/.test(s)) return err('format');
  let normal: string;
  if (s.includes(',')) {
    if ((s.match(/,/g) ?? []).length > 1) return err('format');
    normal = s.replace(/\./g, '').replace(',', '.');
  } else if (opts.whole || /^-?\d{1,3}(\.\d{3})+$/.test(s) && (s.match(/\./g) ?? []).length > 1) {
    normal = s.replace(/\./g, '');
  } else {
    if ((s.match(/\./g) ?? []).length > 1) return err('format');
    normal = s;
  }
  const n = Number(normal);
  if (!Number.isFinite(n)) return err('format');
  if (opts.whole && !Number.isInteger(n)) return err('format');
  return ok(n);
}
