import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/beranda');
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('configuration', () => {
  it('has working defaults: SQLite under data/, port 3000, Pangkalpinang, demo on', () => {
    const c = loadConfig({}, '/srv/beranda');
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', file: '/srv/beranda/data/beranda.db', url: 'sqlite:/srv/beranda/data/beranda.db' });
    expect(c.region).toBe('19.71');
    expect(c.demo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.mediaDir).toBe('/srv/beranda/data/media');
    expect(c.secureCookies).toBe(false);
    expect(c.roles).toEqual({ web: true, worker: true });
  });

  it('selects PostgreSQL from a postgres:// URL and https cookies from an https PUBLIC_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/beranda', PUBLIC_URL: 'https://beranda.example.go.id/', BERANDA_DEMO: '0', SITE_DOMAIN: 'PangkalpinangKota.go.id' }, '/x');
    expect(c.database.kind).toBe('postgres');
    expect(c.publicUrl).toBe('https://beranda.example.go.id');
    expect(c.secureCookies).toBe(true);
    expect(c.demo).toBe(false);
    expect(c.siteDomain).toBe('pangkalpinangkota.go.id');
  });

  it('reports every mistake in its own clear line', () => {
    const problems = problemsOf({ PORT: 'tiga ribu', DATABASE_URL: 'mysql://x', BERANDA_REGION: '1971', BERANDA_DEMO: 'ya', PUBLIC_URL: 'ftp://x', SITE_DOMAIN: 'bukan domain' });
    expect(problems).toHaveLength(6);
    expect(problems[0]).toMatch(/^PORT: "tiga ribu"/);
    expect(problems.find((p) => p.startsWith('BERANDA_REGION'))).toMatch(/units regions/);
    for (const p of problems) expect(p).not.toContain('\n');
  });

  it('reads secrets from *_FILE', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cfg-'));
    writeFileSync(path.join(dir, 'secret'), 'a'.repeat(40) + '\n');
    expect(loadConfig({ BERANDA_SECRET_FILE: path.join(dir, 'secret') }, '/x').secret).toBe('a'.repeat(40));
    expect(problemsOf({ DATABASE_URL_FILE: path.join(dir, 'missing') })[0]).toMatch(/^DATABASE_URL_FILE: berkas/);
  });

  it('refuses a short secret and a malformed token key', () => {
    const problems = problemsOf({ BERANDA_SECRET: 'pendek', TOKEN_ENCRYPTION_KEY: 'abc' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['BERANDA_SECRET', 'TOKEN_ENCRYPTION_KEY']);
  });

  it('reads the trusted proxies: loopback by default, addresses and CIDR ranges, none; refuses anything else', () => {
    expect(loadConfig({}, '/srv/beranda').trustedProxies).toEqual(['loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: 'loopback, 10.0.0.5,172.18.0.0/16,fd00::/8' }, '/srv/beranda').trustedProxies).toEqual(['loopback', '10.0.0.5', '172.18.0.0/16', 'fd00::/8']);
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }, '/srv/beranda').trustedProxies).toEqual([]);
    const problems = problemsOf({ TRUSTED_PROXIES: 'proxy.lokal,10.0.0.0/33' });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('TRUSTED_PROXIES:'))).toBe(true);
  });

  it('runs one web process with the page cache on unless told otherwise; auto is one per core; refuses nonsense', () => {
    const c = loadConfig({}, '/srv/beranda');
    expect(c.webProcesses).toBe(1);
    expect(c.pageCache).toBe(true);
    expect(loadConfig({ WEB_PROCESSES: '3', PAGE_CACHE: '0' }, '/srv/beranda')).toMatchObject({ webProcesses: 3, pageCache: false });
    expect(loadConfig({ WEB_PROCESSES: 'auto' }, '/srv/beranda').webProcesses).toBe(os.availableParallelism());
    const problems = problemsOf({ WEB_PROCESSES: 'dua', PAGE_CACHE: 'mati' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['WEB_PROCESSES', 'PAGE_CACHE']);
    expect(problemsOf({ WEB_PROCESSES: '0' })[0]).toMatch(/^WEB_PROCESSES/);
    // Work a killed process held goes to another worker after WORK_LEASE_SECONDS (default 2 min).
    expect(c.workLeaseMs).toBe(120_000);
    expect(loadConfig({ WORK_LEASE_SECONDS: '5' }, '/srv/beranda').workLeaseMs).toBe(5_000);
    expect(problemsOf({ WORK_LEASE_SECONDS: '0' })[0]).toMatch(/^WORK_LEASE_SECONDS/);
    // Sites a worker checks at once in a sweep (decision 0015): 32 unless set, 1–2000.
    expect(c.monitorSweepSites).toBe(32);
    expect(loadConfig({ MONITOR_SWEEP_SITES: '560' }, '/srv/beranda').monitorSweepSites).toBe(560);
    for (const bad of ['0', '2001', 'banyak']) expect(problemsOf({ MONITOR_SWEEP_SITES: bad })[0]).toMatch(/^MONITOR_SWEEP_SITES/);
    // The PostgreSQL pool grows with a worker's sweep (decision 0015): 10 up to 200 sites, then one per 20.
    const pg = { DATABASE_URL: 'postgres://beranda@127.0.0.1:5432/beranda' };
    const poolOf = (env: Record<string, string>) => {
      const d = loadConfig({ ...pg, ...env }, '/srv/beranda').database;
      return d.kind === 'postgres' ? d.poolMax : 'sqlite';
    };
    expect(poolOf({})).toBe(10);
    expect(poolOf({ MONITOR_SWEEP_SITES: '600' })).toBe(30);
    expect(poolOf({ MONITOR_SWEEP_SITES: '600', BERANDA_ROLES: 'web' })).toBe(10);
    expect(poolOf({ MONITOR_SWEEP_SITES: '600', DATABASE_POOL_MAX: '12' })).toBe(12);
    for (const bad of ['0', '501', 'banyak']) expect(problemsOf({ ...pg, DATABASE_POOL_MAX: bad })[0]).toMatch(/^DATABASE_POOL_MAX/);
  });

  it('keeps media in the folder by default and reads an S3-compatible bucket from MEDIA_STORE=s3 (issue 18)', () => {
    expect(loadConfig({}, '/srv/beranda').objectStore).toBeNull();
    const c = loadConfig({
      MEDIA_STORE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_BUCKET: 'beranda-media', S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'rahasia', S3_FORCE_PATH_STYLE: '1', MEDIA_PUBLIC_URL: 'https://cdn.example.go.id/',
    }, '/srv/beranda');
    expect(c.objectStore).toEqual({
      endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', bucket: 'beranda-media', privateBucket: 'beranda-media',
      accessKeyId: 'id', secretAccessKey: 'rahasia', forcePathStyle: true, publicBaseUrl: 'https://cdn.example.go.id',
    });
    const problems = problemsOf({ MEDIA_STORE: 's3', S3_BUCKET: 'Bad_Bucket', S3_ENDPOINT: 'ftp://x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['S3_ACCESS_KEY_ID', 'S3_BUCKET', 'S3_ENDPOINT', 'S3_PRIVATE_BUCKET', 'S3_SECRET_ACCESS_KEY']);
    expect(problemsOf({ MEDIA_STORE: 'nfs' })[0]).toMatch(/^MEDIA_STORE:/);
  });
});
