import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import type { ClickPlace, RoundView } from '../../quiz/quiz-service.js';
import type { Letter } from '../../quiz/round-view.js';
import type { BotContext, CommandModule } from '../context.js';
import { onComponent, type ComponentHandler } from '../custom-id.js';
import { quizNextId, quizPickId, quizRevealId } from './quiz-ids.js';
import { limits, truncate } from '../limits.js';
import { renderAnswerResult, renderPrivateResult, renderQuestion, renderReveal } from '../render/quiz.js';
import { takeTurn } from '../cooldowns.js';
import { retryWhileBusy, stillBusy } from '../store-retry.js';
import { expiredMessage, noPings, replyEphemeral } from '../respond.js';

const data = new SlashCommandBuilder()
  .setName('quiz')
  .setDescription('A question from the notes: answer with the buttons')
  .addStringOption((o) =>
    o
      .setName('topic')
      .setDescription('A note or area to draw from (default: everything)')
      .setAutocomplete(true)
      .setMaxLength(200),
  )
  .addBooleanOption((o) =>
    o.setName('private').setDescription('Personal review: questions you are due to revisit, only you see them'),
  )
  .addBooleanOption((o) =>
    o.setName('review-all').setDescription('With private: go through every question of the topic, weakest first'),
  );

const noQuestions = (topic?: string) =>
  topic
    ? `There are no quiz questions for "${truncate(topic, 100)}". Pick a topic from the list, or leave it empty.`
    : 'There are no quiz questions in the notes yet.';

/** Posts a new round: public in the channel, or ephemeral for personal review. */
async function startRound(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  context: BotContext,
  options: { topic?: string; isPrivate: boolean; reviewAll: boolean },
): Promise<void> {
  if (!options.isPrivate && !options.reviewAll) {
    const busy = openRoundMessage(interaction, context);
    if (busy) return replyEphemeral(interaction, busy);
    const { quizUser, quizChannel } = context.cooldowns;
    const wait = takeTurn(quizUser, quizChannel, interaction.user.id, interaction.channelId, {
      one: 'public quiz',
      many: 'quizzes',
    });
    if (wait) return replyEphemeral(interaction, wait);
  }
  const isPrivate = options.isPrivate || options.reviewAll;
  // Writing the round may wait for a lock held elsewhere: defer (Discord's 3 s) and retry without blocking.
  const round = await retryWhileBusy(
    () =>
      context.quiz.start({
        guildId: interaction.guildId ?? 'dm',
        channelId: interaction.channelId,
        askerId: interaction.user.id,
        topic: options.topic,
        private: options.isPrivate,
        reviewAll: options.reviewAll,
      }),
    () => interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {}),
    context.storeBusyBudgetMs,
  );
  if (round === stillBusy)
    return replyEphemeral(
      interaction,
      'The quiz database is busy right now, so no question was started. Please try again in a moment.',
    );
  if (!round) return replyEphemeral(interaction, noQuestions(options.topic));
  const message = renderQuestion(round);
  if (round.private) {
    if (interaction.deferred) await interaction.editReply({ ...message, allowedMentions: noPings });
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
    return;
  }
  let messageId: string | undefined;
  try {
    if (interaction.deferred) messageId = (await interaction.editReply({ ...message, allowedMentions: noPings })).id;
    else
      messageId = (await interaction.reply({ ...message, allowedMentions: noPings, withResponse: true })).resource
        ?.message?.id;
  } catch (error) {
    // The question may be posted though the answer to our request was lost (502, reset): ask Discord.
    messageId = await interaction.fetchReply().then(
      (m) => m.id,
      () => undefined,
    );
    if (!messageId) {
      context.quiz.abandon(round.id);
      throw error;
    }
    context.logger.warn(
      { roundId: round.id, err: error },
      'the /quiz reply was posted though its response was lost; recovered its message',
    );
  }
  if (messageId) {
    const id = messageId;
    const attached = await retryWhileBusy(
      () => context.quiz.attachMessage(round.id, interaction.channelId, id),
      async () => undefined,
      context.storeBusyBudgetMs,
    );
    if (attached === stillBusy)
      context.logger.warn(
        { roundId: round.id },
        'could not store where the quiz was posted: the database stayed locked',
      );
  }
  context.reveals.opened(round.id, round.closesAt);
}

/** Refuses a new public round while the channel has QUIZ_OPEN_PER_CHANNEL rounds open (0: no limit). */
function openRoundMessage(
  interaction: ChatInputCommandInteraction | MessageComponentInteraction,
  context: BotContext,
): string | undefined {
  const max = context.config.QUIZ_OPEN_PER_CHANNEL;
  if (max === 0) return undefined;
  const open = context.quiz.openRoundsIn(interaction.channelId);
  if (open.length < max) return undefined;
  const first = open[0]!;
  const link =
    first.messageId && interaction.guildId
      ? ` (https://discord.com/channels/${interaction.guildId}/${first.channelId}/${first.messageId})`
      : '';
  return `There is already a quiz question open in this channel${link}: answer that one first. It closes <t:${Math.ceil(first.closesAt / 1000)}:R>. Or try \`/quiz private:true\`.`;
}

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  await startRound(interaction, context, {
    topic: interaction.options.getString('topic')?.trim() || undefined,
    isPrivate: interaction.options.getBoolean('private') ?? false,
    reviewAll: interaction.options.getBoolean('review-all') ?? false,
  });
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const topics = context.quiz.matchTopics(interaction.options.getFocused(), limits.autocompleteChoices);
  await interaction.respond(
    topics.map((t) => ({
      name: truncate(`${t.name} (${t.questions} questions)`, limits.choiceName),
      // The route reads well where it fits; a longer one is sent as the topic's short key.
      value: t.id.length <= limits.choiceValue ? t.id : t.key,
    })),
  );
}

/** Where the button was clicked, for the service to refuse rounds of other servers and channels. */
const placeOf = (interaction: MessageComponentInteraction): ClickPlace => ({
  guildId: interaction.guildId ?? 'dm',
  channelId: interaction.channelId,
  messageId: interaction.message.id,
});
const elsewhereMessage = 'This button belongs to a question in another channel or server. Nothing was recorded.';

const pick: ComponentHandler<{ roundId: string; choice: Letter }> = async (
  interaction,
  { roundId, choice },
  context,
) => {
  // A lock held elsewhere: answer Discord within its deadline (defer), keep retrying without blocking.
  const result = await retryWhileBusy(
    () => context.quiz.answer(roundId, interaction.user.id, choice, placeOf(interaction)),
    () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    context.storeBusyBudgetMs,
  );
  if (result === stillBusy) {
    context.logger.warn({ roundId }, 'quiz answer not saved: the database stayed locked');
    return replyEphemeral(
      interaction,
      'Your answer could not be saved: the quiz database is busy right now. Please click your answer again in a moment.',
    );
  }
  if (result.status === 'unknown-round') return replyEphemeral(interaction, expiredMessage);
  if (result.status === 'elsewhere') return replyEphemeral(interaction, elsewhereMessage);
  if (result.status === 'closed')
    return replyEphemeral(interaction, 'This question is closed: the answer has been revealed.');
  if (result.status === 'duplicate')
    return replyEphemeral(
      interaction,
      `Your answer is already in (you picked **${result.previousLetter}**). One answer per question.`,
    );
  if (result.status === 'not-yours')
    return replyEphemeral(
      interaction,
      'This review question belongs to someone else. Start your own with `/quiz private:true`.',
    );
  const round = result.round;
  if (round.private && interaction.deferred)
    await interaction.followUp({
      ...renderPrivateResult(result, round),
      flags: MessageFlags.Ephemeral,
      allowedMentions: noPings,
    });
  else if (round.private) await interaction.update({ ...renderPrivateResult(result, round), allowedMentions: noPings });
  else await replyEphemeral(interaction, renderAnswerResult(result, round));
};

const reveal: ComponentHandler<{ roundId: string }> = async (interaction, { roundId }, context) => {
  const outcome = context.quiz.reveal(roundId, interaction.user.id, { place: placeOf(interaction) });
  if (outcome.status === 'unknown-round') return replyEphemeral(interaction, expiredMessage);
  if (outcome.status === 'elsewhere') return replyEphemeral(interaction, elsewhereMessage);
  if (outcome.status === 'not-asker')
    return replyEphemeral(
      interaction,
      'Only the person who started this question can reveal it early. It reveals itself when time is up.',
    );
  if (outcome.status === 'already-revealed') return replyEphemeral(interaction, 'The answer is already revealed.');
  context.reveals.closedByAsker(roundId);
  try {
    await interaction.update({ ...renderReveal(outcome.summary), allowedMentions: noPings });
  } catch (error) {
    // The round is closed; its message must still show the answer: deliver it by the retrying path.
    context.reveals.askerUpdateFailed(roundId);
    throw error;
  }
  context.quiz.markRevealShown(roundId);
};

const next: ComponentHandler<{ roundId: string }> = async (interaction, { roundId }, context) => {
  if (!context.quiz.getRound(roundId)) return replyEphemeral(interaction, expiredMessage);
  const previous: RoundView | undefined = context.quiz.getRound(roundId, placeOf(interaction));
  if (!previous) return replyEphemeral(interaction, elsewhereMessage);
  await startRound(interaction, context, {
    topic: previous.topic,
    isPrivate: previous.private,
    reviewAll: previous.reviewAll,
  });
};

export const quizCommand: CommandModule = {
  data,
  execute,
  autocomplete,
  components: [onComponent(quizPickId, pick), onComponent(quizRevealId, reveal), onComponent(quizNextId, next)],
  answersPrivately: (interaction) =>
    interaction.options.getBoolean('private') === true || interaction.options.getBoolean('review-all') === true,
};
