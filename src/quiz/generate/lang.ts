/** The languages question templates are written in; others read the English ones. */
export type Lang = 'en' | 'zh' | 'es' | 'ru';

const spanishWords = /\b(?:el|la|los|las|que|para|con|una|por|del|es|se|como)\b/gi;
const englishWords = /\b(?:the|and|that|for|with|is|are|to|of|this|you)\b/gi;

/** The section's language, from its letters: Han characters, Cyrillic, or Spanish/English function words. */
export function detectLang(text: string): Lang {
  const sample = text.slice(0, 2000);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (han > latin * 0.2 && han >= 10) return 'zh';
  if (cyrillic > latin) return 'ru';
  return (sample.match(spanishWords)?.length ?? 0) > (sample.match(englishWords)?.length ?? 0) ? 'es' : 'en';
}

type Template = Record<Lang, string>;

/** Question templates; {name} slots are filled by fill(). */
export const templates = {
  acronymExpand: {
    en: 'What does {acronym} stand for?',
    zh: '{acronym} 是哪個名稱的縮寫？',
    es: '¿Qué significa {acronym}?',
    ru: 'Как расшифровывается {acronym}?',
  },
  acronymExpandIn: {
    en: 'In “{note}”, what does {acronym} stand for?',
    zh: '在「{note}」中，{acronym} 是哪個名稱的縮寫？',
    es: 'En «{note}», ¿qué significa {acronym}?',
    ru: 'В «{note}»: как расшифровывается {acronym}?',
  },
  acronymShort: {
    en: 'What is the abbreviation of {name}?',
    zh: '{name} 的縮寫是什麼？',
    es: '¿Cuál es la abreviatura de {name}?',
    ru: 'Как сокращённо называется {name}?',
  },
  definition: {
    en: 'Which term is described as: “{definition}”?',
    zh: '哪一個名詞的說明是：「{definition}」？',
    es: '¿Qué término se describe así: «{definition}»?',
    ru: 'Какой термин описан так: «{definition}»?',
  },
  definitionReveal: { en: 'What is {term}?', zh: '{term} 是什麼？', es: '¿Qué es {term}?', ru: 'Что такое {term}?' },
  definitionRevealPlural: {
    en: 'What are {term}?',
    zh: '{term} 是什麼？',
    es: '¿Qué son {term}?',
    ru: 'Что такое {term}?',
  },
  definitionSays: {
    en: 'In “{heading}”, what do the notes say about “{term}”?',
    zh: '在「{heading}」中，筆記對「{term}」的說明是什麼？',
    es: 'En «{heading}», ¿qué dicen las notas sobre «{term}»?',
    ru: 'В разделе «{heading}»: что сказано о «{term}»?',
  },
  recall: {
    en: 'In “{note}”, what does the section “{heading}” say?',
    zh: '在「{note}」中，「{heading}」這一節說了什麼？',
    es: 'En «{note}», ¿qué dice la sección «{heading}»?',
    ru: 'В «{note}»: что говорится в разделе «{heading}»?',
  },
  recallNote: {
    en: 'What does “{note}” explain first?',
    zh: '「{note}」一開始說明了什麼？',
    es: '¿Qué explica primero «{note}»?',
    ru: 'Что объясняется в начале «{note}»?',
  },
  tableKey: {
    en: 'In the table “{table}”, which {key} has “{cell}” in the “{column}” column?',
    zh: '在「{table}」的表格中，哪一個{key}的「{column}」是「{cell}」？',
    es: 'En la tabla «{table}», ¿qué {key} tiene «{cell}» en la columna «{column}»?',
    ru: 'В таблице «{table}»: у какого варианта в столбце «{column}» указано «{cell}»?',
  },
  tableCell: {
    en: 'In the table “{table}”, what does the “{column}” column say for {row}?',
    zh: '在「{table}」的表格中，{row} 的「{column}」是什麼？',
    es: 'En la tabla «{table}», ¿qué dice la columna «{column}» para {row}?',
    ru: 'В таблице «{table}»: что указано в столбце «{column}» для {row}?',
  },
  stepNext: {
    en: 'In “{heading}”, which step comes right after “{step}”?',
    zh: '在「{heading}」中，「{step}」的下一步是什麼？',
    es: 'En «{heading}», ¿qué paso viene justo después de «{step}»?',
    ru: 'В разделе «{heading}»: какой шаг идёт сразу после «{step}»?',
  },
  stepFirst: {
    en: 'In “{heading}”, which step comes first?',
    zh: '在「{heading}」中，第一步是什麼？',
    es: 'En «{heading}», ¿cuál es el primer paso?',
    ru: 'В разделе «{heading}»: какой шаг первый?',
  },
  clozeIn: {
    en: 'In “{where}”, fill in the blank: “{sentence}”',
    zh: '在「{where}」中，填空：「{sentence}」',
    es: 'En «{where}», completa el espacio: «{sentence}»',
    ru: 'В «{where}»: заполните пропуск: «{sentence}»',
  },
  definitionRevealIn: {
    en: 'In “{where}”, what is {term}?',
    zh: '在「{where}」中，{term} 是什麼？',
    es: 'En «{where}», ¿qué es {term}?',
    ru: 'В «{where}»: что такое {term}?',
  },
  definitionRevealPluralIn: {
    en: 'In “{where}”, what are {term}?',
    zh: '在「{where}」中，{term} 是什麼？',
    es: 'En «{where}», ¿qué son {term}?',
    ru: 'В «{where}»: что такое {term}?',
  },
  howto: {
    en: 'In “{where}”, how do you {goal}?',
    zh: '在「{where}」中，{goal}？',
    es: 'En «{where}», ¿cómo se hace esto: {goal}?',
    ru: 'В «{where}»: как {goal}?',
  },
  purpose: {
    en: 'In “{where}”, {ask}?',
    zh: '在「{where}」中，{subject}用來做什麼？',
    es: 'En «{where}», ¿para qué sirve {subject}?',
    ru: 'В «{where}»: для чего нужен {subject}?',
  },
  command: {
    en: 'In “{where}”, which command do you run to {goal}?',
    zh: '在「{where}」中，要{goal}，該執行什麼指令？',
    es: 'En «{where}», ¿qué comando ejecutas para {goal}?',
    ru: 'В «{where}»: какую команду выполнить, чтобы {goal}?',
  },
  statementIf: {
    en: 'In “{where}”, what holds if {condition}?',
    zh: '在「{where}」中，{condition}，則會如何？',
    es: 'En «{where}», ¿qué se cumple si {condition}?',
    ru: 'В «{where}»: что верно, если {condition}?',
  },
  statementDefines: {
    en: 'In “{where}”, when is {subject} called “{term}”?',
    zh: '在「{where}」中，什麼情況下稱 {subject} 為「{term}」？',
    es: 'En «{where}», ¿cuándo se dice que {subject} es «{term}»?',
    ru: 'В «{where}»: когда {subject} называют «{term}»?',
  },
  syntax: {
    en: 'In “{where}”, how do you write “{feature}”?',
    zh: '在「{where}」中，「{feature}」要怎麼寫？',
    es: 'En «{where}», ¿cómo se escribe «{feature}»?',
    ru: 'В «{where}»: как записать «{feature}»?',
  },
  asked: {
    en: 'In “{where}”: {question}',
    zh: '在「{where}」中：{question}',
    es: 'En «{where}»: {question}',
    ru: 'В «{where}»: {question}',
  },
  configLine: {
    en: 'In “{where}”, which setting line does this: “{comment}”?',
    zh: '在「{where}」的設定中，哪一行設定的作用是「{comment}」？',
    es: 'En «{where}», ¿qué línea de configuración hace esto: «{comment}»?',
    ru: 'В «{where}»: какая строка настроек делает это: «{comment}»?',
  },
  cloze: {
    en: 'Fill in the blank: “{sentence}”',
    zh: '填空：「{sentence}」',
    es: 'Completa el espacio: «{sentence}»',
    ru: 'Заполните пропуск: «{sentence}»',
  },
  heading: {
    en: 'In “{parent}”, which one is described here: “{sentence}”?',
    zh: '在「{parent}」中，下面描述的是哪一項：「{sentence}」？',
    es: 'En «{parent}», ¿cuál se describe aquí: «{sentence}»?',
    ru: 'В разделе «{parent}»: что описано здесь: «{sentence}»?',
  },
  whereSection: {
    en: 'Which section of “{note}” says: “{sentence}”?',
    zh: '「{note}」的哪一節寫道：「{sentence}」？',
    es: '¿Qué sección de «{note}» dice: «{sentence}»?',
    ru: 'В каком разделе «{note}» сказано: «{sentence}»?',
  },
  whereNote: {
    en: 'Which page says: “{sentence}”?',
    zh: '哪一篇筆記寫道：「{sentence}」？',
    es: '¿Qué página dice: «{sentence}»?',
    ru: 'На какой странице сказано: «{sentence}»?',
  },
} satisfies Record<string, Template>;

export const blank = '_____';

export function fill(template: Template, lang: Lang, values: Record<string, string>): string {
  return template[lang].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}
