import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';
import { hasSagemaker, sagemakerDir } from '../helpers/corpus.js';

describe.skipIf(!hasSagemaker)('SageMaker developer guide corpus (real noisy Markdown)', () => {
  const library = hasSagemaker ? loadNotes({ root: sagemakerDir }) : undefined!;

  it('loads every file into notes and sections', () => {
    expect(library.files).toBe(1284);
    expect(library.notes).toHaveLength(1284);
    expect(library.sections).toHaveLength(6127);
  });

  it('keeps <a name> tags out of titles, headings and text, and uses them as anchors', () => {
    for (const section of library.sections) {
      expect(section.heading).not.toMatch(/<a\s|<\/a>/);
      expect(section.text).not.toMatch(/<a name=/);
    }
    const pricing = library.sections.find((s) => s.id === 'whatis#whatis-pricing')!;
    expect(pricing.heading).toBe('Amazon SageMaker Pricing');
    expect(library.notes.find((n) => n.route === 'whatis')!.title).toBe('What Is Amazon SageMaker?');
  });

  it('undoes backslash escapes in plain text', () => {
    const withEscapes = library.sections.filter((s) => s.markdown.includes('open\\-source'));
    expect(withEscapes.length).toBeGreaterThan(0);
    for (const section of withEscapes) {
      expect(section.text).toContain('open-source');
      expect(section.text).not.toContain('open\\-source');
    }
  });

  it('reads the links-only index.md as a note with sections', () => {
    const index = library.notes.find((n) => n.route === '')!;
    expect(index.title).toBe('Amazon SageMaker Developer Guide');
    expect(index.sections.length).toBeGreaterThan(0);
    expect(index.sections.some((s) => s.text.includes('What Is Amazon SageMaker?'))).toBe(true);
  });
});
