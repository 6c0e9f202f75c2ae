import { create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { ask } from '../src/core/ask.js';
import { excerptMarkdown, markdownLayout } from '../src/render/markdown-excerpt.js';
import { warmUp } from '../src/core/warm-up.js';
import type { Section } from '../src/notes/types.js';
import { buildIndex, type SearchIndex } from '../src/search/index.js';
import { search } from '../src/search/query.js';

export interface Ranked {
  ids: string[];
  /** Whether the engine claims an answer; baselines have no gate, so any hit counts. */
  confident: boolean;
  /** Question words the best section lacks (Nimbus's "Missing: …" line); absent for engines without one. */
  missing?: string[];
  /** What the reader is shown first (answer line and top excerpt), for engines that show one. */
  shown?: string;
}

/** A search engine under test: build once over the sections, then answer questions. */
export interface Engine {
  name: string;
  /** `language`: the notes' language, when the loader knows it (NOTES_LANGUAGE, locale folders). */
  build(sections: Section[], language?: string): void;
  query(question: string, limit: number): Ranked;
  /** Serialized index size in bytes, when the engine can serialize. */
  serializedBytes?(): number;
}

const textOf = (s: Section) => ({ heading: s.headingPath.join(' '), body: s.text });

/** `warm`: warm up at build, as the Discord bot does when it starts (`src/core/warm-up.ts`). */
export function nimbusEngine(options: { withExcerpts: boolean; warm?: boolean }): Engine {
  let index: SearchIndex;
  return {
    name: options.withExcerpts ? 'Nimbus ask' : 'Nimbus',
    build(sections, language) {
      index = buildIndex(sections, language);
      if (options.warm) warmUp(index);
    },
    query(question, limit) {
      if (options.withExcerpts) {
        // As the bot shows it: the answer line, then the top excerpt sized and written for Discord.
        const answer = ask(index, question, { limit, layout: markdownLayout });
        const top = answer.results[0];
        const shown = [answer.answerLine ?? '', top ? excerptMarkdown(top.excerpt) : ''].join('\n');
        return { ids: answer.results.map((r) => r.id), confident: answer.confident, missing: answer.missing, shown };
      }
      const outcome = search(index, question, limit);
      return { ids: outcome.hits.map((h) => h.section.id), confident: outcome.confident, missing: outcome.missing };
    },
    serializedBytes: () => JSON.stringify(index.mini).length,
  };
}

export function miniSearchDefault(): Engine {
  let mini: MiniSearch;
  let sections: Section[];
  return {
    name: 'MiniSearch default',
    build(all) {
      sections = all;
      mini = new MiniSearch({ fields: ['heading', 'body'], idField: 'i' });
      mini.addAll(all.map((s, i) => ({ i, ...textOf(s) })));
    },
    query(question, limit) {
      const ids = mini
        .search(question)
        .slice(0, limit)
        .map((r) => sections[r.id as number]!.id);
      return { ids, confident: ids.length > 0 };
    },
    serializedBytes: () => JSON.stringify(mini).length,
  };
}

export function lunrDefault(): Engine {
  let index: lunr.Index;
  let sections: Section[];
  return {
    name: 'lunr',
    build(all) {
      sections = all;
      index = lunr(function () {
        this.ref('i');
        this.field('heading');
        this.field('body');
        for (const [i, s] of all.entries()) this.add({ i: String(i), ...textOf(s) });
      });
    },
    query(question, limit) {
      // The query builder, not the query string parser: questions contain ":" "~" "+" "-".
      const tokens = lunr.tokenizer(question);
      const results = index.query((q) => {
        for (const token of tokens) q.term(token, {});
      });
      const ids = results.slice(0, limit).map((r) => sections[Number(r.ref)]!.id);
      return { ids, confident: ids.length > 0 };
    },
    serializedBytes: () => JSON.stringify(index).length,
  };
}

export function flexSearchDefault(): Engine {
  let index: InstanceType<typeof FlexSearch.Index>;
  let sections: Section[];
  return {
    name: 'FlexSearch',
    build(all) {
      sections = all;
      index = new FlexSearch.Index();
      for (const [i, s] of all.entries()) index.add(i, `${s.headingPath.join(' ')}\n${s.text}`);
    },
    query(question, limit) {
      // Defaults, except `suggest`: without it a result must contain every word of the question,
      // so almost no question in a student's words finds anything.
      const ids = (index.search(question, { limit, suggest: true }) as number[]).map((i) => sections[i]!.id);
      return { ids, confident: ids.length > 0 };
    },
  };
}

export function oramaDefault(): Engine {
  let db: AnyOrama;
  let sections: Section[];
  return {
    name: 'Orama',
    build(all) {
      sections = all;
      db = create({ schema: { heading: 'string', body: 'string' } });
      const result = insertMultiple(
        db,
        all.map((s, i) => ({ id: String(i), ...textOf(s) })),
      );
      if (result instanceof Promise) throw new Error('Orama insert was unexpectedly async');
    },
    query(question, limit) {
      const result = oramaSearch(db, { term: question, limit });
      if (result instanceof Promise) throw new Error('Orama search was unexpectedly async');
      const ids = result.hits.map((h) => sections[Number(h.id)]!.id);
      return { ids, confident: ids.length > 0 };
    },
    serializedBytes: () => JSON.stringify(db.data).length,
  };
}

export const baselineEngines = (): Engine[] => [
  miniSearchDefault(),
  lunrDefault(),
  flexSearchDefault(),
  oramaDefault(),
];
