import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { nimbusEngine } from '../../bench/engines.js';
import {
  casualBlind10,
  casualBlind11,
  casualBlind12,
  casualBlind13,
  casualBlind14,
  casualBlind15,
  casualBlind16,
  casualBlind17,
  casualBlind7,
  casualBlind8,
  casualBlind9,
  casualFresh,
  casualTune,
  readQuestions,
  score,
} from '../../bench/metrics.js';

// The floor reached over all 1,540 questions, blind ones included (see `npm run eval`): a change to
// the search or the notes that answers fewer questions fails here instead of slipping through.
// blind5 (152 questions on the 17 pages added for issue 20, written blind and measured once: hit@1
// 0.789, MRR@5 0.851) is harder than the rest; with it the whole set measured hit@1 0.818, hit@5
// 0.964, MRR@5 0.879 (without it 0.822 / 0.967 / 0.883, where the floor was 0.82 / 0.965 / 0.88).
const floor = {
  hit1: 0.81,
  hit5: 0.96,
  mrr5: 0.875,
  oosRejection: 0.68,
  oosRejectionUnrelated: 0.9,
  // Typos of the key term, words run together and superlatives read before the gate (gate18g):
  // 0.033 → 0.032 (tune split 15 → 13 of 531 declined).
  maxFalseRejection: 0.035,
  // The attribute check and names outside everyday English (issue 18, missing18): Missing on near
  // misses answered 0.448 → 0.621, on right answers 0.050 → 0.056. Names the notes use elsewhere, a
  // never-used word that is most of a short question, slips of the section's words, words after
  // "without" (miss18c): 0.607 → 0.696 and 0.054 → 0.056 (tune split: 0.750 → 0.875, 0.026 → 0.023).
  // A count wants a number next to what it counts, a size asked "in tb", units and words after a
  // dot never missing, a part of the name the heading names (miss18d): 0.696 → 0.714 and 0.056 →
  // 0.053 (tune split: 0.875 unchanged, 0.023 → 0.019). The sixth stop's ranking rules (sage18e:
  // headings-only words not counted as found) with miss18e's Missing rules: 0.060 on right answers
  // (one more of 1,330), so the ceiling is 0.065, far under the 0.15. A noun compound half
  // held (miss18g): 0.060 (holdout +1).
  missingOnNearMiss: 0.71,
  maxMissingOnRight: 0.065,
};

// The casual set (chat-style rewrites of the blind questions): hit@1 within 5 points of the same
// questions asked cleanly, few of them declined, and the "Missing: …" line shown on near misses
// answered anyway but seldom on right answers. Measured on the whole casual set.
// missingOnNearMiss was 0.40 (measured 0.49 on the tune half); the 17 pages added for issue 20
// answer part of several casual near misses (IoT Core, Cognito, Amplify), which then show no
// Missing line: measured 0.38 with them, so the floor was 0.35. With the attribute check and names
// outside everyday English (missing18) the whole casual set measures 0.683 on near misses answered
// and 0.152 on right answers.
// With the miss18c rules: 0.672 → 0.738 and 0.140 → 0.106 (tune half: 0.722 → 0.806, 0.105 → 0.077).
// With the miss18d rules: 0.738 → 0.787 and 0.106 → 0.103 (tune half: 0.806 → 0.889, 0.077 → 0.066).
const casualFloor = { maxHit1Gap: 0.05, maxFalseRejection: 0.1, missingOnNearMiss: 0.78, maxMissingOnRight: 0.11 };

// casual-blind6: 245 casual questions written fresh after the issue-18 work (150 in scope, 70 near
// misses, 25 unrelated) and measured once: hit@1 0.800, false rejection 0.047, Missing on near misses
// answered 0.469, on right answers 0.034. Since measured, it is tuning data: the miss18d rules,
// tuned on it, take these to 0.750 and 0.026; the miss18e rules to 0.806 and 0.026; the miss18f
// rules (abbreviations of the section's words) to 0.806 and 0.017. Plain BM25 (sage18f) declines one
// answerable question more (7 → 8 of 150, 0.047 → 0.053; hit@1 unchanged), and common words searched
// in headings show Missing on one more right answer: with both stops' rules 0.053 and 0.025 (near
// misses answered with Missing 0.839), so the ceilings are 0.054 and 0.03. Typos of the key term
// ("suport", "p-vaule", "prepare_modle", "biling") corrected before the gate (gate18g, tuned on it):
// hit@1 0.807, false rejection 8 → 5 of 150 (0.033), Missing on right answers 0.025. The tenth
// stop's phrasing words (phrasing.ts): false rejection 5 → 4 of 150 (0.027).
const freshFloor = { hit1: 0.8, maxFalseRejection: 0.027, missingOnNearMiss: 0.8, maxMissingOnRight: 0.03 };

// casual-blind7: 170 casual questions written blind before the fifth stop's tuning (60 in scope, 90
// near misses, 20 unrelated) and measured once after it: hit@1 0.917, false rejection 0.033, Missing
// on near misses answered 0.610, on right answers 0.074. Since measured, it is tuning data: the
// miss18e rules, tuned on it, take Missing on near misses answered to 0.854 (35 of 41), right
// answers unchanged. The miss18f rules: 0.878 (36 of 41) and 0.037. gate18g's typo and respacing
// rules ("timeseries" → time series): hit@1 0.917, false rejection 2 → 1 of 60, Missing on right
// answers 0.018, near misses answered 0.875.
const blind7Floor = { hit1: 0.91, maxFalseRejection: 0.02, missingOnNearMiss: 0.87, maxMissingOnRight: 0.02 };

// casual-blind8: 170 casual questions written blind before the sixth stop's tuning (60 in scope, 90
// near misses, 20 unrelated) and measured once after it: hit@1 0.817, false rejection 0.000, Missing
// on near misses answered 0.630, on right answers 0.143. Since measured, it is tuning data: the
// miss18f rules take these to 0.674 (31 of 46) and 0.102; with sage18f's ranking hit@1 0.833 and
// Missing 0.667 (one more near miss answered, without Missing) and 0.100. miss18g used it only as
// a check (aggregate figures): a noun compound half held takes near misses to 35 of 48 (0.729),
// right answers unchanged.
// The ninth stop's rules: Missing on right answers 0.100 → 0.080 (hit@3 0.967 → 0.983).
const blind8Floor = { hit1: 0.81, maxFalseRejection: 0.02, missingOnNearMiss: 0.72, maxMissingOnRight: 0.09 };

// casual-blind9: 170 casual questions written blind before the seventh stop's tuning (60 in scope, 90
// near misses, 20 unrelated) and measured once after it: hit@1 0.917, false rejection 0.050, Missing
// on near misses answered 0.667, on right answers 0.057. Since measured, it is tuning data: the
// fig18g rules (the fact asked read from the question's grammar: a rate, a comparison, what a bare
// "max" limits) take Missing on near misses answered to 0.756 (34 of 45); a noun compound half held
// (miss18g) alone to 0.711 (32 of 45); gate18g's typo rules ("biling" → billing) false rejection to
// 2 of 60 (0.033), right answers 0.056. All three: measured after the merge.
// The ninth stop's chat and formula rules: hit@1 0.933, false rejection 2 → 0 of 60 ("sg stateful or
// nah", "f1 formula pls"), Missing on right answers 0.054; an acronym in capitals ("LIME") a name:
// Missing on near misses answered 0.800 → 0.822 (37 of 45).
// The eleventh stop (no correction at a word's first letter, a loose match no slip): 0.844 (38 of 45).
// The twelfth stop (names written as code, names of letters and digits): 0.889 (40 of 45).
const blind9Floor = { hit1: 0.93, maxFalseRejection: 0.02, missingOnNearMiss: 0.88, maxMissingOnRight: 0.06 };

// casual-blind10: 180 casual questions written blind before the eighth stop's tuning (60 in scope, 100
// near misses, 20 unrelated) and measured once after it: hit@1 0.933, false rejection 0.050, Missing
// on near misses answered 0.735 (36 of 49), on right answers 0.019.
// The ninth stop's chat rules ("how 2", "grads", "sg", "nah") and a formula read as what "formula"
// asks for ("f1 formula pls"): false rejection 3 → 1 of 60 (0.017), Missing on right answers 0.018.
// The twelfth stop: Missing on near misses answered 0.755.
const blind10Floor = { hit1: 0.93, maxFalseRejection: 0.02, missingOnNearMiss: 0.75, maxMissingOnRight: 0.02 };

// casual-blind11: 178 casual questions written blind before the ninth stop's tuning (58 in scope, 100
// near misses, 20 unrelated) and measured once after it: hit@1 0.862, false rejection 0.017, Missing
// on near misses answered 0.660, on right answers 0.082.
// The eleventh stop: Missing on near misses answered 0.673, near misses declined 0.470 → 0.480.
// The twelfth stop: 0.712.
const blind11Floor = { hit1: 0.86, maxFalseRejection: 0.02, missingOnNearMiss: 0.71, maxMissingOnRight: 0.09 };

// casual-blind12: 178 casual questions written blind during the ninth stop, before its second round
// (an acronym typed in capitals that the notes never use, "LIME", is a name, not a slip of "line"),
// measured once after it: hit@1 0.831, false rejection 0.034, Missing on near misses answered 0.434
// (its near misses are mostly details the notes mention without giving), on right answers 0.042.
// The tenth stop: "ROUGE" not held through "roughly", and phrasing words (phrasing.ts): Missing on
// near misses answered 0.471, near misses declined 0.475 → 0.485.
// The eleventh stop ("umap" no typo of "map", "… in seconds?" a duration asked): 0.510.
// The twelfth stop ("ray.util.queue", "read_sql", "int8" missing): 0.558.
const blind12Floor = { hit1: 0.83, maxFalseRejection: 0.034, missingOnNearMiss: 0.55, maxMissingOnRight: 0.05 };

// casual-blind13: 85 casual questions written blind during the ninth stop, before its third round (a
// typo correction never changes a word's first letter: "kserve" is not "serve"), measured once after
// it: hit@1 0.897, false rejection 0.034, Missing on near misses answered 0.458, on right answers 0.160.
// The eleventh stop: Missing on near misses answered 0.500. The twelfth ("clip_param", "bf16"): 0.583.
const blind13Floor = { hit1: 0.89, maxFalseRejection: 0.035, missingOnNearMiss: 0.58, maxMissingOnRight: 0.17 };

// casual-blind14: 178 casual questions written blind at the start of the tenth stop (60 in scope, 99
// near misses, 19 unrelated), before its rules (everyday verbs the notes never use weigh less;
// "ROUGE" is not held through "roughly"), measured once after them: hit@1 0.767, false rejection
// 0.033, Missing on near misses answered 0.483, on right answers 0.136.
// The eleventh stop ("focal" no slip of "local", "umap", "passing score" not answered by a date):
// Missing on near misses answered 0.550. The twelfth stop ("max_calls"): 0.567.
const blind14Floor = { hit1: 0.76, maxFalseRejection: 0.034, missingOnNearMiss: 0.56, maxMissingOnRight: 0.14 };

// casual-blind15: 175 casual questions written blind at the start of the eleventh stop (56 in scope,
// 99 near misses, 20 unrelated; 5 repeats of older questions dropped), before its rules, measured once
// after them: hit@1 0.750 (lunr 0.768), false rejection 0.036, Missing on near misses answered 0.667,
// on right answers 0.100.
// The twelfth stop ("imdsv2", "ray.util.colective" missing; "n" read as "and": one more right answer,
// "wat logs does guardduty look at n …"): Missing on near misses answered 0.696, false rejection 0.018,
// on right answers 0.098.
const blind15Floor = { hit1: 0.75, maxFalseRejection: 0.018, missingOnNearMiss: 0.69, maxMissingOnRight: 0.1 };

// casual-blind16: 177 casual questions written blind at the start of the twelfth stop (58 in scope,
// 100 near misses, 19 unrelated; the writers were given the older sets' near misses to avoid, so its
// near misses are new subjects), before its rules (names of letters and digits were tuned without
// it), measured once after the first: hit@1 0.828 (lunr 0.690), false rejection 0.052, Missing on
// near misses answered 0.515, on right answers 0.130. Since measured, it is tuning data: names written
// as code, "n" and "gimme", slips of short words take these to 0.034, 0.536 and 0.109.
const blind16Floor = { hit1: 0.82, maxFalseRejection: 0.035, missingOnNearMiss: 0.53, maxMissingOnRight: 0.11 };

// casual-blind17: 173 casual questions written blind during the twelfth stop (56 in scope, 100 near
// misses, 17 unrelated), before its second round (names written as code, "n", "gimme"), measured
// once after it: hit@1 0.750 (lunr 0.643), false rejection 0.054, Missing on near misses answered
// 0.460 (0.413 with the code from before the stop), on right answers 0.171 (the same before the
// stop). Since measured, it is tuning data: slips of short words ("tme", "wich"), read from its right
// answers, take Missing on right answers to 0.098.
const blind17Floor = { hit1: 0.75, maxFalseRejection: 0.054, missingOnNearMiss: 0.46, maxMissingOnRight: 0.1 };

const root = path.resolve(import.meta.dirname, '../..');
const questions = readQuestions(path.join(root, 'tests/fixtures/eval/notes-questions.json'));
const casualFile = readQuestions(path.join(root, 'tests/fixtures/eval/casual-questions.json'));
const inSplits = (splits: readonly string[]) => (q: { split: string }) => splits.includes(q.split);
/** Sets measured once when written, each held at its own floor, and kept out of the casual floor. */
const measuredOnce = [
  { name: 'written after the tuning (casual-blind6)', splits: casualFresh, count: 245, floor: freshFloor },
  { name: 'written blind before the fifth stop (casual-blind7)', splits: casualBlind7, count: 170, floor: blind7Floor },
  { name: 'written blind before the sixth stop (casual-blind8)', splits: casualBlind8, count: 170, floor: blind8Floor },
  {
    name: 'written blind before the seventh stop (casual-blind9)',
    splits: casualBlind9,
    count: 170,
    floor: blind9Floor,
  },
  {
    name: 'written blind before the eighth stop (casual-blind10)',
    splits: casualBlind10,
    count: 180,
    floor: blind10Floor,
  },
  {
    name: 'written blind before the ninth stop (casual-blind11)',
    splits: casualBlind11,
    count: 178,
    floor: blind11Floor,
  },
  {
    name: 'written blind during the ninth stop (casual-blind12)',
    splits: casualBlind12,
    count: 178,
    floor: blind12Floor,
  },
  {
    name: 'written blind during the ninth stop (casual-blind13)',
    splits: casualBlind13,
    count: 85,
    floor: blind13Floor,
  },
  {
    name: 'written blind before the tenth stop (casual-blind14)',
    splits: casualBlind14,
    count: 178,
    floor: blind14Floor,
  },
  {
    name: 'written blind before the eleventh stop (casual-blind15)',
    splits: casualBlind15,
    count: 175,
    floor: blind15Floor,
  },
  {
    name: 'written blind before the twelfth stop (casual-blind16)',
    splits: casualBlind16,
    count: 177,
    floor: blind16Floor,
  },
  {
    name: 'written blind during the twelfth stop (casual-blind17)',
    splits: casualBlind17,
    count: 173,
    floor: blind17Floor,
  },
].map((set) => ({ ...set, questions: casualFile.filter(inSplits(set.splits)) }));
const casual = casualFile.filter((q) => !measuredOnce.some((set) => inSplits(set.splits)(q)));
const sections = loadNotes({ root: path.join(root, 'notes') }).sections;

describe('answer quality on the bundled notes', () => {
  const inScope = questions.filter((q) => !q.outOfScope);
  const outOfScope = questions.filter((q) => q.outOfScope);

  it('every expected section exists', () => {
    const ids = new Set(sections.map((s) => s.id));
    const unknown = inScope.flatMap((q) => q.expected).filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
  });

  it('every out-of-scope question says whether it is unrelated or a near miss', () => {
    expect(outOfScope.filter((q) => q.kind === undefined).map((q) => q.question)).toEqual([]);
    expect(inScope.filter((q) => q.kind !== undefined).map((q) => q.question)).toEqual([]);
  });

  it('stays at or above the eval floor', () => {
    // The same measure as `npm run eval`'s Nimbus row.
    const nimbus = nimbusEngine({ withExcerpts: false });
    nimbus.build(sections);
    const measured = score(nimbus, questions);
    expect(measured.hit1).toBeGreaterThanOrEqual(floor.hit1);
    expect(measured.hit5).toBeGreaterThanOrEqual(floor.hit5);
    expect(measured.mrr5).toBeGreaterThanOrEqual(floor.mrr5);
    expect(measured.oosRejection).toBeGreaterThanOrEqual(floor.oosRejection);
    expect(measured.oosRejectionUnrelated).toBeGreaterThanOrEqual(floor.oosRejectionUnrelated);
    expect(measured.falseRejection).toBeLessThanOrEqual(floor.maxFalseRejection);
    expect(measured.missingOnNearMiss).toBeGreaterThanOrEqual(floor.missingOnNearMiss);
    expect(measured.missingOnRight).toBeLessThanOrEqual(floor.maxMissingOnRight);
  });

  it('answers casual questions almost as well as the same questions asked cleanly', () => {
    const nimbus = nimbusEngine({ withExcerpts: false });
    nimbus.build(sections);
    const measured = score(nimbus, casual);
    const clean = score(
      nimbus,
      casual.filter((q) => q.original !== undefined).map((q) => ({ ...q, question: q.original! })),
    );
    expect(casual.filter((q) => (casualTune as readonly string[]).includes(q.split)).length).toBeGreaterThan(300);
    expect(measured.hit1).toBeGreaterThanOrEqual(clean.hit1 - casualFloor.maxHit1Gap);
    expect(measured.falseRejection).toBeLessThanOrEqual(casualFloor.maxFalseRejection);
    expect(measured.missingOnNearMiss).toBeGreaterThanOrEqual(casualFloor.missingOnNearMiss);
    expect(measured.missingOnRight).toBeLessThanOrEqual(casualFloor.maxMissingOnRight);
  });

  for (const { name, questions: set, count, floor: setFloor } of measuredOnce) {
    it(`answers casual questions ${name} at the floor measured once`, () => {
      const nimbus = nimbusEngine({ withExcerpts: false });
      nimbus.build(sections);
      const measured = score(nimbus, set);
      expect(set.length).toBe(count);
      expect(measured.hit1).toBeGreaterThanOrEqual(setFloor.hit1);
      expect(measured.falseRejection).toBeLessThanOrEqual(setFloor.maxFalseRejection);
      expect(measured.missingOnNearMiss).toBeGreaterThanOrEqual(setFloor.missingOnNearMiss);
      expect(measured.missingOnRight).toBeLessThanOrEqual(setFloor.maxMissingOnRight);
    });
  }
});
