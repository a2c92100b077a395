// MEDIA_STORE and the S3-compatible bucket (issue 18 point 2). Read by loadConfig only; the rest
// of the code receives the validated ObjectStoreConfig (or null for the local folder, the default).

export interface ObjectStoreConfig {
  /** e.g. https://s3.ap-southeast-3.amazonaws.com, http://127.0.0.1:9000 (MinIO/Garage), R2's account URL. Null: AWS's own. */
  endpoint: string | null;
  region: string;
  /** Photos and their variants, under media/<key>. */
  bucket: string;
  /** Citizens' documents and letters (pelayanan), under private/pelayanan/<key>: never public. Defaults to `bucket`. */
  privateBucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (http://host/bucket/key) instead of the host name — MinIO, Garage, s3rver. */
  forcePathStyle: boolean;
  /**
   * Where the public may fetch a published file directly (a CDN or the bucket's public address),
   * e.g. https://cdn.example.go.id — /media/<key> then redirects there. Null: Beranda streams it.
   */
  publicBaseUrl: string | null;
}

type Get = (name: string) => string | undefined;

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseObjectStore(get: Get, problems: string[]): ObjectStoreConfig | null {
  const kind = get('MEDIA_STORE') ?? 'local';
  if (kind !== 'local' && kind !== 's3') {
    problems.push(`MEDIA_STORE: "${kind}" harus local (folder MEDIA_DIR) atau s3 (bucket S3-compatible).`);
    return null;
  }
  if (kind === 'local') return null;
  const need = (name: string, what: string): string => {
    const v = get(name);
    if (!v) problems.push(`${name}: wajib bila MEDIA_STORE=s3 (${what}).`);
    return v ?? '';
  };
  const url = (name: string, v: string | undefined): string | null => {
    if (!v) return null;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return v.replace(/\/+$/, '');
    } catch {
      // fall through
    }
    problems.push(`${name}: "${v}" bukan URL http(s) yang sah.`);
    return null;
  };
  const bucket = need('S3_BUCKET', 'nama bucket, e.g. beranda-media');
  if (bucket && !BUCKET.test(bucket)) problems.push(`S3_BUCKET: "${bucket}" bukan nama bucket yang sah (3–63 huruf kecil, angka, titik, tanda hubung).`);
  const privateBucket = get('S3_PRIVATE_BUCKET') ?? bucket;
  if (privateBucket && !BUCKET.test(privateBucket)) problems.push(`S3_PRIVATE_BUCKET: "${privateBucket}" bukan nama bucket yang sah.`);
  const pathStyle = get('S3_FORCE_PATH_STYLE') ?? '0';
  if (!['0', '1', 'true', 'false'].includes(pathStyle)) problems.push(`S3_FORCE_PATH_STYLE: "${pathStyle}" harus 1 atau 0 (1 for MinIO, Garage and most self-hosted stores).`);
  return {
    endpoint: url('S3_ENDPOINT', get('S3_ENDPOINT')),
    region: get('S3_REGION') ?? 'us-east-1',
    bucket,
    privateBucket,
    accessKeyId: need('S3_ACCESS_KEY_ID', 'access key'),
    secretAccessKey: need('S3_SECRET_ACCESS_KEY', 'secret key'),
    forcePathStyle: pathStyle === '1' || pathStyle === 'true',
    publicBaseUrl: url('MEDIA_PUBLIC_URL', get('MEDIA_PUBLIC_URL')),
  };
}
