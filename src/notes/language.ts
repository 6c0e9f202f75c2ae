import path from 'node:path';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** `en`, `zh-TW`, `pt_BR` → a canonical locale tag, or undefined when the name is not a language. */
function localeOf(name: string): string | undefined {
  if (!/^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$/.test(name)) return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(name.replace('_', '-'));
    return tag && languageNames.of(tag.split('-')[0]!) ? tag : undefined;
  } catch {
    return undefined;
  }
}

export interface LanguageChoice {
  files: string[];
  /** The language indexed, when the folder holds several. */
  language?: string;
  languages: string[];
}

const sameLanguage = (a: string, b: string): boolean =>
  a.toLowerCase() === b.toLowerCase() || a.split('-')[0]!.toLowerCase() === b.toLowerCase();
// `intro.ja.md`, `README.zh-TW.md`; a dash or underscore only after README (`README-ja.md`), since
// `setup-pt.md` is as likely an abbreviation as Portuguese.
const localizedFile =
  /^(.+?)\.([a-z]{2}(?:[-_][A-Za-z]{2,4})?)(\.mdx?)$|^(readme)[-_]([a-z]{2}(?:[-_][A-Za-z]{2,4})?)(\.mdx?)$/i;

function localizedParts(name: string): { name: string; locale: string; extension: string } | undefined {
  const m = localizedFile.exec(name);
  if (!m) return undefined;
  return m[1] ? { name: m[1], locale: m[2]!, extension: m[3]! } : { name: m[4]!, locale: m[5]!, extension: m[6]! };
}

/**
 * One language per index: locale folders at the top (`en/`, `zh-TW/`) or translated copies beside
 * a file (`README-ja.md`, `intro.zh-TW.md`). The language asked for, else the largest, is kept.
 */
export function chooseLanguage(files: string[], wanted?: string, base?: string): LanguageChoice {
  const byLocale = new Map<string, string[]>();
  // The locale folder: the first one, or the first below Nextra's content/ (base).
  const localeFolderOf = (file: string): string => (base ? file.slice(base.length + 1) : file).split('/')[0]!;
  for (const file of files) {
    const rest = base ? file.slice(base.length + 1) : file;
    const top = localeFolderOf(file);
    const locale = rest.includes('/') ? localeOf(top) : undefined;
    if (locale) byLocale.set(top, [...(byLocale.get(top) ?? []), file]);
  }
  const folders = [...byLocale.keys()];
  const shared = (a: string, b: string): boolean => {
    const inside = (f: string, locale: string): string => f.slice((base ? base.length + 1 : 0) + locale.length + 1);
    const rest = new Set(byLocale.get(a)!.map((f) => inside(f, a)));
    return byLocale.get(b)!.some((f) => rest.has(inside(f, b)));
  };
  let kept = files;
  let language: string | undefined;
  if (folders.length >= 2 && folders.some((a) => folders.some((b) => a !== b && shared(a, b)))) {
    const largest = [...folders].sort((a, b) => byLocale.get(b)!.length - byLocale.get(a)!.length)[0]!;
    const chosen = (wanted && folders.find((f) => sameLanguage(f, wanted))) || largest;
    language = chosen;
    kept = files.filter((f) => !byLocale.has(localeFolderOf(f)) || localeFolderOf(f) === chosen);
  }

  // Translated copies beside their original.
  const present = new Set(kept);
  const copies = new Map<string, string>();
  for (const file of kept) {
    const parts = localizedParts(path.posix.basename(file));
    if (!parts || !localeOf(parts.locale)) continue;
    const original = path.posix.join(path.posix.dirname(file), parts.name + parts.extension);
    if (present.has(original)) copies.set(file, original);
  }
  if (copies.size) {
    const wantedCopies = wanted
      ? [...copies].filter(([copy]) =>
          sameLanguage(localizedParts(path.posix.basename(copy))!.locale.replace('_', '-'), wanted),
        )
      : [];
    const replaced = new Set(wantedCopies.map(([, original]) => original));
    const keep = new Set(wantedCopies.map(([copy]) => copy));
    kept = kept.filter((f) => (copies.has(f) ? keep.has(f) : !replaced.has(f)));
    if (wantedCopies.length) language = wanted;
  }
  return { files: kept, language, languages: folders };
}
