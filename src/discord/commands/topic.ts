import {
  MessageFlags,
  SlashCommandBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
} from 'discord.js';
import { isFolderId, isNoteId, topicTree } from '../../core/topic-tree.js';
import { matchNotesAndFolders, noteView, openTopic, readSection } from '../../core/topics.js';
import type { BotContext, CommandModule } from '../context.js';
import { onComponent, type ComponentHandler } from '../custom-id.js';
import { limits, truncate } from '../limits.js';
import { sectionEmbed } from '../render/embeds.js';
import { excerptMarkdown, markdownLayout } from '../../render/markdown-excerpt.js';
import { renderFolder, renderNotePage } from '../render/topic.js';
import { noPings, replyEphemeral } from '../respond.js';
import { topicFolderPageId, topicNotePageId, topicOpenId, topicSectionId, topicUpId } from './topic-ids.js';

const data = new SlashCommandBuilder()
  .setName('topic')
  .setDescription('Browse the study notes')
  .addStringOption((o) =>
    o
      .setName('name')
      .setDescription('A note or folder to open (leave empty to browse the folders)')
      .setAutocomplete(true)
      .setMaxLength(200),
  );

const gone = (what: 'note' | 'folder' | 'section') =>
  `That ${what} is no longer in the notes (they may have been edited or reloaded). Run \`/topic\` again.`;

const treeOf = (context: BotContext) => topicTree(context.knowledge.library);

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const name = interaction.options.getString('name')?.trim();
  const { library } = context.knowledge;
  if (!name) {
    await interaction.reply({ ...renderFolder(treeOf(context).root, 0), allowedMentions: noPings });
    return;
  }
  // Autocomplete sends a note or folder id; typed text is matched by name.
  const folder = treeOf(context).folder(name);
  if (folder) {
    await interaction.reply({ ...renderFolder(folder, 0), allowedMentions: noPings });
    return;
  }
  if (isFolderId(name)) return replyEphemeral(interaction, gone('folder'));
  const chosen = treeOf(context).note(name);
  if (!chosen && isNoteId(name)) return replyEphemeral(interaction, gone('note'));
  const view = chosen ? noteView(library, chosen) : openTopic(library, name);
  if (view.kind === 'not-found') {
    const hint = view.suggestions.length
      ? ` Did you mean: ${view.suggestions.map((s) => s.title).join(', ')}?`
      : ' Use `/topic` without a name to browse them all.';
    await replyEphemeral(interaction, truncate(`No note matches "${name}".${hint}`, limits.content));
    return;
  }
  await interaction.reply({ ...renderNotePage(view, 0), allowedMentions: noPings });
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const tree = treeOf(context);
  const typed = interaction.options.getFocused();
  const entries = matchNotesAndFolders(context.knowledge.library, typed, limits.autocompleteChoices);
  // The nearest folder says most; the whole path rarely fits in 100 characters.
  const within = (path: string[], title: string | undefined) =>
    title ? ` · ${path.length ? '… › ' : ''}${title}` : '';
  await interaction.respond(
    entries.map((entry) => {
      if (entry.kind === 'folder') {
        const { folder } = entry;
        const parent = folder.parentId ? tree.folder(folder.parentId) : undefined;
        const where = parent?.route ? within(parent.path, parent.title) : '';
        const name = `📁 ${folder.title} (${folder.notes} notes)${where}`;
        return { name: truncate(name, limits.choiceName), value: folder.id };
      }
      const folder = tree.folderOf(entry.note);
      const where = folder.route ? within(folder.path, folder.title) : '';
      return { name: truncate(`${entry.note.title}${where}`, limits.choiceName), value: tree.noteId(entry.note) };
    }),
  );
}

/**
 * Shows a step of browsing. A private (ephemeral) message changes in place; from a shared message,
 * opening a folder or note answers privately so one person's browsing does not change what the
 * channel sees, while paging (`inPlace`) turns the shared message's page as before.
 */
async function show(
  interaction: MessageComponentInteraction,
  message: ReturnType<typeof renderFolder>,
  inPlace = false,
): Promise<void> {
  if (inPlace || interaction.message.flags.has(MessageFlags.Ephemeral))
    await interaction.update({ ...message, allowedMentions: noPings });
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
}

const open: ComponentHandler<Record<string, never>> = async (interaction, _data, context) => {
  if (!interaction.isStringSelectMenu()) return;
  const id = interaction.values[0] ?? '';
  const tree = treeOf(context);
  const folder = tree.folder(id);
  if (folder) return show(interaction, renderFolder(folder, 0));
  const note = tree.note(id);
  if (!note) return replyEphemeral(interaction, gone(id.startsWith('f') ? 'folder' : 'note'));
  await show(interaction, renderNotePage(noteView(context.knowledge.library, note), 0));
};

const folderPage: ComponentHandler<{ id: string; page: number }> = async (interaction, { id, page }, context) => {
  const folder = treeOf(context).folder(id);
  if (!folder) return replyEphemeral(interaction, gone('folder'));
  await show(interaction, renderFolder(folder, page), true);
};

const up: ComponentHandler<{ id: string }> = async (interaction, { id }, context) => {
  const folder = treeOf(context).folder(id);
  if (!folder) return replyEphemeral(interaction, gone('folder'));
  await show(interaction, renderFolder(folder, 0));
};

const notePage: ComponentHandler<{ id: string; page: number }> = async (interaction, { id, page }, context) => {
  const note = treeOf(context).note(id);
  if (!note) return replyEphemeral(interaction, gone('note'));
  await show(interaction, renderNotePage(noteView(context.knowledge.library, note), page), true);
};

const openSection: ComponentHandler<Record<string, never>> = async (interaction, _data, context) => {
  if (!interaction.isStringSelectMenu()) return;
  const value = interaction.values[0] ?? '';
  // From /topic a section key; from /ask's "did you mean" menu a section id.
  const section = treeOf(context).section(value) ?? context.knowledge.sectionById.get(value);
  if (!section) return replyEphemeral(interaction, gone('section'));
  await interaction.reply({
    embeds: [sectionEmbed(section, excerptMarkdown(readSection(context.knowledge.index, section, markdownLayout)))],
    flags: MessageFlags.Ephemeral,
    allowedMentions: noPings,
  });
};

export const topicCommand: CommandModule = {
  data,
  execute,
  autocomplete,
  components: [
    onComponent(topicOpenId, open),
    onComponent(topicFolderPageId, folderPage),
    onComponent(topicUpId, up),
    onComponent(topicNotePageId, notePage),
    onComponent(topicSectionId, openSection),
  ],
};
