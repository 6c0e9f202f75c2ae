import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/notes/types.js';
import { isDatedPost } from '../../src/search/posts.js';

const at = (noteRoute: string): Section => ({ noteRoute }) as Section;

describe('isDatedPost', () => {
  it('knows a post by the folder its note is in', () => {
    expect(isDatedPost(at('en/blog/swr-v1'))).toBe(true);
    expect(isDatedPost(at('news/launch'))).toBe(true);
    expect(isDatedPost(at('project/Changelog/v2'))).toBe(true);
  });

  it('knows a post by a dated name', () => {
    expect(isDatedPost(at('notes/2021-08-27-swr-v1'))).toBe(true);
  });

  it('leaves reference pages alone, including pages named after posts and the blog index', () => {
    expect(isDatedPost(at('en/docs/advanced/cache'))).toBe(false);
    expect(isDatedPost(at('docs/blog-theme/posts'))).toBe(false);
    expect(isDatedPost(at('blog'))).toBe(false);
    expect(isDatedPost(at('aws/cloud-practitioner/s3'))).toBe(false);
  });
});
