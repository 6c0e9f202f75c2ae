import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { hasRealNotes, realNotesDir } from '../helpers/corpus.js';
import { startHarness, type Harness } from './harness.js';

// A Chinese question through the fake Discord: word segmentation at index and query time, the
// section's embed, and a link that points at the section on the published Docusaurus site.
const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/zh-notes/docs');

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function askInChinese(env: Record<string, string>, question: string): Promise<APIEmbed> {
  h = await startHarness({ env: { NOTES_BASE_URL: 'https://notes.example.com', ...env } });
  const handle = h.fake.slashCommand({ name: 'ask', options: { question } });
  await handle.wait(15_000);
  const message = h.fake.originalOf(handle)!;
  expect(h.fake.violations).toEqual([]);
  return message.embeds[0] as APIEmbed;
}

describe('/ask in Chinese through the fake Discord', () => {
  it('answers 什麼是反向代理 on a Traditional Chinese Docusaurus folder with the 反向代理 section and its link', async () => {
    const embed = await askInChinese({ NOTES_DIR: fixtureDir }, '什麼是反向代理');
    expect(embed.title).toContain('反向代理 (Reverse Proxy)');
    expect(embed.description).toContain('反向代理位於伺服器前方');
    const url = new URL(embed.url!);
    expect(url.origin).toBe('https://notes.example.com');
    // Docusaurus routes drop the number prefixes (folders' too); the anchor is the heading's slug.
    expect(decodeURIComponent(url.pathname + url.hash)).toBe('/Networks/proxy#反向代理-reverse-proxy');
  }, 60_000);

  it.skipIf(!hasRealNotes)(
    'answers it on the real Docusaurus notes (Bosh-Kuo, Traditional Chinese)',
    async () => {
      const embed = await askInChinese(
        {
          NOTES_DIR: path.join(realNotesDir, 'bosh-docusaurus-notes'),
          NOTES_INCLUDE: '20-Networks/**,22-Nginx/**',
        },
        '什麼是反向代理',
      );
      expect(embed.title).toContain('反向代理');
      const url = new URL(embed.url!);
      expect(decodeURIComponent(url.hash)).toBe('#反向代理-reverse-proxy');
      expect(decodeURIComponent(url.pathname)).toContain('Nginx/nginx-introduction');
    },
    120_000,
  );
});
