/** Application command registry: bulk overwrite (PUT), create (POST), edit (PATCH), delete, list. */
import { snowflake } from './snowflake.js';

export interface StoredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  type: number;
  name: string;
  description: string;
  options?: unknown[];
  default_member_permissions: string | null;
  [key: string]: unknown;
}

export class CommandRegistry {
  global: StoredCommand[] = [];
  guild: Record<string, StoredCommand[]> = {};

  constructor(private readonly applicationId: () => string) {}

  list(guildId?: string): StoredCommand[] {
    return guildId ? (this.guild[guildId] ??= []) : this.global;
  }

  /** Bulk overwrite: commands keep their id when a command of the same name and type existed. */
  overwrite(bodies: Array<Record<string, unknown>>, guildId?: string): StoredCommand[] {
    const before = this.list(guildId);
    const next = bodies.map((b) => {
      const prev = before.find((c) => c.name === b.name && c.type === (b.type ?? 1));
      return this.make(b, guildId, prev?.id);
    });
    if (guildId) this.guild[guildId] = next;
    else this.global = next;
    return next;
  }

  create(body: Record<string, unknown>, guildId?: string): StoredCommand {
    const list = this.list(guildId);
    const i = list.findIndex((c) => c.name === body.name && c.type === (body.type ?? 1));
    const cmd = this.make(body, guildId, i >= 0 ? list[i]?.id : undefined);
    if (i >= 0) list[i] = cmd;
    else list.push(cmd);
    return cmd;
  }

  edit(id: string, body: Record<string, unknown>, guildId?: string): StoredCommand | undefined {
    const list = this.list(guildId);
    const i = list.findIndex((c) => c.id === id);
    const cur = list[i];
    if (!cur) return undefined;
    const cmd = this.make({ ...cur, ...body }, guildId, id);
    list[i] = cmd;
    return cmd;
  }

  remove(id: string, guildId?: string): boolean {
    const list = this.list(guildId);
    const i = list.findIndex((c) => c.id === id);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  find(name: string, guildId?: string): StoredCommand | undefined {
    const isChat = (c: StoredCommand) => c.name === name && c.type === 1;
    return (guildId ? this.guild[guildId]?.find(isChat) : undefined) ?? this.global.find(isChat);
  }

  private make(b: Record<string, unknown>, guildId: string | undefined, id?: string): StoredCommand {
    const dmp = b.default_member_permissions;
    return {
      ...structuredClone(b),
      id: id ?? snowflake(),
      application_id: this.applicationId(),
      ...(guildId ? { guild_id: guildId } : {}),
      version: snowflake(),
      type: typeof b.type === 'number' ? b.type : 1,
      name: String(b.name),
      description: typeof b.description === 'string' ? b.description : '',
      default_member_permissions: dmp === undefined || dmp === null ? null : String(dmp),
      dm_permission: b.dm_permission ?? true,
      contexts: b.contexts ?? null,
      integration_types: b.integration_types ?? [0],
      nsfw: b.nsfw ?? false,
    };
  }
}
