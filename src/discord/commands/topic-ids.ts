import { componentId, pageField, present } from '../custom-id.js';

const none = { fields: () => [], parse: (fields: readonly string[]) => (fields.length ? undefined : {}) };

/** The menu of a folder page: its values are folder and note ids of the topic tree. */
export const topicOpenId = componentId<Record<string, never>>('topic.open', none);

/** The menu of a note's sections: its values are section keys of the topic tree (or, from /ask, section ids). */
export const topicSectionId = componentId<Record<string, never>>('topic.section', none);

const idAndPage = (prefix: string) =>
  componentId<{ id: string; page: number }>(prefix, {
    fields: ({ id, page }) => [id, page],
    parse: ([id, page, ...rest]) => {
      const number = pageField(page);
      return present(id) && number !== undefined && !rest.length ? { id, page: number } : undefined;
    },
  });

/** Previous/next page of a folder (by folder id) and of a note's sections (by note id). */
export const topicFolderPageId = idAndPage('topic.dir');
export const topicNotePageId = idAndPage('topic.page');

/** Up to a folder (from a subfolder or a note). */
export const topicUpId = componentId<{ id: string }>('topic.up', {
  fields: ({ id }) => [id],
  parse: ([id, ...rest]) => (present(id) && !rest.length ? { id } : undefined),
});
