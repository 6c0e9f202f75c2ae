export { startFakeDiscord, FakeDiscord } from './fake-discord.js';
export type { FakeDiscordOptions, InteractionHandle, CallbackRecord } from './fake-discord.js';
export type { FakeMessage, Revision, FileInfo } from './message-store.js';
export type { RecordedRequest } from './rest.js';
export type { FakeUser, FakeMember, FakeGuild, FakeChannel, GuildConfig } from './entities.js';
export type {
  SlashCommandInput,
  AutocompleteInput,
  ComponentInput,
  SelectInput,
  OptionInput,
  RawOption,
} from './interactions.js';
export type { StoredCommand } from './commands.js';
export type { IdentifyRecord, ResumeRecord } from './gateway.js';
export { snowflake } from './snowflake.js';
export { EPHEMERAL, LOADING } from './message-store.js';
export { FaultPlan, type Fault, type ArmedFault } from './faults.js';
