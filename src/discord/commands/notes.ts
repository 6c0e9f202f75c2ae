import { MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { NotesStatus, ReloadRecord } from '../../core/live-notes.js';
import type { BotContext, CommandModule } from '../context.js';
import { colours } from '../render/embeds.js';
import { noPings, replyEphemeral } from '../respond.js';

// Server admins only by default (Discord hides it from others); checked again here, because a
// server can hand the command to anyone in its integration settings.
const data = new SlashCommandBuilder()
  .setName('notes')
  .setDescription('The notes the bot answers from (admins)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) => s.setName('reload').setDescription('Reload the notes now'))
  .addSubcommand((s) => s.setName('status').setDescription('Which notes are in use, and how the last reload went'));

const stamp = (date: Date): string => `<t:${Math.floor(date.getTime() / 1000)}:f>`;
const clip = (lines: string[], max = 10): string =>
  lines
    .slice(0, max)
    .map((l) => `\`${l.replace(/`/g, "'").slice(0, 180)}\``)
    .join('\n') + (lines.length > max ? `\n… and ${lines.length - max} more` : '');

const outcomeText: Record<ReloadRecord['outcome'], string> = {
  swapped: 'Reloaded: the new notes are in use.',
  unchanged: 'Nothing changed since the notes in use were loaded.',
  'kept-old': 'Not reloaded: the new notes are worse, so the old ones stay in use.',
  failed: 'Not reloaded: something went wrong, so the old notes stay in use.',
};

function describeReload(record: ReloadRecord): string {
  const parsed = record.parsed ? ` · ${record.parsed} file(s) parsed` : '';
  const lines = [`${outcomeText[record.outcome]} (${record.trigger}, ${stamp(record.at)}, ${record.ms} ms${parsed})`];
  if (record.reason) lines.push(record.reason.slice(0, 300));
  if (record.problems.length) lines.push(clip(record.problems));
  return lines.join('\n');
}

function describeStatus(status: NotesStatus): string {
  const source = status.commit
    ? `commit \`${status.commit.slice(0, 12)}\`, loaded ${stamp(status.loadedAt)}`
    : `loaded ${stamp(status.loadedAt)}`;
  const lines = [
    `**In use:** ${source}`,
    `${status.notes} notes · ${status.sections} sections · ${status.quizQuestions} quiz questions · ${status.problems.length} problem(s)`,
  ];
  lines.push(
    status.lastReload
      ? `\n**Last reload:** ${describeReload(status.lastReload)}`
      : '\nNo reload since the bot started.',
  );
  return lines.join('\n').slice(0, 4000);
}

async function execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await replyEphemeral(interaction, 'Only members with the Manage Server permission can use `/notes`.');
    return;
  }
  const live = context.notes;
  if (!live) {
    await replyEphemeral(interaction, 'This bot was started without live notes, so they cannot be reloaded.');
    return;
  }
  if (interaction.options.getSubcommand() === 'status') {
    await interaction.reply({
      embeds: [{ title: 'Notes', description: describeStatus(live.getStatus()), color: colours.answer }],
      flags: MessageFlags.Ephemeral,
      allowedMentions: noPings,
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const record = await live.reload(`/notes reload by ${interaction.user.id}`);
  await interaction.editReply({
    embeds: [
      {
        title: 'Notes reload',
        description: describeReload(record).slice(0, 4000),
        color: record.outcome === 'swapped' || record.outcome === 'unchanged' ? colours.answer : colours.miss,
      },
    ],
    allowedMentions: noPings,
  });
}

export const notesCommand: CommandModule = { data, execute, answersPrivately: () => true };
