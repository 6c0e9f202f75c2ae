import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Config } from '../config.js';
import { commands } from './commands/index.js';

const commandDefinitions = () => commands.map((c) => c.data.toJSON());

/**
 * Registers every slash command with one bulk overwrite: per server (instant, for testing)
 * or globally (Discord may take a while to show changes everywhere).
 */
export async function deployCommands(config: Config, guildId?: string): Promise<{ scope: string; count: number }> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set: deploy-commands needs the bot token.');
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(config.DISCORD_TOKEN);
  const applicationId =
    config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const body = commandDefinitions();
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: guildId ? `server ${guildId}` : 'all servers (global)', count: result.length };
}
