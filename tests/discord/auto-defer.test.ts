import { type ChatInputCommandInteraction, type Interaction, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askCommand } from '../../src/discord/commands/ask.js';
import { commands } from '../../src/discord/commands/index.js';
import { notesCommand } from '../../src/discord/commands/notes.js';
import { quizCommand } from '../../src/discord/commands/quiz.js';
import type { BotContext, CommandModule } from '../../src/discord/context.js';
import { createRouter } from '../../src/discord/router.js';

/** A slash command interaction with the given boolean options, recording how it is deferred. */
function slashCommand(name: string, booleans: Record<string, boolean> = {}) {
  const deferrals: unknown[] = [];
  const interaction = {
    id: '1',
    type: 2,
    commandName: name,
    user: { id: 'u' },
    guildId: 'g',
    replied: false,
    deferred: false,
    options: { getBoolean: (option: string) => booleans[option] ?? null },
    isChatInputCommand: () => true,
    isCommand: () => true,
    isAutocomplete: () => false,
    isMessageComponent: () => false,
    isRepliable: () => true,
    deferReply: async (options: unknown) => {
      deferrals.push(options);
      interaction.deferred = true;
    },
    reply: async () => undefined,
  };
  return { interaction, deferrals, chatInput: interaction as unknown as ChatInputCommandInteraction };
}

const quietLogger = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: () => undefined };
const shared = { knowledge: {}, logger: quietLogger } as unknown as BotContext;

/** Routes one interaction to a command whose handler is slower than the auto-defer delay. */
async function deferralOfSlowCommand(command: Partial<CommandModule>, booleans: Record<string, boolean> = {}) {
  vi.useFakeTimers();
  let finish = (): void => undefined;
  const module = {
    data: { name: 'slow', toJSON: () => ({ name: 'slow', description: 'slow' }) },
    execute: () => new Promise<void>((resolve) => (finish = resolve)),
    ...command,
  } as CommandModule;
  const { interaction, deferrals } = slashCommand('slow', booleans);
  const handled = createRouter([module], shared)(interaction as unknown as Interaction);
  await vi.advanceTimersByTimeAsync(2000);
  finish();
  await handled;
  return deferrals;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('auto-defer: each command says whether its answer is private', () => {
  it('defers a slow command privately when its module says its answer is private', async () => {
    expect(await deferralOfSlowCommand({ answersPrivately: () => true })).toEqual([{ flags: MessageFlags.Ephemeral }]);
  });

  it('defers in the open when the module says nothing or says the answer is public', async () => {
    expect(await deferralOfSlowCommand({})).toEqual([{}]);
    expect(await deferralOfSlowCommand({ answersPrivately: () => false })).toEqual([{}]);
  });

  it('asks the module about this very interaction (its options)', async () => {
    const byOption = { answersPrivately: (i: ChatInputCommandInteraction) => i.options.getBoolean('private') === true };
    expect(await deferralOfSlowCommand(byOption, { private: true })).toEqual([{ flags: MessageFlags.Ephemeral }]);
    expect(await deferralOfSlowCommand(byOption, { private: false })).toEqual([{}]);
  });

  it('/ask private, /quiz private or review-all and /notes answer privately; the rest in the open', () => {
    expect(askCommand.answersPrivately?.(slashCommand('ask', { private: true }).chatInput)).toBe(true);
    expect(askCommand.answersPrivately?.(slashCommand('ask').chatInput)).toBe(false);
    expect(quizCommand.answersPrivately?.(slashCommand('quiz', { private: true }).chatInput)).toBe(true);
    expect(quizCommand.answersPrivately?.(slashCommand('quiz', { 'review-all': true }).chatInput)).toBe(true);
    expect(quizCommand.answersPrivately?.(slashCommand('quiz').chatInput)).toBe(false);
    expect(notesCommand.answersPrivately?.(slashCommand('notes').chatInput)).toBe(true);
    const open = commands.filter((c) => !c.answersPrivately).map((c) => c.data.name);
    expect(open.sort()).toEqual(['leaderboard', 'quiz-stats', 'topic']);
  });
});
