import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import { ask, askSection, suggestSections } from '../../core/ask.js';
import type { Knowledge } from '../../core/library.js';
import type { Section } from '../../notes/types.js';
import type { BotContext, CommandModule, StoredAnswer } from '../context.js';
import { onComponent, type ComponentHandler } from '../custom-id.js';
import { askFeedbackId, askMoreId, askSendId, type Vote } from './ask-ids.js';
import { limits, truncate } from '../limits.js';
import { renderAnswer, renderMoreResults } from '../render/answer.js';
import { markdownLayout } from '../../render/markdown-excerpt.js';
import { takeTurn } from '../cooldowns.js';
import { expiredMessage, noPings, replyEphemeral } from '../respond.js';

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask the study notes a question')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('Your question, in your own words')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(1000),
  )
  .addBooleanOption((o) =>
    o.setName('private').setDescription('Only you see the answer (you can still send it to the chat)'),
  )
  .addUserOption((o) => o.setName('mention').setDescription('Suggest the answer to someone (they get pinged)'));

const choiceName = (section: Section): string => truncate(section.headingPath.join(' › '), limits.choiceName);

/** An autocomplete pick arrives as its value (a section id), or sometimes as its visible name. */
function chosenSection(knowledge: Knowledge, value: string): Section | undefined {
  return knowledge.sectionById.get(value) ?? knowledge.library.sections.find((s) => choiceName(s) === value);
}

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  const mention = interaction.options.getUser('mention') ?? undefined;
  if (!isPrivate) {
    const wait = takeTurn(
      context.cooldowns.askUser,
      context.cooldowns.askChannel,
      interaction.user.id,
      interaction.channelId,
      { one: 'public answer', many: 'public answers' },
    );
    if (wait) return replyEphemeral(interaction, wait);
  }
  const section = chosenSection(context.knowledge, question);
  const options = { layout: markdownLayout };
  const answer = section
    ? askSection(context.knowledge.index, section, options)
    : ask(context.knowledge.index, question, options);
  const key = context.answers.put({
    answer,
    userId: interaction.user.id,
    mention: mention?.id,
    guildId: interaction.guildId ?? 'dm',
    channelId: interaction.channelId,
    isPrivate,
  });
  const message = renderAnswer(answer, { key, isPrivate });
  // A private answer pings nobody; the mention goes along if it is sent to the chat.
  const pings = mention && !isPrivate && answer.confident;
  await interaction.reply({
    ...message,
    content: pings ? `Suggested for <@${mention.id}>` : message.content,
    allowedMentions: pings ? { parse: [], users: [mention.id] } : noPings,
    ...(isPrivate ? { flags: MessageFlags.Ephemeral as const } : {}),
  });
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim();
  const sections = suggestSections(context.knowledge.index, typed, limits.autocompleteChoices);
  const choices = sections
    .filter((s) => s.id.length <= limits.choiceValue)
    .map((s) => ({ name: choiceName(s), value: s.id }));
  // Free text always works: offer what was typed as the first choice.
  if (typed && typed.length <= limits.choiceValue)
    choices.unshift({ name: truncate(`Ask: ${typed}`, limits.choiceName), value: typed });
  await interaction.respond(choices.slice(0, limits.autocompleteChoices));
}

/**
 * The stored answer behind a button, if the click may use it: same server and channel, and
 * for a private answer the person who asked. A forged custom_id gets nothing.
 */
async function storedHere(
  interaction: MessageComponentInteraction,
  key: string,
  context: BotContext,
): Promise<StoredAnswer | undefined> {
  const stored = context.answers.get(key);
  if (!stored) {
    await replyEphemeral(interaction, expiredMessage);
    return undefined;
  }
  const here = stored.guildId === (interaction.guildId ?? 'dm') && stored.channelId === interaction.channelId;
  if (!here || (stored.isPrivate && stored.userId !== interaction.user.id)) {
    await replyEphemeral(interaction, "This button belongs to someone else's answer. Ask your own with `/ask`.");
    return undefined;
  }
  return stored;
}

const more: ComponentHandler<{ key: string }> = async (interaction, { key }, context) => {
  const stored = await storedHere(interaction, key, context);
  if (!stored) return;
  const embeds = renderMoreResults(stored.answer);
  if (embeds.length === 0) return replyEphemeral(interaction, 'There are no more results for that question.');
  await interaction.reply({
    content: 'More from the notes:',
    embeds,
    flags: MessageFlags.Ephemeral,
    allowedMentions: noPings,
  });
};

const feedback: ComponentHandler<{ key: string; vote: Vote }> = async (interaction, { key, vote }, context) => {
  const stored = await storedHere(interaction, key, context);
  if (!stored) return;
  const best = stored.answer.results[0];
  if (!best) return replyEphemeral(interaction, 'There is nothing to rate on this answer.');
  context.store.recordFeedback({
    guildId: interaction.guildId ?? 'dm',
    userId: interaction.user.id,
    question: stored.answer.question,
    sectionId: best.id,
    vote,
  });
  await replyEphemeral(
    interaction,
    vote === 'up' ? 'Thanks! Glad it helped. 👍' : 'Thanks for telling us. 👎 We use this to improve the answers.',
  );
};

const sendInChat: ComponentHandler<{ key: string }> = async (interaction, { key }, context) => {
  const stored = await storedHere(interaction, key, context);
  if (!stored) return;
  const message = renderAnswer(stored.answer, { key, isPrivate: false });
  const suggested = stored.mention ? ` · Suggested for <@${stored.mention}>` : '';
  await interaction.reply({
    ...message,
    content: `Shared by <@${interaction.user.id}>${suggested}`,
    // The sharer is named, not pinged; only a user picked with `mention` is.
    allowedMentions: stored.mention ? { parse: [], users: [stored.mention] } : noPings,
  });
};

export const askCommand: CommandModule = {
  data,
  execute,
  autocomplete,
  components: [onComponent(askMoreId, more), onComponent(askFeedbackId, feedback), onComponent(askSendId, sendInChat)],
  answersPrivately: (interaction) => interaction.options.getBoolean('private') === true,
};
