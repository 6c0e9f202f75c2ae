import type { Note, NoteLibrary } from '../notes/types.js';

/** A note the receiver holds already, by file, with its sidebar position and breadcrumb now. */
interface KeptNote {
  kept: string;
  order: number;
  /** Only when it changed (a folder renamed or retitled). */
  breadcrumb?: string[];
}

/**
 * A reload's notes as the changes to the notes the receiver holds (`base`, their fingerprint):
 * every note in the new order, whole when it changed, else only its file. A one-file edit of a
 * 12 MB collection sends one note instead of all of them.
 */
export interface LibraryChanges {
  base: string;
  notes: (KeptNote | Note)[];
  rest: Omit<NoteLibrary, 'notes' | 'sections' | 'quiz'>;
}

/**
 * The reload worker's record of the notes the main thread holds. The worker's loader hands out an
 * unchanged note as the same object (parse-cache.ts), so a note is unchanged when it is the object
 * handed over last time; its position and breadcrumb are set on it by every load, so they are
 * remembered apart.
 */
export class HandedNotes {
  private fingerprint: string | undefined;
  private notes = new Map<string, { note: Note; order: number; breadcrumb: string }>();

  /** The receiver now holds `library` (fingerprint `fingerprint`). */
  handed(fingerprint: string, library: NoteLibrary): void {
    this.fingerprint = fingerprint;
    this.notes = new Map(
      library.notes.map((note) => [
        note.file,
        { note, order: note.order, breadcrumb: JSON.stringify(note.breadcrumb) },
      ]),
    );
  }

  /** The changes from the notes the receiver holds; undefined when it holds others than those handed last. */
  changes(receiverHolds: string, library: NoteLibrary): LibraryChanges | undefined {
    if (this.fingerprint === undefined || receiverHolds !== this.fingerprint) return undefined;
    const { notes, sections, quiz, ...rest } = library;
    return {
      base: this.fingerprint,
      rest,
      notes: notes.map((note) => {
        const before = this.notes.get(note.file);
        if (before?.note !== note) return note;
        const breadcrumb = JSON.stringify(note.breadcrumb);
        return {
          kept: note.file,
          order: note.order,
          ...(breadcrumb === before.breadcrumb ? {} : { breadcrumb: note.breadcrumb }),
        };
      }),
    };
  }
}

/**
 * The receiver's new notes: its own objects for the notes kept (copied only when their position or
 * breadcrumb moved, as the old notes may still be answering), the changed ones as sent.
 */
export function applyChanges(old: NoteLibrary, changes: LibraryChanges): NoteLibrary {
  const byFile = new Map(old.notes.map((note) => [note.file, note]));
  const notes = changes.notes.map((entry): Note => {
    if (!('kept' in entry)) return entry;
    const note = byFile.get(entry.kept);
    if (!note) throw new Error(`the reload kept ${entry.kept}, which the notes in use do not have`);
    if (note.order === entry.order && !entry.breadcrumb) return note;
    return { ...note, order: entry.order, breadcrumb: entry.breadcrumb ?? note.breadcrumb };
  });
  return {
    ...changes.rest,
    notes,
    sections: notes.flatMap((n) => n.sections),
    quiz: notes.flatMap((n) => n.quiz),
  };
}
