import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Note, QuizQuestion } from '../notes/types.js';
import { questionBankInSteps, type QuizSource } from './bank.js';
import type { GeneratorKind, Steps } from './generate/index.js';

interface Bank {
  notes: readonly Note[];
  steps: Steps<QuizQuestion[]>;
  questions?: QuizQuestion[];
}

/**
 * The question bank of the notes in use, built before the first quiz needs it. Generating the
 * questions of large notes takes seconds of CPU (the SageMaker guide's 1,284 notes about 3 s), and
 * built at the first /quiz after a start or a reload it held the event loop past the 3 s Discord
 * allows to acknowledge an interaction, that one's and every other's. `prepare` builds it in
 * slices that give the event loop back in between; `questionsOf` finishes whatever is left at once
 * (the same questions either way).
 */
export class QuestionBankBuilder {
  private current: Bank | undefined;

  constructor(
    private readonly source: QuizSource,
    private readonly kinds?: readonly GeneratorKind[],
  ) {}

  private bankOf(notes: readonly Note[]): Bank {
    if (this.current?.notes !== notes)
      this.current = { notes, steps: questionBankInSteps(notes, this.source, this.kinds) };
    return this.current;
  }

  /** The questions of `notes`: what `prepare` built, finished now if it is not done. */
  questionsOf(notes: readonly Note[]): QuizQuestion[] {
    const bank = this.bankOf(notes);
    this.advance(bank, () => true);
    return bank.questions!;
  }

  /**
   * Builds the questions of `notes` in slices of at most `sliceMs`. Resolves true when they are
   * ready, false when other notes took their place or `stop()` said so first.
   */
  async prepare(
    notes: readonly Note[],
    { sliceMs = 8, stop = () => false }: { sliceMs?: number; stop?: () => boolean } = {},
  ): Promise<boolean> {
    const bank = this.bankOf(notes);
    while (!bank.questions) {
      if (stop() || this.current !== bank) return false;
      const sliceEnd = performance.now() + sliceMs;
      this.advance(bank, () => performance.now() < sliceEnd);
      if (!bank.questions) await nextTurn();
    }
    return true;
  }

  /** Runs the bank's steps while `more()` says so, keeping its questions once they are done. */
  private advance(bank: Bank, more: () => boolean): void {
    if (bank.questions) return;
    try {
      let step: IteratorResult<void, QuizQuestion[]>;
      do step = bank.steps.next();
      while (!step.done && more());
      if (step.done) bank.questions = step.value;
    } catch (error) {
      // A generator that threw is spent: the next quiz starts again (and meets the same error).
      if (this.current === bank) this.current = undefined;
      throw error;
    }
  }
}
