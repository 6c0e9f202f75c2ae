import type { Block } from './blocks.js';

/** One multiple-choice question from a note's `quiz:` front matter. */
export interface QuizQuestion {
  /** Stable id: note route + "?q=" + a short hash of the question text. */
  id: string;
  question: string;
  choices: string[];
  answer: string;
  explanation: string;
  /** Anchor of the section that teaches the answer. */
  section: string;
  /** Route of the note the question belongs to, e.g. "aws/cloud-practitioner/s3". */
  noteRoute: string;
  /** Front matter or a flashcard ("written", the default) or made by the generator. */
  origin?: 'written' | 'flashcard' | 'generated';
  /** Generator kind or flashcard syntax, e.g. "acronym", "table", "cloze-highlight". */
  kind?: string;
  /** A self-graded card: the answer shown on request; choices are "I knew it" / "I didn't". */
  reveal?: string;
}

export type FlashcardSyntax =
  | 'inline'
  | 'inline-reversed'
  | 'multiline'
  | 'multiline-reversed'
  | 'cloze-highlight'
  | 'cloze-bold'
  | 'anki';

/** A flashcard written in a note (Obsidian Spaced Repetition or Anki-style Q:/A:). */
export interface Flashcard {
  /** Note route + "?f=" + a hash of front and back. */
  id: string;
  front: string;
  back: string;
  syntax: FlashcardSyntax;
  /** The card as written, plain text. */
  source: string;
  /** Anchor of the section the card is in. */
  section: string;
  noteRoute: string;
  line: number;
}

/** A heading plus its content, up to the next heading of the same or a higher level. */
export interface Section {
  /** note route + "#" + anchor; the intro section uses the anchor "" (id = route). */
  id: string;
  noteRoute: string;
  noteTitle: string;
  /** Path relative to the notes folder, with extension, e.g. "aws/s3.md". */
  file: string;
  heading: string;
  /** Note title, then every enclosing heading, then this heading. */
  headingPath: string[];
  /** 0 for the intro section, else the heading depth (1-6). */
  level: number;
  anchor: string;
  /** Plain text for search: markup removed, code kept as text. */
  text: string;
  /** The section's original Markdown (heading line excluded). */
  markdown: string;
  /** The section's content prepared for excerpts (Discord Markdown pieces). */
  blocks: Block[];
  /** Anchors of the sections directly below this one. */
  children: string[];
  /** 1-based line of the heading (or of the first content line for the intro). */
  line: number;
  tags: string[];
  /** Source link, or null when NOTES_BASE_URL is unset. */
  url: string | null;
  /** False for sections without prose of their own (only images or links): never offered as an answer. */
  answerable?: boolean;
}

export interface Note {
  route: string;
  file: string;
  title: string;
  description: string;
  tags: string[];
  /** Area the note belongs to, from the top-level folder title ("AWS Certifications"). */
  breadcrumb: string[];
  /** Position in the Nextra sidebar order (depth-first, _meta.json order). */
  order: number;
  sections: Section[];
  quiz: QuizQuestion[];
  flashcards: Flashcard[];
  words: number;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
  /** Errors (broken links, bad quiz items, unreadable files) fail `check`; warnings only with --strict. Absent = error. */
  severity?: 'error' | 'warning';
}

export interface NoteLibrary {
  root: string;
  notes: Note[];
  sections: Section[];
  quiz: QuizQuestion[];
  problems: Problem[];
  files: number;
  loadMs: number;
  /** The layout the notes were read as (detected unless NOTES_LAYOUT says). */
  layout?: string;
  /** The locale folder or language indexed when the folder holds translations. */
  language?: string;
}
