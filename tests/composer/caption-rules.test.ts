import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannel } from '../../src/modules/channels/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId } from './support.js';

// Issue 16.5 in the composer: a caption that breaks a platform's documented rule (Instagram: 30
// hashtags, 20 mentions) stops publishing, with the rule and the numbers said at that caption.

describe(`caption rules in the composer on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang = '';
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
    await registerChannel(a.deps, { unitId: bacang, platform: 'instagram', profileUrl: 'https://www.instagram.com/kel.bacang/' });
  });
  afterAll(async () => a?.close());

  it('refuses an Instagram caption with 35 hashtags or 21 mentions, says so at the caption, and publishes once fixed', async () => {
    const id = await newDraft(op, 'bacang', 'pengumuman');
    const text = { title: 'Lomba kebersihan antar-RW', body: 'Lomba kebersihan antar-RW dimulai Senin depan, ayo ikut.', photos_shown: '1' };
    const hashtags = Array.from({ length: 35 }, (_, i) => `#Bersih${i}`).join(' ');
    expect((await autosave(a, op, 'bacang', id, { ...text, 'caption:instagram': `Ayo ikut! ${hashtags}`, 'caption_auto:instagram': 'auto' })).status).toBe(200);
    const refused = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...text, action: 'publish' });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('melanggar aturan platformnya');
    expect(html).toMatch(/data-caption-problem="instagram"[^>]*>\s*Teks untuk Instagram memuat 35 tagar \(#\), paling banyak 30/);
    expect((await getDraft(a.t.db, bacang, id))!.status).not.toBe('published');

    const mentions = Array.from({ length: 21 }, (_, i) => `@warga${i}`).join(' ');
    const again = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...text, 'caption:instagram': `Terima kasih ${mentions}`, 'caption_auto:instagram': 'auto', action: 'publish' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('menyebut 21 akun (@), paling banyak 20');

    const fixed = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...text, 'caption:instagram': 'Ayo ikut! #BacangBersih', 'caption_auto:instagram': 'auto', action: 'publish' });
    expect(fixed.status).toBe(303);
    expect((await getDraft(a.t.db, bacang, id))!.status).toBe('published');
  });
});
