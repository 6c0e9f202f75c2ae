import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { loadKnowledge } from '../../src/core/library.js';
import { excerptMarkdown } from '../../src/render/markdown-excerpt.js';
import { buildExcerpt, ExcerptTexts } from '../../src/search/excerpt.js';
import { buildIndex, restoreIndex, saveIndex } from '../../src/search/index.js';
import { englishTerms, queryTerms, termsFor } from '../../src/search/text.js';
import { hasRealNotes, realNotesDir } from '../helpers/corpus.js';
import { libraryFrom } from '../helpers/sections.js';

describe("stemming in the notes' language", () => {
  it('stems Russian, Spanish and German inflections to one term', () => {
    const ru = termsFor('ru');
    expect(ru.queryTerms('кэширование')).toEqual(ru.queryTerms('кэширования'));
    expect(ru.queryTerms('запросы')).toEqual(ru.queryTerms('запроса'));
    const es = termsFor('es-ES');
    expect(es.queryTerms('solicitudes')).toEqual(es.queryTerms('solicitud'));
    expect(es.queryTerms('mutaciones')).toEqual(es.queryTerms('mutación'));
    const de = termsFor('de');
    expect(de.queryTerms('Anfragen')).toEqual(de.queryTerms('Anfrage'));
    expect(de.queryTerms('Häuser')).toEqual(de.queryTerms('Hauses'));
  });

  it("drops the language's own stop and question words, never its content words", () => {
    expect(termsFor('ru').queryTerms('Что такое кэширование?')).toEqual(termsFor('ru').queryTerms('кэширование'));
    expect(termsFor('es').queryTerms('¿Cómo funciona la caché?')).toEqual(termsFor('es').queryTerms('caché'));
    expect(termsFor('es').indexTerm('diferencia')).not.toBeNull();
  });

  it('keeps English as it was, and treats Latin words in Cyrillic notes as English', () => {
    expect(termsFor(undefined)).toBe(englishTerms);
    expect(termsFor('en-GB')).toBe(englishTerms);
    expect(termsFor('zh-TW')).toBe(englishTerms);
    // Russian notes name English APIs: those words keep the English treatment.
    expect(termsFor('ru').queryTerms('mutations')).toEqual(queryTerms('mutations'));
    // In Spanish notes every word is Spanish: the English stemmer never touches it.
    expect(termsFor('es').stem('datos')).not.toBe(englishTerms.stem('datos'));
    expect(termsFor('es').stem('datos')).toBe(termsFor('es').stem('dato'));
  });

  it('answers a Russian question worded with other inflections than the notes', () => {
    const library = libraryFrom({
      'cache.md': '# Кэш\n\n## Кэширование запросов\n\nКэширование хранит ответы сервера, чтобы не повторять запрос.\n',
      'errors.md':
        '# Ошибки\n\n## Повтор при ошибке\n\nПри ошибке библиотека повторяет запрос через несколько секунд.\n',
    });
    const index = buildIndex(library.sections, 'ru');
    const answer = ask(index, 'как работают повторы при ошибках');
    expect(answer.confident).toBe(true);
    expect(answer.results[0]!.heading).toBe('Повтор при ошибке');
    expect(ask(index, 'зачем нужно кэширования ответов').results[0]!.heading).toBe('Кэширование запросов');
    // The excerpt bolds the notes' own inflection of the question's word.
    expect(excerptMarkdown(answer.results[0]!.excerpt)).toContain('**ошибке**');
  });

  it("highlights with the stemmer of the notes' language", () => {
    const library = libraryFrom({ 'a.md': '# A\n\n## Ошибки\n\nОшибки повторяются.\n' });
    const blocks = library.sections.find((s) => s.heading === 'Ошибки')!.blocks;
    const terms = new Set(['ошибк']);
    expect(excerptMarkdown(buildExcerpt(new ExcerptTexts(), blocks, terms))).not.toContain('**');
    expect(excerptMarkdown(buildExcerpt(new ExcerptTexts(termsFor('ru').stem), blocks, terms))).toContain('**Ошибки**');
  });

  it('a saved index keeps its language', () => {
    const library = libraryFrom({ 'a.md': '# Кэш\n\n## Кэширование\n\nКэширование хранит ответы.\n' });
    const restored = restoreIndex(saveIndex(buildIndex(library.sections, 'ru')), library.sections);
    expect(restored.terms.language).toBe('ru');
    expect(ask(restored, 'кэширования').results[0]!.heading).toBe('Кэширование');
  });

  it('NOTES_LANGUAGE names the language of a folder without locale folders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-ru-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'errors.md'),
        '# Ошибки\n\n## Повтор при ошибке\n\nБиблиотека повторяет запрос.\n',
      );
      const config = (language?: string) =>
        ({ NOTES_DIR: dir, NOTES_LANGUAGE: language }) as Parameters<typeof loadKnowledge>[0];
      expect(loadKnowledge(config('ru')).index.terms.language).toBe('ru');
      expect(loadKnowledge(config()).index.terms).toBe(englishTerms);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(hasRealNotes)('indexes the Russian half of the SWR site in Russian', () => {
    const { library, index } = loadKnowledge({
      NOTES_DIR: path.join(realNotesDir, 'nextra-swr-site'),
      NOTES_LANGUAGE: 'ru',
    } as Parameters<typeof loadKnowledge>[0]);
    expect(library.language).toBe('ru');
    expect(index.terms.language).toBe('ru');
    // The notes say "кеш", "кеша", "кешем": one term.
    const answer = ask(index, 'пользовательский поставщик кешей');
    expect(answer.results[0]!.heading).toBe('Пользовательский поставщик кеша');
  });
});
