import { normal, type Draft } from './draft.js';
import type { CodeBlock, SectionFacts } from './facts.js';
import { generic, withoutNumbering } from './heading.js';
import { broken, card, firstPerson, trimEnd, whereFor } from './howto.js';
import { fill, templates, type Lang } from './lang.js';
import { placeholderProse, pointsAway } from './quality.js';

/**
 * Self-graded cards on the code a walk-through shows, in the notes' own words:
 * - command: a short command block and the goal that introduces it (the paragraph right before
 *   it, the heading it sits under, or its own comment line): "安裝hexo的git部署套件" +
 *   `npm install hexo-deployer-git --save` → "要安裝hexo的git部署套件，該執行什麼指令？";
 * - config: a setting line with a comment that says what it does (`trailing_index: false # 設置
 *   false 會移除網址中的 index.html`) → "which line does this?" → `trailing_index: false`.
 * Read from the parsed code blocks (facts.code), lines split with indexOf, no regex over the code's
 * whole text.
 */

const han = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
export const shellLangs = new Set([
  'sh',
  'bash',
  'shell',
  'zsh',
  'console',
  'shellscript',
  'powershell',
  'cmd',
  'terminal',
]);
/** Languages whose code block may hold a command when the line looks like one (a language hint is often missing or wrong). */
const looseLangs = new Set(['', 'text', 'txt', 'plaintext', 'markdown', 'md']);
const configLangs = new Set(['yaml', 'yml', 'toml', 'ini', 'properties', '']);

/** Comment lines of a shell or config block ("# …"). */
const isComment = (line: string): boolean => line.trimStart().startsWith('#');

/** A command line: a lower-case program name, then arguments; not output, a path or a "key: value". */
function commandLine(line: string): boolean {
  const l = line.trim().replace(/^\$\s+/, '');
  if (l.length > 100 || /https?:\/\//.test(l) || /[{}();=]/.test(l)) return false;
  const space = l.indexOf(' ');
  if (space < 0) return false;
  const program = l.slice(0, space);
  return /^[a-z][\w.-]*$/.test(program) && !program.endsWith('.');
}

/** A command in a block without a shell hint: only of a program commands are run with. */
const knownCommand = (line: string): boolean =>
  programs.has(
    line
      .trim()
      .replace(/^\$\s+/, '')
      .split(' ')[0]!,
  );

/** The command lines of a block, or undefined when it is not a short block of commands. */
function commandsOf(block: CodeBlock): string[] | undefined {
  if (!shellLangs.has(block.lang) && !looseLangs.has(block.lang)) return undefined;
  const lines = block.code.split('\n').filter((l) => l.trim());
  const commands = lines.filter((l) => !isComment(l));
  // "git init  # 建立本地端Git儲存庫": each line says its own goal; the block has no single one.
  if (commands.some((l) => l.includes(' #'))) return undefined;
  if (commands.length === 0 || commands.length > 3 || !commands.every(commandLine)) return undefined;
  if (!shellLangs.has(block.lang) && !commands.every(knownCommand)) return undefined;
  return commands.map((l) => l.trim().replace(/^\$\s+/, ''));
}

/** Connectives that lead a step ("接著", "設定完成後首先"): no part of the goal. */
const zhLeadIn =
  /^(?:(?:[^，,。]{0,6}完成後)?[，,]?\s*(?:首先|接著|接下來|然後|最後|之後|再來|再|先|就)?\s*(?:要|可以|需要|我們可以|我們要)?)/u;
/** "…的指令是", "…指令如下", "…指令為": the words that announce the command. */
const zhAnnounce = /(?:的指令|指令|命令)(?:是|為|如下)?$/u;

/** Verbs a Chinese goal starts with: an action to take, not a remark ("git的commit指令有點像是…"). */
const zhAction =
  /^(?:安裝|新增|建立|創建|刪除|移除|設定|設置|增加|啟動|執行|部署|清理|清除|列出|查看|檢查|更新|推送|拉取|下載|上傳|切換|初始化|產生|生成|編譯|鎖定|解鎖|複製|合併|提交|還原|重設|開啟|關閉|停止|匯入|匯出|修改|加入|用|使用|透過|將|把|手動)/u;

/** An object that names nothing in particular: "(必要的)套件", "相關插件", "工具". */
const vagueObject = /^(?:一些|所需|必要|相關|需要|其他)?的?(?:套件|插件|外掛|依賴|相依套件|工具|指令|程式|檔案)$/u;

/** A Chinese goal: a short verb phrase of four Han characters or more, naming what it does by itself. */
function zhGoal(text: string): string | undefined {
  let g = trimEnd(trimEnd(text).replace(zhLeadIn, '')).replace(zhAnnounce, '').trim();
  // "手動增加 Git 的 HTTP buffer 大小，將 http.postBuffer 設定為 500 MB": the first clause is the goal, the rest the method.
  const clauses = g.split(/[，,]/);
  if (clauses.length === 2) g = clauses[0]!.trim();
  if (!zhAction.test(g)) return undefined;
  if (han(g) < 4 || g.length > 60 || /[，,；;。]/.test(g)) return undefined;
  if (/(?:這|此|它|該|上述|以下|如下|下列|下面|上面|範例|例如)/.test(g)) return undefined;
  // "執行一支 Java 程式時": a condition ("when …"), not a goal.
  if (g.endsWith('時')) return undefined;
  // "安裝套件", "安裝必要插件": names no package, so any install line would do.
  if (vagueObject.test(g.replace(zhAction, '').trim())) return undefined;
  return g;
}

/** Imperative verbs an English goal may start with ("Install `pagefind` as a dev dependency"). */
const enVerbs =
  /^(?:install|uninstall|run|start|stop|build|deploy|create|add|remove|delete|list|clone|initiali[sz]e|init|update|upgrade|generate|publish|push|pull|fetch|commit|check out|switch to|clean|preview|serve|test|lint|format|compile|link|prune|restore|reset|rebase|merge|tag)\b/i;

function enGoal(text: string): string | undefined {
  const g = trimEnd(text.replace(/`/g, ''));
  if (!enVerbs.test(g) || g.split(/\s+/).length < 2 || g.length > 90) return undefined;
  if (/\b(?:it|this|that|these|those|them|the following|below|above)\b/i.test(g)) return undefined;
  return g.charAt(0).toLowerCase() + g.slice(1);
}

/** The heading as a goal, numbering and a trailing colon cut ("列出現有的工作目錄："). */
const headingGoal = (heading: string): string =>
  withoutNumbering(heading)
    .replace(/^(?:step \d+[:.]?\s*)/i, '')
    .trim();

/** Package managers and the like: every install command starts with one, so it tells nothing. */
const launchers = new Set(['npm', 'npx', 'yarn', 'pnpm', 'bun', 'sudo']);

/** Programs a command block without a shell language hint may start with. */
const programs = new Set([
  ...launchers,
  'git',
  'hexo',
  'docker',
  'node',
  'python',
  'python3',
  'pip',
  'pip3',
  'brew',
  'apt',
  'apt-get',
  'cd',
  'mkdir',
  'curl',
  'wget',
  'make',
  'go',
  'cargo',
  'kubectl',
  'helm',
  'aws',
  'gcloud',
  'ssh',
  'scp',
  'chmod',
  'deno',
  'ray',
]);

/**
 * The command is in the question: all of it, or every word of it but the launcher ("npm run
 * build" for "run the build command"). Words are compared whole, not as substrings.
 */
function givenAway(question: string, commands: readonly string[]): boolean {
  const q = normal(question);
  const text = normal(commands.join(' '));
  if (!text || q.includes(text)) return true;
  const asked = new Set(q.split(' '));
  const words = text.split(' ').filter((w) => w && !/\p{Script=Han}/u.test(w) && !launchers.has(w));
  if (words.every((w) => asked.has(w))) return true;
  return namesEveryArgument(question, commands);
}

/** Subcommands every package manager has ("npm i -D x", "yarn add x"): they tell nothing about which command. */
const genericVerbs = new Set(['i', 'install', 'add', 'ci', 'uninstall', 'un', 'remove', 'rm', 'update', 'upgrade']);

/**
 * The words that tell this command from others: its package and argument names, not the program,
 * a generic subcommand verb or a flag ("npm i -D pagefind" → pagefind).
 */
function distinctiveWords(commands: readonly string[]): string[] {
  return commands.flatMap((c) =>
    c
      .toLowerCase()
      .split(/\s+/)
      .slice(1)
      .map((w) => w.replace(/^["'`]+|["'`]+$/g, ''))
      .filter((w) => w && !w.startsWith('-') && !genericVerbs.has(w)),
  );
}

/** Is `word` in `text` as a whole word? Han text may touch it on either side ("安裝pagefind套件"). */
function hasWord(text: string, word: string): boolean {
  const wordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{Script=Latin}\d_.\-/@]/u.test(ch);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!wordChar(text[at - 1]) && !wordChar(text[at + word.length])) return true;
  return false;
}

/**
 * The goal names every distinctive word of the command ("安裝 hexo-generator-sitemap 套件" for
 * `npm install hexo-generator-sitemap --save`): the answer is only the generic install line.
 */
function namesEveryArgument(question: string, commands: readonly string[]): boolean {
  const words = distinctiveWords(commands);
  const q = question.toLowerCase().normalize('NFKC').replace(/`/g, '');
  return words.length > 0 && words.every((w) => hasWord(q, w));
}

/** "新文章或草稿", "a post or a draft": a goal with two alternatives, which a one-line answer covers only half of. */
const alternatives = (goal: string): boolean => /或|\bor\b/iu.test(goal);

function goalOf(block: CodeBlock, lang: Lang): { goal: string; from: 'lead' | 'heading' | 'comment' } | undefined {
  const read = (text: string): string | undefined => {
    if (broken(text) || pointsAway(text) || firstPerson(text)) return undefined;
    return lang === 'zh' ? zhGoal(text) : enGoal(text);
  };
  if (block.lead !== undefined) {
    const goal = read(block.lead);
    return goal ? { goal, from: 'lead' } : undefined;
  }
  if (block.heading !== undefined) {
    const heading = headingGoal(block.heading);
    if (!heading || generic.test(heading)) return undefined;
    const goal = read(heading);
    return goal ? { goal, from: 'heading' } : undefined;
  }
  // A block that says what it does in its first line ("# 刪除工作目錄，並清理 …") with one command after.
  const lines = block.code.split('\n').filter((l) => l.trim());
  if (lines.length === 2 && isComment(lines[0]!) && !isComment(lines[1]!)) {
    const comment = lines[0]!.replace(/^\s*#+\s*/, '');
    const goal = read(comment.split(/[，,]/)[0]!);
    return goal ? { goal, from: 'comment' } : undefined;
  }
  return undefined;
}

export function commandDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text)) return drafts;
  const blocks = facts.code ?? [];
  for (const block of blocks) {
    // "cd 專案目錄" only says where to stand: the card asks for the command itself.
    const commands = commandsOf(block)?.filter((c) => !c.startsWith('cd '));
    if (!commands?.length) continue;
    const found = goalOf(block, lang);
    if (!found) continue;
    if (alternatives(found.goal) && commands.length < 2) continue;
    // A goal read from the section's heading names one command only when the section shows one block.
    if (found.from === 'heading' && block.heading === facts.section.heading && blocks.length > 1) continue;
    const where =
      found.from === 'heading' && block.heading === facts.section.heading
        ? facts.section.noteTitle.trim()
        : whereFor(facts, found.goal);
    if (!where || /[$[\]{}<>]/.test(where)) continue;
    const question = fill(templates.command, lang, { where, goal: found.goal });
    if (givenAway(question, commands)) continue;
    const answer = commands.join('\n');
    const explanation = found.from === 'lead' ? `${block.lead}\n${block.code.trim()}` : block.code.trim();
    drafts.push(card('command', question, answer, explanation, facts));
  }
  return drafts;
}

const scriptLangs = new Set(['js', 'javascript', 'ts', 'typescript', 'json', 'jsonc', 'json5', 'mjs', 'cjs']);

/** "key: value # what it does" (or "// what it does" in a script): the setting line and its comment, or undefined. */
function settingOf(
  line: string,
  marker: string,
): { setting: string; key: string; value: string; comment: string } | undefined {
  const at = line.indexOf(marker);
  if (at < 0) return undefined;
  const setting = line.slice(0, at).trim().replace(/,$/, '');
  const comment = line.slice(at + marker.length).trim();
  const colon = setting.search(/[:=]/);
  if (colon < 1) return undefined;
  const key = setting.slice(0, colon).trim();
  const value = setting
    .slice(colon + 1)
    .trim()
    .replace(/;$/, '');
  if (!/^[A-Za-z_][\w.-]*$/.test(key) || setting.length > 80) return undefined;
  // "value == null" is a comparison; "libUrl:" with nothing after it heads a block; "Row | undefined" is a type.
  if (setting[colon + 1] === '=' || (setting[colon] === '=' && /[=!<>]/.test(setting[colon - 1] ?? '')))
    return undefined;
  if (!value || value.includes(' | ')) return undefined;
  return { setting, key, value, comment };
}

/** A comment that says what a setting does: a phrase, not a label ("page", "<app_id>") or a link. */
function explains(comment: string, key: string): boolean {
  if (/https?:\/\/|[<>]/.test(comment) || pointsAway(comment) || firstPerson(comment)) return false;
  // "這樣設定會…", "only with this set", "Or even …": leans on the line or the comment before it.
  if (/^(?:這|此|那|該)/u.test(comment) || /\b(?:this|that|it|these|those)\b/i.test(comment)) return false;
  if (/^(?:or|and|but|also|e\.g\.)\b/i.test(comment) || /\be\.g\./i.test(comment)) return false;
  if (normal(comment).includes(normal(key).replace(/[_.-]/g, ' ')) || normal(comment).includes(normal(key)))
    return false;
  // "darker / pale night / light / ocean": the values it takes, not what it does.
  if (comment.split(' / ').length > 2) return false;
  return han(comment) >= 4 || comment.split(/\s+/).length >= 4;
}

export function configDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const drafts: Draft[] = [];
  if (placeholderProse(facts.section.text)) return drafts;
  for (const block of facts.code ?? []) {
    const marker = configLangs.has(block.lang) ? ' #' : scriptLangs.has(block.lang) ? ' //' : undefined;
    if (!marker) continue;
    const settings = block.code
      .split('\n')
      .map((line) => settingOf(line, marker))
      .filter((s) => s !== undefined);
    for (const s of settings) {
      if (!explains(s.comment, s.key)) continue;
      // Two lines with the same comment: either would be right.
      if (settings.filter((o) => normal(o.comment) === normal(s.comment)).length > 1) continue;
      const where = whereFor(facts, s.comment);
      if (!where) continue;
      const question = fill(templates.configLine, lang, { where, comment: trimEnd(s.comment) });
      // The comment may name the value ("使用 Git 部署" for `type: git`): the key is what is asked.
      if (normal(question).includes(normal(s.setting))) continue;
      drafts.push(card('config', question, s.setting, `${s.setting}${marker} ${s.comment}`, facts));
    }
  }
  return drafts;
}

/**
 * command-comment (proposed for round 12a): a command line whose own comment says its goal, in a
 * block where each line says its own ("git init  # 建立本地端Git儲存庫"), which `command` leaves out
 * for having no single goal → one card per such line: "要建立本地端Git儲存庫，該執行什麼指令？" → `git init`.
 */
export function commandCommentDrafts(facts: SectionFacts, lang: Lang): Draft[] {
  const found: { goal: string; draft: Draft }[] = [];
  if (placeholderProse(facts.section.text)) return [];
  for (const block of facts.code ?? []) {
    if (!shellLangs.has(block.lang) && !looseLangs.has(block.lang)) continue;
    for (const line of block.code.split('\n')) {
      const at = line.indexOf(' #');
      if (at < 0 || isComment(line)) continue;
      const command = line
        .slice(0, at)
        .trim()
        .replace(/^\$\s+/, '');
      const comment = line.slice(at + 2).replace(/^#*\s*/, '');
      // "cd Blog  # 我的hexo專案根目錄" says where to stand, not a step.
      if (!commandLine(command) || command.startsWith('cd ')) continue;
      if (!shellLangs.has(block.lang) && !knownCommand(command)) continue;
      if (broken(comment) || pointsAway(comment) || firstPerson(comment)) continue;
      const goal = lang === 'zh' ? zhGoal(comment) : enGoal(comment);
      // "創建一個空文件或更新文件的時間戳": two goals, one line.
      if (!goal || alternatives(goal)) continue;
      const where = whereFor(facts, goal);
      if (!where || /[$[\]{}<>]/.test(where)) continue;
      const question = fill(templates.command, lang, { where, goal });
      if (givenAway(question, [command])) continue;
      found.push({ goal, draft: card('command-comment', question, command, line.trim(), facts) });
    }
  }
  // "創建一個符號鏈接" beside "創建一個指向/usr/src的符號鏈接": the other line does it too, so the broader goal has two answers.
  return found
    .filter(({ goal }) => !found.some((o) => o.goal !== goal && o.goal.length > goal.length && covered(goal, o.goal)))
    .map((f) => f.draft);
}

/** Units a reader compares goals by: pairs of Han characters and Latin words. */
function goalUnits(goal: string): Set<string> {
  const units = new Set<string>(goal.toLowerCase().match(/[a-z0-9]+/g) ?? []);
  for (const run of goal.match(/\p{Script=Han}{2,}/gu) ?? [])
    for (let i = 0; i + 2 <= run.length; i++) units.add(run.slice(i, i + 2));
  return units;
}

/** Most (80 %) of a goal's units are in another, longer goal: it says less of the same. */
function covered(goal: string, other: string): boolean {
  const mine = goalUnits(goal);
  const theirs = goalUnits(other);
  if (mine.size === 0) return false;
  return [...mine].filter((u) => theirs.has(u)).length / mine.size >= 0.8;
}
