/** Every kind the generator can make (tests and the judging sample use them all). */
export const allGeneratorKinds = [
  'acronym',
  'definition',
  'table',
  'steps',
  'cloze',
  'heading',
  'where',
  'recall',
  'howto',
  'purpose',
  'meaning',
  'command',
  'config',
  'term',
  'statement',
  'syntax',
  'asked',
  'command-comment',
  'usage',
  'identifier',
  'dated',
  'licence',
  'uses',
  'formula',
  'setting',
] as const;
export type GeneratorKind = (typeof allGeneratorKinds)[number];

/**
 * The kinds that reach users, set by blind judging (tests/fixtures/quiz-judging/). Round 3
 * (sample.json, verdicts.json): steps 15/16, table-cell 37/38, table-row 34/37 pass the 85 % bar;
 * heading (26/31, 84 %) does not and is off. Acronym questions failed as multiple choice (0/38: the
 * answer was the only choice whose initials fit), so they now need distractors with the same
 * letters and otherwise become self-graded cards. Definition, cloze and where have never been
 * shown at 85 %.
 * Round 4 (round4-*.json) failed recall cards (0/46); round 5 (round5-*.json, a new judge and a
 * new sample after the generator was fixed) passed cloze 5/5, cloze cards 52/61 (85 %) and
 * definition cards 45/51 (88 %), but multiple-choice definitions only 35/43 (81 %): definition is
 * on as cards only (`cardOnlyKinds`).
 * Round 6 (round6-*.json, a new judge, a sample drawn only from notes the kinds above left without
 * a question) passed howto 19/19, purpose 16/16 and meaning 17/19 cards, and acronym cards 30/35.
 * Round 7 failed acronym cards named by "Title › Heading" (27/40); round 8 failed the round-6 form
 * without context (15/20, after skipping common, plural and two-letter acronyms); round 9 passed
 * cards named by the note's title alone (41/45), the form shipped (acronym.ts).
 * Round 8 also judged cards for walk-throughs: config 17/17 (on), command 11/14 and term 11/14
 * (off: under the bar). Round 10 (round10-*.json, a new judge, after the round-8 faults were ruled
 * out) passed command cards 18/19 (on) but not term cards 34/41 (83 %, still off).
 * Round 12 (round12a/b-sample.json, round12-verdicts.json, a new judge): statement 20/22, syntax
 * 12/12, command-comment 11/11 and usage 15/15 are on; identifier 8/10, asked 2/5 and dated 1/4
 * stay off (under the bar).
 * Round 13 (round13a/b-*.json, two new judges, after round 12's faults were ruled out): uses 18/19,
 * asked 3/3, identifier 14/16 and licence 1/1 are on; dated stays off. Round 13c (a third new judge):
 * formula 1/1 and setting 1/1, every card they make, are on.
 */
export const generatorKinds: readonly GeneratorKind[] = [
  'acronym',
  'steps',
  'table',
  'cloze',
  'definition',
  'howto',
  'purpose',
  'meaning',
  'config',
  'command',
  'term',
  'statement',
  'syntax',
  'command-comment',
  'usage',
  'asked',
  'identifier',
  'licence',
  'uses',
  'formula',
  'setting',
];

/**
 * Kinds proposed for round 4 of blind judging (bench/quiz-sample.ts --round4): cloze and definition
 * (multiple choice only with distractors from the same list or sibling sections, else a
 * self-graded card). Recall cards were judged 0/46 in round 4 (the card named no point and
 * revealed filler) and are no longer proposed; round 5 judges cloze and definition again.
 */
export const proposedKinds: readonly GeneratorKind[] = ['cloze', 'definition'];

/**
 * Kinds proposed for round 6 of blind judging (bench/quiz-sample.ts --round6), self-graded cards
 * only: howto ("How do you <goal>?" from "You can <goal> by …", "To <goal>, …", "可以使用 X 來 …"),
 * purpose ("What does X let you do?", "X 用來做什麼？") and meaning ("X 是什麼？" from "X 是 …").
 * Judged in round 6 and on by default since.
 */
export const round6Kinds: readonly GeneratorKind[] = ['howto', 'purpose', 'meaning'];

/**
 * Kinds asked only as self-graded cards, never as multiple choice (for a kind whose card form
 * passes judging and whose multiple-choice form does not).
 */
export const cardOnlyKinds: readonly GeneratorKind[] = ['definition'];

/**
 * Kinds proposed for round 8 of blind judging (bench/quiz-sample.ts --round8), self-graded cards
 * only, for the walk-throughs and course notes the default kinds leave silent: command (a short
 * command block and the goal introducing it), config (a setting line and the comment saying what it
 * does) and term ("*Term*: definition" items, a term heading over a one-sentence opening). Judged in
 * round 8: config is on by default, command and term stay off.
 */
export const round8Kinds: readonly GeneratorKind[] = ['command', 'config', 'term'];

/**
 * Kinds proposed for round 10 of blind judging (bench/quiz-sample.ts --round10): command and term
 * cards again, after the round-8 rejections were ruled out (a goal naming every argument of the
 * command, a goal with two alternatives, `cd` lines, single capitalised words as terms, definitions
 * that only expand the name). Judged in round 10: command is on by default, term stays off.
 * Round 11 (bench/quiz-sample.ts --round11) judges term cards again after the round-10 faults were
 * ruled out (term-answer.ts), with the acronym cards a Latin title naming the acronym brings back:
 * term cards 36/40 (on by default since), acronym cards 2/2.
 */
export const round10Kinds: readonly GeneratorKind[] = ['command', 'term'];

/**
 * Kinds proposed for round 12a of blind judging (bench/quiz-sample.ts --round12a), self-graded cards
 * only, for the math, course and cheat-sheet notes every shipped kind leaves silent: statement
 * ("若 X，則 Y" / "If X, then Y" theorems and properties, and "若 X 則稱 A 為 **term**" definitions,
 * LaTeX shown as plain text), syntax (a heading naming a feature over the short code block that
 * shows it) and asked (a question the notes ask themselves, "要如何…呢？", and the paragraph that
 * answers it), and command-comment (a command line whose own trailing comment says its goal, which
 * `command` leaves out: a new kind name rather than a change to `command`, so the lead can switch it
 * on alone). Not on by default until judged.
 */
export const round12aKinds: readonly GeneratorKind[] = ['statement', 'syntax', 'asked', 'command-comment'];

/**
 * Kinds proposed for round 12b of blind judging (bench/quiz-sample.ts --round12b), self-graded cards
 * only, for English library docs the default kinds leave silent: usage ("Add X to Y to <goal>",
 * "You can use X to <goal>", "When <condition>, and you want to <goal>, you can …" → "How do you
 * <goal>?"), identifier ("`isOnline` and `isVisible` are functions that …" → "Which functions …?")
 * and dated ("In 2024 Nextra 3 was released" → "In which year was Nextra 3 released?"). Not on by
 * default until judged.
 */
export const round12bKinds: readonly GeneratorKind[] = ['usage', 'identifier', 'dated'];

/**
 * Kinds proposed for round 13b of blind judging (bench/quiz-sample.ts --round13b), self-graded cards,
 * off by default until judged: identifier again, after round 12's two faults were ruled out (a
 * question must name its subject: a bare "the function" is resolved from the place or the card is
 * skipped; an identifier that holds or returns a thing is asked "Which argument/option/function …",
 * its role read from the notes' word beside it, its shape or the heading over it, never "what is
 * <the thing>"), and licence ("The Nextra project and themes are licensed under the MIT license" →
 * "Under which license are the Nextra project and themes licensed?"), for the English note every
 * other kind leaves silent (nextra-docs-app about/page.mdx). Judged in round 13b: both on.
 */
export const round13bKinds: readonly GeneratorKind[] = ['identifier', 'licence'];

/**
 * Kinds proposed for round 13a of blind judging (bench/quiz-sample.ts --round13a), self-graded cards
 * only, for course notes every shipped kind leaves silent: uses ("It allows us to …" with "It"
 * resolved to the sentence before, "We use srand to determine the seed", "X 是…，它可以讓 …") and
 * asked again, now without a heading or title that names the answer and with the condition the
 * notes' own question carries ("在沒有 /proc 的情況下，…"). Judged in round 13a: both on.
 */
export const round13aKinds: readonly GeneratorKind[] = ['uses', 'asked'];

/**
 * Kinds proposed for round 13c of blind judging (bench/quiz-sample.ts --round13c), self-graded cards,
 * off by default until judged, for the last notes every other kind leaves silent: formula (a named
 * formula stated on a bold line, "**$(r-1)'s$ complement of an n-digit number $X = (r^n-1) - X$**" →
 * "What is the (r-1)'s complement of an n-digit number X?", LaTeX shown as plain text, never from a
 * worked example) and setting ("將追蹤碼貼到tracking_id" beside a YAML block with the key
 * `tracking_id` → "追蹤碼要貼到哪個設定？", a "which setting" card, never "where"). Judged in
 * round 13c: both on.
 */
export const round13cKinds: readonly GeneratorKind[] = ['formula', 'setting'];
