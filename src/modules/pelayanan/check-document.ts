import { inflateSync } from 'node:zlib';
import type Sharp from 'sharp';
import { lazyPackage } from '../../shared/lazy-package.js';

const sharp = lazyPackage<typeof Sharp>('sharp');
import { MB, type MediaLimits, validateImage } from '../media/index.js';
import { type Result, err, ok } from '../../shared/result.js';

// A citizen's document arrives from the open internet, so it is treated as hostile the way the
// composer treats staff photos (media/validate-image.ts): the type is decided from the content,
// the size and the declared pixel count are checked before decoding, and what is stored is a
// fresh re-encode without metadata (a KTP photo's EXIF can hold the GPS position of a home).
// PDFs cannot be re-encoded here, so they are refused when they carry anything active.

export const DOC_MAX_BYTES = 15 * MB;
/** Long side of a stored photo: a KTP or a letter stays readable at 2000 px, at a tenth of the bytes. */
const DOC_SIDE = 2000;

const LIMITS: MediaLimits = { maxBytes: DOC_MAX_BYTES, maxPixels: 70_000_000, maxSide: 16_000, minSide: 200 };

export type DocumentRefusal =
  | 'empty'
  | 'too_large'
  | 'not_document'
  | 'heic_unsupported'
  | 'too_many_pixels'
  | 'too_small'
  | 'unreadable'
  | 'pdf_active_content'
  | 'pdf_encrypted';

export interface CheckedDocument {
  kind: 'image' | 'pdf';
  mime: 'image/jpeg' | 'application/pdf';
  bytes: Buffer;
}

export async function checkDocument(input: Buffer): Promise<Result<CheckedDocument, DocumentRefusal>> {
  if (input.length === 0) return err('empty');
  if (input.length > DOC_MAX_BYTES) return err('too_large');
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') return checkPdf(input);

  const v = await validateImage(input, LIMITS);
  if (!v.ok) {
    switch (v.error) {
      case 'too_large':
      case 'empty':
      case 'heic_unsupported':
      case 'too_many_pixels':
      case 'too_small':
      case 'unreadable':
        return err(v.error);
      default:
        return err('not_document');
    }
  }
  try {
    const bytes = await sharp(input, { limitInputPixels: LIMITS.maxPixels, failOn: 'truncated', pages: 1 })
      .rotate()
      .resize(DOC_SIDE, DOC_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 82 })
      .toBuffer();
    return ok({ kind: 'image', mime: 'image/jpeg', bytes });
  } catch {
    return err('unreadable');
  }
}

// Names that make a PDF do something when opened: scripts, launching programs, embedded files,
// forms that submit, multimedia. A document for a kelurahan needs none of them.
const ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToR|GoToE)\b/;
const MAX_INFLATED = 64 * MB;

function checkPdf(input: Buffer): Result<CheckedDocument, DocumentRefusal> {
  const text = input.toString('latin1');
  if (!text.slice(-1024).includes('%%EOF')) return err('unreadable');
  if (/\/Encrypt\b/.test(text)) return err('pdf_encrypted');
  if (ACTIVE.test(text)) return err('pdf_active_content');
  // PDF 1.5 object streams hide dictionaries inside compressed streams: look inside those too,
  // with a cap on the total inflated size (a zip bomb in a PDF is still a zip bomb).
  let inflated = 0;
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dict = text.slice(Math.max(0, m.index - 300), m.index);
    streams.lastIndex = end;
    if (!/\/FlateDecode/.test(dict) || !/\/Type\s*\/ObjStm/.test(dict)) continue;
    try {
      const out = inflateSync(input.subarray(start, end), { maxOutputLength: MAX_INFLATED - inflated });
      inflated += out.length;
      if (ACTIVE.test(out.toString('latin1'))) return err('pdf_active_content');
    } catch {
      return err('unreadable');
    }
  }
  return ok({ kind: 'pdf', mime: 'application/pdf', bytes: input });
}
