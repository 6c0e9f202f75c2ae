import { createRequire } from 'node:module';
import * as stopword from 'stopword';

// Snowball stemmers (@orama/stemmers), one module per language, loaded only for the language the
// notes are written in: loading all of them would add ~70 ms to every start.
const require = createRequire(import.meta.url);
type Stemmer = (word: string) => string;
const stemmerModules: Record<string, () => { stemmer: Stemmer }> = {
  ar: () => require('@orama/stemmers/arabic'),
  bg: () => require('@orama/stemmers/bulgarian'),
  da: () => require('@orama/stemmers/danish'),
  de: () => require('@orama/stemmers/german'),
  el: () => require('@orama/stemmers/greek'),
  es: () => require('@orama/stemmers/spanish'),
  fi: () => require('@orama/stemmers/finnish'),
  fr: () => require('@orama/stemmers/french'),
  ga: () => require('@orama/stemmers/irish'),
  hu: () => require('@orama/stemmers/hungarian'),
  hy: () => require('@orama/stemmers/armenian'),
  id: () => require('@orama/stemmers/indonesian'),
  it: () => require('@orama/stemmers/italian'),
  lt: () => require('@orama/stemmers/lithuanian'),
  nb: () => require('@orama/stemmers/norwegian'),
  ne: () => require('@orama/stemmers/nepali'),
  nl: () => require('@orama/stemmers/dutch'),
  nn: () => require('@orama/stemmers/norwegian'),
  no: () => require('@orama/stemmers/norwegian'),
  pt: () => require('@orama/stemmers/portuguese'),
  ro: () => require('@orama/stemmers/romanian'),
  ru: () => require('@orama/stemmers/russian'),
  sv: () => require('@orama/stemmers/swedish'),
  ta: () => require('@orama/stemmers/tamil'),
  tr: () => require('@orama/stemmers/turkish'),
  uk: () => require('@orama/stemmers/ukrainian'),
};

/** The Snowball stemmer of a language (ISO 639-1 code), or undefined when none is shipped. */
export function snowballStemmer(code: string): Stemmer | undefined {
  return stemmerModules[code]?.().stemmer;
}

/** Languages written in Latin letters: in the others, a word in Latin letters is English. */
export const latinScript = new Set([
  'da',
  'de',
  'es',
  'fi',
  'fr',
  'ga',
  'hu',
  'id',
  'it',
  'lt',
  'nb',
  'nl',
  'nn',
  'no',
  'pt',
  'ro',
  'sv',
  'tr',
]);

/** Languages written in Cyrillic letters, whose chats write English loanwords in Cyrillic too (loanwords.ts). */
export const cyrillicScript = new Set(['bg', 'ru', 'uk']);

// ISO 639-1 → the stopword package's ISO 639-3 lists.
const stopWordLists: Record<string, readonly string[]> = {
  ar: stopword.ara,
  bg: stopword.bul,
  da: stopword.dan,
  de: stopword.deu,
  el: stopword.ell,
  es: stopword.spa,
  fi: stopword.fin,
  fr: stopword.fra,
  ga: stopword.gle,
  hu: stopword.hun,
  hy: stopword.hye,
  id: stopword.ind,
  it: stopword.ita,
  lt: stopword.lit,
  nb: stopword.nob,
  nl: stopword.nld,
  nn: stopword.nob,
  no: stopword.nob,
  pt: stopword.por,
  ro: stopword.ron,
  ru: stopword.rus,
  sv: stopword.swe,
  tr: stopword.tur,
  uk: stopword.ukr,
};

// Words that shape a question but never its topic, where the stop-word lists lack them; with the
// verbs a "how do I" question is asked with ("¿cómo uso…?", "как сделать…"), which name no topic.
const questionWordLists: Record<string, readonly string[]> = {
  ru: [
    'такое',
    'почему',
    'зачем',
    'какие',
    'объясни',
    'расскажи',
    'значит',
    'разница',
    'нужно',
    'это',
    'работает',
    'работают',
    'использовать',
    'юзать',
    'сделать',
    'делать',
    'какой',
    'какая',
    'какое',
    'какую',
    'каким',
    'каком',
    'каких',
    'какими',
    'мне',
    'меня',
    'мой',
    'моя',
    'мои',
    'моём',
    'моем',
    'хочу',
    'надо',
    'те',
    'самый',
    'самая',
    'самое',
    'самые',
    'самых',
    'самом',
    'именно',
    'просто',
    'всё',
    'юзаю',
    'юзаешь',
    'юзает',
    'юзаем',
    'юзают',
    'юзал',
    'юзала',
    'юзали',
  ],
  uk: ['таке', 'чому', 'навіщо', 'поясни', 'розкажи', 'означає', 'різниця', 'використовувати', 'зробити', 'робити'],
  es: [
    'cómo',
    'cuál',
    'cuáles',
    'porqué',
    'explica',
    'significa',
    'diferencia',
    'es',
    'son',
    'puedo',
    'hay',
    'funciona',
    'funcionan',
    'usar',
    'utilizar',
    'hacer',
    'hacerlo',
    'tengo',
    'tiene',
    'quiero',
    'necesito',
    'estoy',
    'mi',
    'mis',
    'algo',
  ],
  pt: [
    'como',
    'qual',
    'quais',
    'explica',
    'significa',
    'diferença',
    'é',
    'são',
    'posso',
    'funciona',
    'usar',
    'utilizar',
    'fazer',
    'faço',
  ],
  de: ['wozu', 'erkläre', 'bedeutet', 'unterschied', 'funktioniert', 'verwenden', 'benutzen', 'nutzen', 'machen'],
  fr: [
    'quoi',
    'comment',
    'pourquoi',
    'quel',
    'quelle',
    'quels',
    'explique',
    'signifie',
    'différence',
    'fonctionne',
    'utiliser',
    'faire',
  ],
  it: [
    'cosa',
    'come',
    'perché',
    'quale',
    'quali',
    'spiega',
    'significa',
    'differenza',
    'funziona',
    'usare',
    'utilizzare',
    'fare',
  ],
};

// The accented letters of each language written in Latin letters, as people leave them out when
// they type fast ("paginacion" for "paginación"): see accents.ts.
const accentedLetterLists: Record<string, string> = {
  da: 'åøé',
  de: 'äöü',
  es: 'áéíóúñü',
  fi: 'äö',
  fr: 'àâçéèêëîïôùûüÿ',
  ga: 'áéíóú',
  hu: 'áéíóöőúüű',
  it: 'àèéìíîòóùú',
  lt: 'ąčęėįšųūž',
  nb: 'åøé',
  nl: 'áéèëïóöü',
  nn: 'åøé',
  no: 'åøé',
  pt: 'áàâãçéêíóôõú',
  ro: 'ăâîșțşţ',
  sv: 'åäöé',
  tr: 'çğöşü',
};

/** The word without its accents ("paginación" → "paginacion"). */
export const withoutAccents = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** The accented letters of a language, lower-case (none for one without, or not in Latin letters). */
export const accentedLettersOf = (code: string): string => accentedLetterLists[code] ?? '';

/** A language's stop words, lower-case (none when the stopword package has no list). */
export const stopWordsOf = (code: string): readonly string[] => stopWordLists[code] ?? [];

/** A language's question words that are not stop words, lower-case. */
export const questionWordsOf = (code: string): readonly string[] => questionWordLists[code] ?? [];
