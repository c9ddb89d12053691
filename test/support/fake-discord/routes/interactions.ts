import { ApplicationCommandType, InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import type { Router } from '../router.js';
import type { FakeDiscordState, InteractionRecord, RecordedCallback, RecordedFile } from '../state.js';
import type { FakeMessage, Json } from '../payloads.js';
import { DiscordApiError, invalidFormBody, unknown } from '../errors.js';
import { validateAutocompleteChoices } from '../validate.js';

/** Interaction callbacks and the interaction webhook (edit original, follow-ups). */
export function addInteractionRoutes(router: Router, state: FakeDiscordState): void {
  const isEphemeral = (message: FakeMessage) => ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const echo = (change: 'create' | 'update' | 'delete', message: FakeMessage) => {
    if (!isEphemeral(message)) state.onBotMessageChange(change, message);
  };

  /** A message created by the interaction webhook: the response or a follow-up. */
  const responseMessage = (record: InteractionRecord, body: Json, files: RecordedFile[], overrides: Partial<FakeMessage>): FakeMessage => {
    const payload = record.payload;
    const user = (payload.user ?? (payload.member as Json | undefined)?.user) as FakeMessage['author'];
    const data = payload.data as Json | undefined;
    return state.buildBotMessage(payload.channel_id as string, body, files, {
      webhook_id: state.options.applicationId,
      application_id: state.options.applicationId,
      interaction_metadata: {
        id: payload.id as string,
        type: payload.type as InteractionType.ApplicationCommand,
        user,
        authorizing_integration_owners: {},
        ...(data?.name !== undefined ? { name: data.name as string } : {}),
        ...(data?.type !== undefined ? { command_type: data.type as ApplicationCommandType.ChatInput } : {}),
      },
      ...overrides,
    });
  };

  const originalType = (record: InteractionRecord): MessageType => {
    if (record.payload.type !== InteractionType.ApplicationCommand) return MessageType.Default;
    const data = record.payload.data as Json;
    return data.type === ApplicationCommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
  };

  const respond = (record: InteractionRecord, type: number, data: Json | undefined, files: RecordedFile[]): void => {
    const interactionType = record.payload.type as InteractionType;
    const isComponent = interactionType === InteractionType.MessageComponent;
    switch (type) {
      case InteractionResponseType.Pong:
      case InteractionResponseType.Modal:
        return;
      case InteractionResponseType.ChannelMessageWithSource: {
        record.original = state.addMessage(responseMessage(record, data ?? {}, files, { type: originalType(record) }));
        echo('create', record.original);
        return;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = MessageFlags.Loading | (((data?.flags as number | undefined) ?? 0) & MessageFlags.Ephemeral);
        record.original = state.addMessage(responseMessage(record, {}, [], { type: originalType(record), flags }));
        echo('create', record.original);
        return;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (!isComponent || !record.sourceMessage) {
          throw new DiscordApiError(400, 40043, 'This interaction type does not support this response type');
        }
        record.original = record.sourceMessage;
        if (type === InteractionResponseType.UpdateMessage) {
          state.editMessage(record.sourceMessage, data ?? {}, files);
          echo('update', record.sourceMessage);
        }
        return;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (interactionType !== InteractionType.ApplicationCommandAutocomplete) {
          throw new DiscordApiError(400, 40043, 'This interaction type does not support this response type');
        }
        const errors = validateAutocompleteChoices(data);
        if (errors.length > 0) throw invalidFormBody(errors);
        return;
      }
      default:
        throw invalidFormBody([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${Object.values(InteractionResponseType).filter((value) => typeof value === 'number').join(', ')}.` }]);
    }
  };

  router.add('POST /interactions/:interactionId/:token/callback', ({ params, query, body, json }) => {
    const record = state.interactions.get(params.interactionId as string);
    if (!record || record.payload.token !== params.token) throw unknown(10062, 'Unknown interaction');
    const callback: RecordedCallback = {
      type: json.type as number,
      data: json.data as Json | undefined,
      elapsedMs: state.elapsedSince(record),
      withResponse: query.get('with_response') === 'true',
      status: 0,
    };
    record.callbacks.push(callback);
    try {
      if (record.callbacks.some((earlier) => earlier !== callback && earlier.status < 300)) {
        throw new DiscordApiError(400, 40060, 'Interaction has already been acknowledged.');
      }
      if (callback.elapsedMs > state.options.interactionTimeoutMs) throw unknown(10062, 'Unknown interaction');
      respond(record, callback.type, callback.data, body.files);
      callback.status = callback.withResponse ? 200 : 204;
    } catch (error) {
      callback.status = error instanceof DiscordApiError ? error.status : 500;
      throw error;
    } finally {
      state.waiters.notify();
    }
    if (!callback.withResponse) return { status: 204 };
    const message = record.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: record.payload.id,
          type: record.payload.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: message ? ((message.flags ?? 0) & MessageFlags.Loading) !== 0 : null,
          response_message_ephemeral: message ? isEphemeral(message) : null,
        },
        resource: { type: callback.type, ...(message && callback.type !== InteractionResponseType.DeferredMessageUpdate ? { message } : {}) },
      },
    };
  });

  const acknowledged = (applicationId: string, token: string): InteractionRecord => {
    const record = state.interactionByToken(applicationId, token);
    if (!record.callbacks.some((callback) => callback.status > 0 && callback.status < 300)) {
      throw unknown(10015, 'Unknown Webhook');
    }
    return record;
  };
  const webhookMessage = (record: InteractionRecord, messageId: string): FakeMessage => {
    const message =
      messageId === '@original' ? record.original : [record.original, ...record.followups].find((candidate) => candidate?.id === messageId);
    if (!message) throw unknown(10008, 'Unknown Message');
    return message;
  };

  router
    .add('POST /webhooks/:applicationId/:token', ({ params, query, body, json }) => {
      const record = acknowledged(params.applicationId as string, params.token as string);
      const message = state.addMessage(responseMessage(record, json, body.files, {}));
      record.followups.push(message);
      echo('create', message);
      state.waiters.notify();
      return query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
    })
    .add('GET /webhooks/:applicationId/:token/messages/:messageId', ({ params }) => {
      const record = acknowledged(params.applicationId as string, params.token as string);
      return { status: 200, body: webhookMessage(record, params.messageId as string) };
    })
    .add('PATCH /webhooks/:applicationId/:token/messages/:messageId', ({ params, body, json }) => {
      const record = acknowledged(params.applicationId as string, params.token as string);
      const message = webhookMessage(record, params.messageId as string);
      state.editMessage(message, json, body.files);
      echo('update', message);
      return { status: 200, body: message };
    })
    .add('DELETE /webhooks/:applicationId/:token/messages/:messageId', ({ params }) => {
      const record = acknowledged(params.applicationId as string, params.token as string);
      const message = webhookMessage(record, params.messageId as string);
      state.deleteMessage(message);
      if (record.original === message) record.original = undefined;
      record.followups = record.followups.filter((followup) => followup !== message);
      echo('delete', message);
      return { status: 204 };
    });
}
