// Russian verbs by their endings: the Russian counterpart of the English tagger's VERB (tagger.ts)
// for phrasing.ts. No tagger for Russian is to be had here, and the language marks its verbs in the
// ending: "вырубить", "прилетает", "грузятся", "отвалился".

/**
 * Endings that make a Russian word of five letters or more a verb form (or a participle or gerund,
 * which phrase a question as verbs do). Endings shared with common nouns are left out: "-ет" after
 * a consonant ("пакет", "ответ"), "-ат"/"-ят" ("формат"), "-ут" ("маршрут"), a bare past "-ал"
 * ("сигнал", "интервал"), "-ти" ("сети"), "-ие" ("значение").
 */
const russianVerbEnding = new RegExp(
  `(?:${[
    '(?:ся|сь)', // reflexive: "грузятся", "отвалился", "опираясь"
    '[аяеиоуы]ть', // infinitive: "вырубить", "засунуть"
    '[еи]шь', // you do: "понимаешь"
    '[аяеоу](?:ет|ют)', // does, do: "прилетает", "покрывают"
    '[^аеёиоуыэюя]ит', // does: "лежит", "ходит"
    '[еиы]л', // did: "вывел", "навесил"
    '[аяеиы]л[аои]', // did: "пропала", "убрали"
    'вши', // having done: "сделавши"
    '[аи]в', // having done: "сделав"
  ].join('|')})$`,
  'u',
);

/** Nouns of five letters or more that end as verbs do. */
const verbLookingNouns = new Set([
  'коммит',
  'лимит',
  'кредит',
  'аудит',
  'транзит',
  'визит',
  'депозит',
  'память',
  'печать',
  'смесь',
]);

/** Whether a Russian word (lower case) reads as a verb form by its ending. */
export function isRussianVerbForm(word: string): boolean {
  return word.length >= 5 && /^[а-яё]+$/u.test(word) && !verbLookingNouns.has(word) && russianVerbEnding.test(word);
}
