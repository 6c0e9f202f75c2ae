import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotes } from '../../src/notes/load.js';

const library = loadNotes({ root: path.resolve(import.meta.dirname, '../../notes') });

describe('the bundled notes', () => {
  it('pass nimbus check with no problems', () => {
    expect(library.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it('meet the size targets of the knowledge repository', () => {
    // With the 2026 pages (CLF-C02 services, ML foundations, the MLA-C01 track, Ray LLM and
    // KubeRay operations): 69 notes, 879 sections, ~110,000 words, 409 quiz questions.
    expect(library.notes.length).toBeGreaterThanOrEqual(69);
    expect(library.sections.length).toBeGreaterThanOrEqual(850);
    expect(library.notes.reduce((n, note) => n + note.words, 0)).toBeGreaterThanOrEqual(105_000);
    expect(library.quiz.length).toBeGreaterThanOrEqual(400);
  });

  it('have front matter and at least three quiz questions on every page', () => {
    for (const note of library.notes) {
      expect(note.quiz.length, note.file).toBeGreaterThanOrEqual(3);
      expect(note.description, note.file).not.toBe('');
      expect(note.tags.length, note.file).toBeGreaterThan(0);
    }
  });

  it('list every page in its folder _meta.json, in the order the sidebar shows', () => {
    const routes = library.notes.map((n) => n.route);
    expect(routes[0]).toBe('introduction');
    expect(routes.indexOf('aws/cloud-practitioner')).toBeLessThan(routes.indexOf('aws/ml-specialty'));
    expect(routes.indexOf('aws/ml-specialty')).toBeLessThan(routes.indexOf('aws/ml-engineer-associate'));
    expect(routes.indexOf('aws/ml-engineer-associate')).toBeLessThan(routes.indexOf('mlops'));
  });
});
