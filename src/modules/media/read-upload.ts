import { ok } from '../../shared/result.js';
import { SNIFF_BYTES, classifyRejected, detectImageType } from './detect-image-type.js';
import { type MediaResult, formatSize, refuse } from './refusal.js';

export interface ReadUploadOptions {
  maxBytes: number;
  /** Size announced by the sender (Content-Length or the multipart part size), if known. */
  declaredBytes?: number | null;
}

/**
 * Reads an upload stream into memory, refusing as early as possible: before reading anything when
 * the announced size is too big, after the first bytes when it is not an image, and the moment
 * the running total passes the limit — so a 50 MB upload never sits whole in memory.
 *
 * Breaking out of the loop calls the iterator's return(), which destroys a Node stream; the web
 * edge decides whether to drain or close the connection.
 */
export async function readUpload(
  source: AsyncIterable<Uint8Array>,
  options: ReadUploadOptions,
): Promise<MediaResult<Buffer>> {
  const limit = formatSize(options.maxBytes);
  const declared = options.declaredBytes ?? null;
  if (declared !== null && declared > options.maxBytes) {
    return refuse('too_large', { size: formatSize(declared), limit });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let sniffed = false;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > options.maxBytes) {
      return refuse('too_large', { size: declared ? formatSize(declared) : `lebih dari ${limit}`, limit });
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (!sniffed && total >= SNIFF_BYTES) {
      sniffed = true;
      const head = Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
      if (detectImageType(head) === null) {
        const why = classifyRejected(head);
        return refuse(why.code, { type: why.type });
      }
    }
  }
  if (total === 0) return refuse('empty');
  return ok(Buffer.concat(chunks, total));
}
