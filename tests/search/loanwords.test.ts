import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { buildIndex } from '../../src/search/index.js';
import { latinLoanwords, maxLatinSpellingsPerQuestion } from '../../src/search/loanwords.js';
import { defaultTuning } from '../../src/search/query.js';
import { termsFor } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';
import { knownStemsOf } from '../helpers/vocabulary.js';

const ru = termsFor('ru');
const knownOf = knownStemsOf(ru);

describe('English loanwords typed in Cyrillic', () => {
  it('writes a loanword in the Latin letters the notes use, with or without its case ending', () => {
    const known = knownOf(['fetcher', 'logger', 'state', 'retry', 'кеш']);
    expect(latinLoanwords('без фетчера не работает', known, ru.stem)).toBe('без fetcher не работает');
    expect(latinLoanwords('Логгер запросов', known, ru.stem)).toBe('logger запросов');
    // "ей" is the "a" of "state", and the English silent "e" is put back.
    expect(latinLoanwords('где хранить стейт', known, ru.stem)).toBe('где хранить state');
    // A plural "-и" stands for the singular's "-й": "ретраи" of "ретрай", "ай" the "y" of "retry".
    expect(latinLoanwords('как вырубить ретраи', known, ru.stem)).toBe('как вырубить retry');
    // Russian drops the "e" of a final "-er": "фильтр" is "filter", "параметр" "parameter".
    const withEr = knownOf(['filter', 'parameter']);
    expect(latinLoanwords('при смене фильтра', withEr, ru.stem)).toBe('при смене filter');
    expect(latinLoanwords('какой параметр', withEr, ru.stem)).toBe('какой parameter');
  });

  it('leaves Russian words, short words, the notes own words and words with several readings as typed', () => {
    const known = knownOf(['fetcher', 'let', 'toc', 'кеш']);
    // "лету" of "на лету" (on the fly) would read "let" and "тока" "toc": too short to tell.
    expect(latinLoanwords('на лету тока', known, ru.stem)).toBe('на лету тока');
    expect(latinLoanwords('очистить кеш', known, ru.stem)).toBe('очистить кеш');
    expect(latinLoanwords('fetcher и данные', known, ru.stem)).toBe('fetcher и данные');
    const twoWays = knownOf(['sell', 'cell']);
    expect(latinLoanwords('селл', twoWays, ru.stem)).toBe('селл');
    expect(latinLoanwords('селл', knownOf(['sell']), ru.stem)).toBe('sell');
  });

  it('stops spelling out a question past its budget', () => {
    let stemmed = 0;
    const counting = (word: string) => {
      stemmed++;
      return ru.stem(word);
    };
    const long = Array.from({ length: 40 }, () => 'аиаиаиаиаи').join(' ');
    expect(latinLoanwords(long, () => false, counting)).toBe(long);
    expect(stemmed).toBeLessThanOrEqual(maxLatinSpellingsPerQuestion + 40 * 20);
  });

  it('answers a Russian question naming a loanword as the one naming it in Latin letters', () => {
    const library = libraryFrom({
      'options.md':
        '# Опции\n\n## Повтор при ошибке\n\nОпция shouldRetryOnError включает retry запроса после ошибки.\n\n## Fetcher\n\nFetcher получает ключ и возвращает данные.\n',
      'cache.md': '# Кеш\n\n## Очистка кеша\n\nКеш очищается вызовом mutate для каждого ключа.\n',
    });
    const index = buildIndex(library.sections, 'ru');
    const answer = ask(index, 'что делает фетчер');
    expect(answer.results[0]?.heading).toBe('Fetcher');
    expect(answer.confident).toBe(true);
  });
});

describe('the gate over notes not in English', () => {
  it('takes a lower coverage as an answer, where the asker’s own words keep their weight', () => {
    const library = libraryFrom({
      'retry.md':
        '# Повторы\n\n## Повтор при ошибке\n\nSWR повторяет запрос при ошибке с экспоненциальной задержкой.\n',
      'cache.md': '# Кеш\n\n## Очистка кеша\n\nКеш очищается вызовом mutate для каждого ключа.\n',
      'focus.md': '# Фокус\n\n## Ревалидация при фокусе\n\nДанные обновляются, когда окно получает фокус.\n',
    });
    const index = buildIndex(library.sections, 'ru');
    // Chat words the notes never use ("в проде", "мобилке": in production, on a phone) weigh in full.
    const question = 'повтор при ошибке в проде на мобилке';
    const answer = ask(index, question);
    expect(answer.results[0]?.heading).toBe('Повтор при ошибке');
    expect(answer.confident).toBe(true);
    // With the English threshold the same question was declined.
    const english = ask(index, question, {
      tuning: { ...defaultTuning, minCoverageOtherLanguages: defaultTuning.minCoverage },
    });
    expect(english.confident).toBe(false);
    // Unrelated questions are still declined.
    expect(ask(index, 'как приготовить борщ на ужин').confident).toBe(false);
  });
});
