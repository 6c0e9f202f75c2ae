import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { loadKnowledge } from '../../src/core/library.js';
import { buildIndex } from '../../src/search/index.js';
import { queryTerms, tokenize } from '../../src/search/text.js';
import { hasRealNotes, realNotesDir } from '../helpers/corpus.js';
import { libraryFrom } from '../helpers/sections.js';

describe('words in any language', () => {
  it('splits Chinese and Japanese runs into words with Intl.Segmenter, leaving spaced scripts alone', () => {
    expect(tokenize('什麼是反向代理？Nginx 的反向代理設定')).toEqual([
      '什麼',
      '是',
      '反向',
      '代理',
      'Nginx',
      '的',
      '反向',
      '代理',
      '設定',
    ]);
    expect(tokenize('Load balancers spread traffic')).toEqual(['Load', 'balancers', 'spread', 'traffic']);
    expect(queryTerms('什麼是反向代理')).toEqual(['反向', '代理']);
  });

  it('does not stem non-English words with the English stemmer', () => {
    expect(queryTerms('кэширование запросов')).toEqual(['кэширование', 'запросов']);
    expect(queryTerms('caching requests')).toEqual(['cach', 'request']);
  });

  it('a Chinese question finds the Chinese section among English ones', () => {
    const library = libraryFrom({
      'proxy.md':
        '# 代理\n\n## 正向代理\n\n正向代理替用戶端向外部伺服器發出請求。\n\n## 反向代理\n\n反向代理位於伺服器前方，把用戶端的請求轉發給後端伺服器，並可做負載平衡。\n',
      'cache.md': '# Caching\n\n## HTTP caching\n\nBrowsers keep responses and reuse them until they expire.\n',
    });
    const answer = ask(buildIndex(library.sections), '什麼是反向代理');
    expect(answer.confident).toBe(true);
    expect(answer.results[0]!.id).toBe('proxy#反向代理');
  });
});

describe.skipIf(!hasRealNotes)('a Chinese question on the real Docusaurus notes (Traditional Chinese)', () => {
  it('finds the 反向代理 section of the Nginx notes (network and Nginx folders, to keep the test short)', () => {
    const knowledge = loadKnowledge({
      NOTES_DIR: path.join(realNotesDir, 'bosh-docusaurus-notes'),
      NOTES_BASE_URL: undefined,
      NOTES_LINK_STYLE: undefined,
      NOTES_INCLUDE: ['20-Networks/**', '22-Nginx/**'],
    });
    for (const question of ['什麼是反向代理', '反向代理是什麼？']) {
      const answer = ask(knowledge.index, question);
      expect(answer.confident).toBe(true);
      expect(answer.results[0]!.id).toBe('Nginx/nginx-introduction#反向代理-reverse-proxy');
    }
  }, 120_000);
});

describe('sections without prose', () => {
  it('are not offered as answers: an image-only section and a reading list lose to the section that teaches', () => {
    const library = libraryFrom({
      'caching.md': [
        '# Caching',
        '',
        '## Cache diagram',
        '',
        '![](cache-layers.png)',
        '',
        '## Further reading on cache invalidation',
        '',
        '- [Cache invalidation explained](https://example.com/a)',
        '- [Cache invalidation patterns](https://example.com/b)',
        '',
        '## Invalidation',
        '',
        'Cache invalidation removes stale entries when the source data changes, by expiry time or by explicit purge.',
        '',
      ].join('\n'),
    });
    const byHeading = (h: string) => library.sections.find((s) => s.heading === h)!;
    expect(byHeading('Cache diagram').answerable).toBe(false);
    expect(byHeading('Further reading on cache invalidation').answerable).toBe(false);
    expect(byHeading('Invalidation').answerable).toBeUndefined();
    const answer = ask(buildIndex(library.sections), 'cache invalidation');
    expect(answer.results.map((r) => r.heading)).not.toContain('Further reading on cache invalidation');
    expect(answer.results.map((r) => r.heading)).not.toContain('Cache diagram');
    expect(answer.results[0]!.heading).toBe('Invalidation');
  });
});
