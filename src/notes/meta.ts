import { z } from 'zod';

// Nextra's _meta.json: key = file or folder name, value = its title or an object with one.
const metaSchema = z.record(
  z.string(),
  z.union([z.string(), z.looseObject({ title: z.string().optional() })]),
);

export interface FolderMeta {
  titles: Map<string, string>;
  order: string[];
}

export function parseMeta(json: string): FolderMeta {
  const data = metaSchema.parse(JSON.parse(json));
  const titles = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    const title = typeof value === 'string' ? value : value.title;
    if (title) titles.set(key, title);
  }
  return { titles, order: Object.keys(data) };
}
