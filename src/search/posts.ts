import type { Section } from '../notes/types.js';

/** Folders that hold dated posts rather than reference pages (blogs, news, release notes). */
const postFolders = new Set([
  'blog',
  'blogs',
  'posts',
  '_posts',
  'news',
  'changelog',
  'changelogs',
  'releases',
  'release-notes',
]);
/** A Jekyll/Hugo-style dated file name: "2021-08-27-swr-v1.md". */
const datedName = /^\d{4}-\d{2}-\d{2}/;

/**
 * Whether a section is from a dated post (a blog post, a release announcement) rather than a
 * reference page. Posts retell the docs of their day ("SWR 1.0 is here: custom cache provider…")
 * in a few paragraphs each, so they often match a question as well as the page that documents it.
 * The note's route is read, not its file: `blog/page.mdx` (route `blog`) is the blog's index page
 * and `docs/blog-theme/posts/page.mdx` a docs page named "posts"; `en/blog/swr-v1.mdx` is a post.
 */
export function isDatedPost(section: Section): boolean {
  const route = section.noteRoute.toLowerCase().split('/');
  return route.slice(0, -1).some((part) => postFolders.has(part)) || datedName.test(route.at(-1) ?? '');
}
