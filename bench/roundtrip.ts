/**
 * Interaction round trip through the real discord.js client and the fake Discord on 127.0.0.1:
 * from the fake sending INTERACTION_CREATE to the callback arriving, for /ask and for a no-op.
 */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule } from '../src/discord/context.js';
import { startHarness } from '../tests/e2e/harness.js';
import { percentile } from './metrics.js';

const noop: CommandModule = {
  data: new SlashCommandBuilder().setName('noop').setDescription('replies at once'),
  execute: async (interaction) => {
    await interaction.reply({ content: 'ok', allowedMentions: { parse: [] } });
  },
};

const questions = [
  'what is a bucket',
  'how do lifecycle rules work',
  'spot capacity?',
  'ssh key pair for linux',
  'storage classes compared',
  'versioning old copies',
];
const h = await startHarness({ commands: [noop], env: { LOG_LEVEL: 'warn' } });
h.fake.commands.overwrite(
  [...h.fake.commands.list(h.fake.guild.id), noop.data.toJSON()] as unknown as Record<string, unknown>[],
  h.fake.guild.id,
);
const rows: string[] = [];
for (const [name, options] of [
  ['noop', () => ({})],
  ['ask', (i: number) => ({ question: questions[i % questions.length]! })],
] as const) {
  const times: number[] = [];
  for (let i = 0; i < 1100; i++) {
    const handle = h.fake.slashCommand({ name, options: options(i) });
    const callback = await handle.wait(5000);
    if (i >= 100) times.push(callback.latencyMs); // the first 100 warm up the JIT
  }
  times.sort((a, b) => a - b);
  rows.push(
    `| /${name} | ${times.length} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`,
  );
}
console.log('| interaction | n | median ms | p99 ms |\n|---|---:|---:|---:|');
console.log(rows.join('\n'));
if (h.fake.violations.length) console.log('violations:', h.fake.violations.slice(0, 5));
await h.stop();
