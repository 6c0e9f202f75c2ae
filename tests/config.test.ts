import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

describe('config', () => {
  it('applies defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NOTES_DIR: './notes',
      NOTES_LAYOUT: 'auto',
      QUIZ_SECONDS: 30,
      QUIZ_DB: './data/nimbus.db',
      LOG_LEVEL: 'info',
    });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    // Unset: chosen by the layout (github for GitHub-style folders, else site).
    expect(config.NOTES_LINK_STYLE).toBeUndefined();
    expect(config.NOTES_INCLUDE).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: '', NOTES_BASE_URL: '  ' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.NOTES_BASE_URL).toBeUndefined();
  });

  it('gives blank variables of every kind their default, as .env.example promises', () => {
    const blank = parseConfig({ LOG_LEVEL: '', QUIZ_SECONDS: ' ', NOTES_LINK_STYLE: '', NOTES_DIR: '', QUIZ_DB: '' });
    expect(blank).toMatchObject({
      LOG_LEVEL: 'info',
      QUIZ_SECONDS: 30,
      NOTES_DIR: './notes',
      QUIZ_DB: './data/nimbus.db',
    });
    // Blank link style means "the layout's own" (github for README-style folders, else site).
    expect(blank.NOTES_LINK_STYLE).toBeUndefined();
  });

  it('names the variable and what it expects in one line', () => {
    expect(() => parseConfig({ QUIZ_SECONDS: 'soon' })).toThrow(
      new ConfigError('Invalid QUIZ_SECONDS: expected a whole number of seconds from 5 to 3600.'),
    );
    expect(() => parseConfig({ NOTES_BASE_URL: 'notes.example.com' })).toThrow(
      /^Invalid NOTES_BASE_URL: expected an http\(s\) URL/,
    );
    expect(() => parseConfig({ NOTES_LINK_STYLE: 'gitlab' })).toThrow(
      'Invalid NOTES_LINK_STYLE: expected "site" or "github".',
    );
    expect(() => parseConfig({ NOTES_LAYOUT: 'hugo' })).toThrow(
      'Invalid NOTES_LAYOUT: expected one of auto, nextra, docusaurus, obsidian, github, plain.',
    );
  });

  it('reads notes globs as comma-separated lists', () => {
    const config = parseConfig({
      NOTES_INCLUDE: 'docs/**, guides/*.md',
      NOTES_EXCLUDE: ' , ',
      NOTES_LANGUAGE: 'zh-TW',
    });
    expect(config.NOTES_INCLUDE).toEqual(['docs/**', 'guides/*.md']);
    expect(config.NOTES_EXCLUDE).toBeUndefined();
    expect(config.NOTES_LANGUAGE).toBe('zh-TW');
  });

  it('never echoes a bad value, which may be a secret', () => {
    try {
      parseConfig({ DISCORD_GUILD_ID: 'super-secret-value' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('super-secret-value');
      expect((error as Error).message).toContain('DISCORD_GUILD_ID');
    }
  });

  it('reads the cache, watch and Git sync settings, with defaults', () => {
    expect(parseConfig({})).toMatchObject({
      CACHE_DIR: './data/cache',
      NOTES_WATCH: true,
      NOTES_GIT_DIR: './data/notes-git',
      NOTES_GIT_SUBDIR: '.',
      NOTES_SYNC_MINUTES: 10,
    });
    expect(
      parseConfig({ NOTES_WATCH: 'false', NOTES_SYNC_MINUTES: '3', NOTES_GIT_URL: 'file:///srv/notes.git' }),
    ).toMatchObject({ NOTES_WATCH: false, NOTES_SYNC_MINUTES: 3, NOTES_GIT_URL: 'file:///srv/notes.git' });
    expect(() => parseConfig({ NOTES_SYNC_MINUTES: '0' })).toThrow(
      'Invalid NOTES_SYNC_MINUTES: expected a whole number of minutes from 1 to 1440.',
    );
    expect(() => parseConfig({ NOTES_WATCH: 'maybe' })).toThrow('Invalid NOTES_WATCH: expected "true" or "false".');
  });
});
