import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { listTopics, matchNotes, openTopic, readSection } from '../../core/topics.js';
import type { BotContext, CommandModule, ComponentHandler } from '../context.js';
import { limits, truncate } from '../limits.js';
import { sectionEmbed } from '../render/embeds.js';
import { excerptMarkdown, markdownLayout } from '../../render/markdown-excerpt.js';
import { renderNotePage, renderTopicList, routeValue } from '../render/topic.js';
import { noPings, replyEphemeral } from '../respond.js';

const data = new SlashCommandBuilder()
  .setName('topic')
  .setDescription('Browse the study notes')
  .addStringOption((o) =>
    o
      .setName('name')
      .setDescription('A note to open (leave empty to list them all)')
      .setAutocomplete(true)
      .setMaxLength(200),
  );

const noteByValue = (context: BotContext, value: string) =>
  context.knowledge.library.notes.find((n) => routeValue(n.route) === value);

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const name = interaction.options.getString('name')?.trim();
  const { library } = context.knowledge;
  if (!name) {
    await interaction.reply({ ...renderTopicList(listTopics(library)), allowedMentions: noPings });
    return;
  }
  const exact = noteByValue(context, name);
  const view = openTopic(library, exact ? exact.route : name);
  if (view.kind === 'not-found') {
    const hint = view.suggestions.length
      ? ` Did you mean: ${view.suggestions.map((s) => s.title).join(', ')}?`
      : ' Use `/topic` without a name to see them all.';
    await replyEphemeral(interaction, truncate(`No note matches "${name}".${hint}`, limits.content));
    return;
  }
  await interaction.reply({ ...renderNotePage(view, 0), allowedMentions: noPings });
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const notes = matchNotes(context.knowledge.library, interaction.options.getFocused(), limits.autocompleteChoices);
  await interaction.respond(
    notes
      .filter((n) => routeValue(n.route).length <= limits.choiceValue)
      .map((n) => ({
        name: truncate([...n.breadcrumb.slice(-1), n.title].join(' › '), limits.choiceName),
        value: routeValue(n.route),
      })),
  );
}

const openNote: ComponentHandler = async (interaction, _args, context) => {
  if (!interaction.isStringSelectMenu()) return;
  const note = noteByValue(context, interaction.values[0] ?? '');
  if (!note) return replyEphemeral(interaction, 'That note is no longer in the notes. Run `/topic` again.');
  const view = openTopic(context.knowledge.library, note.route);
  if (view.kind === 'note')
    await interaction.reply({ ...renderNotePage(view, 0), flags: MessageFlags.Ephemeral, allowedMentions: noPings });
};

const openSection: ComponentHandler = async (interaction, _args, context) => {
  if (!interaction.isStringSelectMenu()) return;
  const section = context.knowledge.sectionById.get(interaction.values[0] ?? '');
  if (!section)
    return replyEphemeral(
      interaction,
      'That section is no longer in the notes (they may have been edited). Run the command again.',
    );
  await interaction.reply({
    embeds: [sectionEmbed(section, excerptMarkdown(readSection(section, markdownLayout)))],
    flags: MessageFlags.Ephemeral,
    allowedMentions: noPings,
  });
};

const page: ComponentHandler = async (interaction, [route = '', pageNumber = '0'], context) => {
  const note = noteByValue(context, route);
  if (!note) return replyEphemeral(interaction, 'That note is no longer in the notes. Run `/topic` again.');
  const view = openTopic(context.knowledge.library, note.route);
  if (view.kind === 'note')
    await interaction.update({ ...renderNotePage(view, Number(pageNumber) || 0), allowedMentions: noPings });
};

export const topicCommand: CommandModule = {
  data,
  execute,
  autocomplete,
  components: { 'topic.note': openNote, 'topic.section': openSection, 'topic.page': page },
};
