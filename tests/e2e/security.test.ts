import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/discord/context.js';
import { scrubSecrets } from '../../src/discord/logger.js';
import { startHarness, TOKEN, type Harness } from './harness.js';

// Edits a followup that does not exist: discord.js throws a DiscordAPIError whose url holds the interaction token.
const leaky: CommandModule = {
  data: new SlashCommandBuilder().setName('leaky').setDescription('fails on a REST call with a token in its url'),
  execute: async (interaction) => {
    await interaction.deferReply();
    await interaction.webhook.editMessage('123456789012345678', { content: 'x', allowedMentions: { parse: [] } });
  },
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('secrets never reach the logs', () => {
  it('scrubs interaction and webhook tokens from REST paths, and the bot token anywhere', () => {
    const line = `PATCH http://x/api/v10/webhooks/1234/aW50ZXJhY3Rpb246abc_DEF-1.x/messages/@original failed; POST /interactions/99/tok.en-1/callback; Bot ${TOKEN}`;
    const out = scrubSecrets(line, [TOKEN]);
    expect(out).toBe('PATCH http://x/api/v10/webhooks/1234/[redacted]/messages/@original failed; POST /interactions/99/[redacted]/callback; Bot [redacted]');
  });

  it('a failed REST call inside a handler logs its route but not the interaction token', async () => {
    h = await startHarness({ commands: [leaky] });
    h.fake.commands.overwrite([...h.fake.commands.list(h.fake.guild.id), leaky.data.toJSON()] as unknown as Record<string, unknown>[], h.fake.guild.id);
    const handle = h.fake.slashCommand({ name: 'leaky' });
    await handle.wait();
    const failed = await h.fake.waitFor(() => h!.logs.find((l) => l.msg === 'interaction failed'), 3000, 'the error log line');
    const text = h.logText();
    expect(JSON.stringify(failed)).toContain(`/webhooks/${h.fake.application.id}/[redacted]/messages/123456789012345678`);
    expect(text).not.toContain(handle.token);
    expect(text).not.toContain(TOKEN);
    // The user got the generic error message (it replaces the loading message), which carries no token either.
    const followup = await h.fake.waitFor(() => (h!.fake.originalOf(handle)?.content ? h!.fake.originalOf(handle) : undefined), 3000, 'the error followup');
    expect(followup.content).toMatch(/^Something went wrong on our side \(error id `[0-9a-f]{8}`\)/);
    expect(followup.content).not.toContain(handle.token);
    h.fake.takeViolations();
  });
});
