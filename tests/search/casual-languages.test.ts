import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { uncasual } from '../../src/search/casual.js';
import { buildIndex } from '../../src/search/index.js';
import { termsFor } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';

/** The index of these notes, written in `language`. */
const indexOf = (files: Record<string, string>, language: string) => buildIndex(libraryFrom(files).sections, language);

describe("chat in the notes' language", () => {
  it("spells out the language's shorthand and drops its chat, not English's", () => {
    expect(uncasual('xq la paginacion no funciona porfa', 'es').replace(/\s+/g, ' ').trim()).toBe(
      'por qué la paginacion no funciona',
    );
    // Spanish "y" is "and"; English's "y" → "why" stays out of Spanish notes.
    expect(uncasual('data y error', 'es')).toBe('data y error');
    expect(uncasual('чё такое дедупликация плз', 'ru').trim()).toBe('что такое дедупликация');
    expect(uncasual('тока в useSWR', 'ru')).toBe('только в useSWR');
    // Russian notes keep English's table for the English words typed in them.
    expect(uncasual('wat r hooks', 'ru')).toBe('what are hooks');
    expect(uncasual('wat r hooks')).toBe('what are hooks');
  });

  it('answers a chatty Spanish and Russian question as the plain one', () => {
    const es = indexOf(
      {
        'a.md': '# Paginación\n\n## Carga infinita\n\nLa paginación carga las páginas una tras otra.\n',
        'b.md': '# Errores\n\n## Reintento\n\nSWR reintenta la solicitud cuando hay un error.\n',
      },
      'es',
    );
    const chatty = ask(es, 'xq la paginacion no funciona porfa');
    expect(chatty.confident).toBe(true);
    expect(chatty.results[0]!.heading).toBe('Carga infinita');
    const ru = indexOf(
      {
        'a.md': '# Производительность\n\n## Дедупликация\n\nДедупликация объединяет одинаковые запросы в один.\n',
        'b.md': '# Ошибки\n\n## Повтор\n\nПри ошибке запрос повторяется.\n',
      },
      'ru',
    );
    const russian = ask(ru, 'чё такое дедупликация плз');
    expect(russian.confident).toBe(true);
    expect(russian.results[0]!.heading).toBe('Дедупликация');
  });

  it("shows no Missing line for the asker's own Spanish words, and one for a name the notes never use", () => {
    const es = indexOf(
      {
        'a.md':
          '# Configuración\n\n## Configuración global\n\nEl contexto SWRConfig da el mismo fetcher a todos los hooks.\n',
        'b.md': '# Errores\n\n## Reintento\n\nSWR reintenta la solicitud cuando hay un error.\n',
        'c.md': '# Paginación\n\n## Carga infinita\n\nLa paginación carga las páginas una tras otra.\n',
      },
      'es',
    );
    // "pongo" (I put) and "repetirlo" are Spanish: the stemmer takes their endings off.
    const own = ask(es, 'como le pongo el mismo fetcher a todos los hooks sin repetirlo');
    expect(own.results[0]!.heading).toBe('Configuración global');
    expect(own.missing).toEqual([]);
    // "kubeflow" keeps its letters under the Spanish stemmer: a name the section lacks.
    const name = ask(es, 'el mismo fetcher en todos los hooks con kubeflow');
    expect(name.results[0]!.heading).toBe('Configuración global');
    expect(name.missing).toEqual(['kubeflow']);
  });

  it('reads "те", "самые" and the forms of "юзать" as shaping a Russian question, not as its subject', () => {
    const ru = termsFor('ru');
    expect(ru.queryTerms('если юзаю те же самые данные')).toEqual(ru.queryTerms('данные'));
  });

  it('corrects a typo of a Russian word the notes use as it corrects an English one, never a Chinese word', () => {
    const ru = indexOf(
      {
        'a.md': '# Начало\n\n## Установка\n\nУстановка библиотеки занимает одну команду.\n',
        'b.md': '# Ошибки\n\n## Повтор\n\nПри ошибке запрос повторяется.\n',
      },
      'ru',
    );
    const typo = ask(ru, 'установка или устоновка');
    expect(ask(ru, 'устоновка').confident).toBe(true);
    expect(typo.results[0]!.heading).toBe('Установка');
    const zh = indexOf({ 'a.md': '# 網路\n\n## 反向代理\n\n反向代理把請求轉給後端伺服器。\n' }, 'zh-TW');
    // One character apart, another word: forward proxy is not a typo of reverse proxy.
    expect(ask(zh, '正向代理').confident).toBe(false);
  });
});
