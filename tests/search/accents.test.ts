import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask.js';
import { maxSpellingsPerQuestion, restoreAccents } from '../../src/search/accents.js';
import { withoutAccents } from '../../src/search/languages.js';
import { buildIndex } from '../../src/search/index.js';
import { termsFor } from '../../src/search/text.js';
import { libraryFrom } from '../helpers/sections.js';
import { knownStemsOf } from '../helpers/vocabulary.js';

const es = termsFor('es');
const knownOf = knownStemsOf(es);

describe('accents a question was typed without', () => {
  it('puts back the accent that makes a word of the notes, keeping its case', () => {
    const known = knownOf(['paginación', 'revalidación', 'compañía']);
    // Spanish stems read the suffix by its accent: without it the word misses the notes' word.
    expect(es.stem('paginacion')).not.toBe(es.stem('paginación'));
    expect(restoreAccents('como hago la paginacion', es.accentedLetters, known, es.stem)).toBe(
      'como hago la paginación',
    );
    expect(restoreAccents('Paginacion?', es.accentedLetters, known, es.stem)).toBe('Paginación?');
    // Two accents when one makes nothing the notes use.
    expect(restoreAccents('la compania', es.accentedLetters, known, es.stem)).toBe('la compañía');
  });

  it('leaves words the notes use, words it cannot place and words with several readings as typed', () => {
    const known = knownOf(['paginación', 'revalidación']);
    expect(restoreAccents('revalidar useSWR', es.accentedLetters, known, es.stem)).toBe('revalidar useSWR');
    expect(restoreAccents('pizza paginacion', '', known, es.stem)).toBe('pizza paginacion');
    // French notes holding both "pêche" and "pèche": "peche" could be either.
    const fr = termsFor('fr');
    const twoWays = (stem: string) => stem === fr.stem('pêche') || stem === fr.stem('pèche');
    expect(fr.stem('pêche')).not.toBe(fr.stem('pèche'));
    expect(restoreAccents('la peche', fr.accentedLetters, twoWays, fr.stem)).toBe('la peche');
    expect(restoreAccents('la peche', fr.accentedLetters, (s) => s === fr.stem('pêche'), fr.stem)).toBe('la pêche');
    expect(withoutAccents('Revalidación ñ')).toBe('Revalidacion n');
  });

  it('reads stop, question and "how do I" words typed without accents as shaping the question', () => {
    expect(es.queryTerms('tambien puedo usar suspense')).toEqual(es.queryTerms('suspense'));
    expect(es.queryTerms('cual es la diferencia')).toEqual([]);
    expect(termsFor('ru').queryTerms('как сделать мутацию')).toEqual(termsFor('ru').queryTerms('мутация'));
    // A content word stays one.
    expect(es.queryTerms('paginación')).toHaveLength(1);
  });

  it('answers a Spanish question typed without accents as the one typed with them', () => {
    const library = libraryFrom({
      'paginacion.md': '# Paginación\n\n## Carga infinita\n\nLa paginación carga las páginas una tras otra.\n',
      'revalidacion.md':
        '# Revalidación\n\n## Revalidar al enfocar\n\nLa revalidación vuelve a pedir los datos al enfocar la ventana.\n',
    });
    const index = buildIndex(library.sections, 'es');
    const typed = ask(index, 'como funciona la paginacion');
    const accented = ask(index, '¿Cómo funciona la paginación?');
    expect(accented.confident).toBe(true);
    expect(typed.confident).toBe(true);
    expect(typed.results[0]!.heading).toBe(accented.results[0]!.heading);
    expect(typed.results[0]!.heading).toBe('Carga infinita');
  });

  it('stems a bounded number of spellings however the question is made', () => {
    const fr = termsFor('fr');
    // 47 words of twenty French vowels: two accents each would be 6,000 spellings a word.
    const hostile = Array.from({ length: 47 }, (_, i) => `${'e'.repeat(19)}${String.fromCharCode(97 + (i % 26))}`).join(
      ' ',
    );
    let stemmed = 0;
    const counting = (word: string) => {
      stemmed++;
      return fr.stem(word);
    };
    expect(restoreAccents(hostile, fr.accentedLetters, () => false, counting)).toBe(hostile);
    expect(stemmed).toBeLessThanOrEqual(maxSpellingsPerQuestion + 47);
    // The words before the budget ran out keep their accents.
    const known = (stem: string) => stem === fr.stem('télécharger');
    expect(restoreAccents(`telecharger ${hostile}`, fr.accentedLetters, known, fr.stem)).toMatch(/^télécharger /);
  });
});
