import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/modules/accounts/index.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 16 point 8: passwords checked by a maintained strength estimator with common and
// Indonesian passwords and the person's and unit's own names; HSTS under an https PUBLIC_URL.

describe('password strength', () => {
  it('refuses common, Indonesian and name-based passwords, and accepts a few unrelated words', () => {
    const names = ['Lurah Bacang', 'Bacang'];
    for (const weak of ['Password1234', 'password123', '1234567890', 'qwertyuiop', 'bismillah123', 'sayangku2024', 'pangkalpinang1', 'Bacang2026!!', 'lurahbacang2026', 'indonesia1945']) {
      expect(passwordProblem(weak, 'lurah.bacang', names), weak).not.toBeNull();
    }
    for (const good of ['kopi hujan sepeda biru', 'melati-sawah-pinang-tebu-123', 'Tiga ekor kucing menari']) {
      expect(passwordProblem(good, 'lurah.bacang', names), good).toBeNull();
    }
    expect(passwordProblem('Password1234', 'x')).toBe('guessable');
    expect(passwordProblem('pendek', 'x')).toBe('too_short');
    expect(passwordProblem('kopi hujan lurah.bacang', 'lurah.bacang')).toBe('has_username');
  });
});

describe(`HSTS on ${testEngine()}`, () => {
  let https: TestApp;
  let http: TestApp;
  beforeAll(async () => {
    https = await createTestApp({ publicUrl: 'https://beranda.example.go.id', secureCookies: true });
    http = await createTestApp({ publicUrl: 'http://localhost:3000' });
  });
  afterAll(async () => {
    await https?.close();
    await http?.close();
  });

  it('is sent on every answer when PUBLIC_URL is https, and never over plain http', async () => {
    for (const path of ['/', '/admin/masuk', '/healthz', '/tidak-ada']) {
      expect((await https.request(path)).headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/);
      expect((await http.request(path)).headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
