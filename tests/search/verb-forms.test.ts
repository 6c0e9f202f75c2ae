import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { buildIndex } from '../../src/search/index.js';
import { phrasingWords } from '../../src/search/phrasing.js';
import { isRussianVerbForm } from '../../src/search/verb-forms.js';
import { libraryFrom } from '../helpers/sections.js';

describe('Russian verb forms', () => {
  it('reads infinitives, persons, past forms, reflexives and gerunds as verbs', () => {
    for (const verb of ['вырубить', 'засунуть', 'прилетает', 'покрывают', 'лежит', 'понимаешь', 'навесил'])
      expect(isRussianVerbForm(verb), verb).toBe(true);
    for (const verb of ['пропала', 'убрали', 'грузятся', 'отвалился', 'опираясь', 'сделав'])
      expect(isRussianVerbForm(verb), verb).toBe(true);
  });

  it('leaves nouns that end as verbs do, short words and words in other letters', () => {
    for (const noun of ['пакет', 'ответ', 'формат', 'маршрут', 'сигнал', 'интервал', 'значение', 'сети'])
      expect(isRussianVerbForm(noun), noun).toBe(false);
    for (const noun of ['коммит', 'лимит', 'память', 'ждал', 'fetcher', 'кеш'])
      expect(isRussianVerbForm(noun), noun).toBe(false);
  });
});

describe('phrasing over Russian notes', () => {
  const library = libraryFrom({
    'retry.md': '# Повторы\n\n## Повтор при ошибке\n\nSWR повторяет запрос при ошибке с экспоненциальной задержкой.\n',
    'cache.md': '# Кеш\n\n## Очистка кеша\n\nКеш очищается вызовом mutate для каждого ключа.\n',
    'focus.md': '# Фокус\n\n## Ревалидация при фокусе\n\nДанные обновляются, когда окно получает фокус.\n',
    'pages.md': '# Страницы\n\n## Пагинация\n\nСтраницы загружаются по одной через useSWRInfinite.\n',
  });
  const index = buildIndex(library.sections, 'ru');
  const usedByNotes = (t: string) => index.docFreq.has(t);
  const phrasing = (question: string) =>
    [...phrasingWords(question, index.terms.queryTerms(question), index.terms, usedByNotes, new Set())].sort();

  it("weighs the asker's verbs the notes never use as phrasing, never their nouns or the notes' words", () => {
    expect(phrasing('как вырубить повтор при ошибке, бесит')).toEqual(
      ['вырубить', 'бесит'].map((w) => index.terms.queryTerm(w)!).sort(),
    );
    // "борщ" and "ужин" are what an unrelated question is about.
    expect(phrasing('как приготовить борщ на ужин')).toEqual([index.terms.queryTerm('приготовить')!]);
    expect(phrasing('повторяет ли swr запрос')).toEqual([]);
  });

  it('answers a question asked with verbs the notes never use, and still declines an unrelated one', () => {
    const answer = ask(index, 'как вырубить повтор запроса если сервер отвалился');
    expect(answer.results[0]?.heading).toBe('Повтор при ошибке');
    expect(answer.confident).toBe(true);
    expect(ask(index, 'как приготовить вкусный борщ на ужин').confident).toBe(false);
  });
});
