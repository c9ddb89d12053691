import type { RouteContext, Router } from '../router.js';
import type { FakeDiscordState } from '../state.js';
import type { Json } from '../payloads.js';
import { DiscordApiError, invalidFormBody, unknown } from '../errors.js';
import { validateCommand } from '../validate.js';

/** Application commands, global and per guild, stored so tests can assert what was registered. */
export function addCommandRoutes(router: Router, state: FakeDiscordState): void {
  const listFor = ({ params }: RouteContext): Json[] => {
    if (params.applicationId !== state.options.applicationId) throw new DiscordApiError(403, 50001, 'Missing Access');
    const guildId = params.guildId;
    if (guildId === undefined) return state.globalCommands;
    if (!state.options.guilds.some((guild) => guild.id === guildId)) throw new DiscordApiError(403, 50001, 'Missing Access');
    let list = state.guildCommands.get(guildId);
    if (!list) state.guildCommands.set(guildId, (list = []));
    return list;
  };
  const toStored = (body: Json, guildId: string | undefined, existing: Json | undefined): Json => ({
    type: 1,
    nsfw: false,
    default_member_permissions: null,
    ...body,
    id: existing?.id ?? state.nextId(),
    application_id: state.options.applicationId,
    version: state.nextId(),
    ...(guildId ? { guild_id: guildId } : {}),
  });
  const sameCommand = (a: Json, b: Json) => a.name === b.name && ((a.type as number | undefined) ?? 1) === ((b.type as number | undefined) ?? 1);
  const find = (list: Json[], commandId: string): Json => {
    const command = list.find((candidate) => candidate.id === commandId);
    if (!command) throw unknown(10063, 'Unknown application command');
    return command;
  };

  for (const prefix of ['/applications/:applicationId', '/applications/:applicationId/guilds/:guildId']) {
    router
      .add(`GET ${prefix}/commands`, (context) => ({ status: 200, body: listFor(context) }))
      .add(`PUT ${prefix}/commands`, (context) => {
        const list = listFor(context);
        const bodies = Array.isArray(context.body.json) ? (context.body.json as Json[]) : [];
        const errors = bodies.flatMap((body, index) => validateCommand(body, index));
        if (errors.length > 0) throw invalidFormBody(errors);
        const stored = bodies.map((body) => toStored(body, context.params.guildId, list.find((old) => sameCommand(old, body))));
        list.splice(0, list.length, ...stored);
        state.waiters.notify();
        return { status: 200, body: stored };
      })
      .add(`POST ${prefix}/commands`, (context) => {
        const list = listFor(context);
        const errors = validateCommand(context.json, 0).map((error) => ({ ...error, path: error.path.slice(1) }));
        if (errors.length > 0) throw invalidFormBody(errors);
        const index = list.findIndex((old) => sameCommand(old, context.json));
        const stored = toStored(context.json, context.params.guildId, list[index]);
        if (index >= 0) list[index] = stored;
        else list.push(stored);
        state.waiters.notify();
        return { status: index >= 0 ? 200 : 201, body: stored };
      })
      .add(`GET ${prefix}/commands/:commandId`, (context) => ({
        status: 200,
        body: find(listFor(context), context.params.commandId as string),
      }))
      .add(`PATCH ${prefix}/commands/:commandId`, (context) => {
        const list = listFor(context);
        const command = find(list, context.params.commandId as string);
        Object.assign(command, context.json, { version: state.nextId() });
        state.waiters.notify();
        return { status: 200, body: command };
      })
      .add(`DELETE ${prefix}/commands/:commandId`, (context) => {
        const list = listFor(context);
        list.splice(list.indexOf(find(list, context.params.commandId as string)), 1);
        state.waiters.notify();
        return { status: 204 };
      });
  }
}
