import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayCloseCodes, GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { PRIVILEGED_INTENTS } from './options.js';
import { applicationFlags, guildCreatePayload, type Json } from './payloads.js';
import { shardForGuild } from './snowflake.js';
import type { FakeDiscordState } from './state.js';

/** An IDENTIFY (op 2) the stand-in received. */
export interface IdentifyRecord {
  token: string;
  intents: number;
  /** `[shardId, shardCount]`. */
  shard: [number, number];
  properties: Json;
  presence: Json | undefined;
  compress: boolean;
  /** Whether the stand-in accepted it (sent READY) or closed the socket (e.g. 4014). */
  accepted: boolean;
  /** Close code sent when not accepted. */
  closeCode: number | undefined;
}

/** A RESUME (op 6) the stand-in received. */
export interface ResumeRecord {
  sessionId: string;
  /** Last sequence number the client had seen. */
  seq: number;
  /** `'resumed'`: missed events replayed, RESUMED sent. `'invalid'`: answered INVALID_SESSION(false). */
  outcome: 'resumed' | 'invalid';
  /** How many missed dispatches were replayed. */
  replayed: number;
}

/** A gateway socket closing, by either side. */
export interface CloseRecord {
  code: number;
  by: 'client' | 'server';
}

/** A payload dispatched (op 0) as it went over the wire. */
export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  token: string;
  intents: number;
  shard: [number, number];
  sequence: number;
  /** Every dispatch of the session, for replay on RESUME. */
  log: DispatchPayload[];
  socket: WebSocket | null;
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
}

/** Close codes with which a client ends its session for good (others leave it resumable). */
const SESSION_ENDING_CLOSE_CODES = new Set([1000, 1001]);

/**
 * The gateway v10 (JSON encoding, no compression) of the stand-in: HELLO, IDENTIFY → READY and
 * GUILD_CREATE, heartbeat → ACK, RESUME with replay of missed dispatches, and server-side
 * RECONNECT, INVALID_SESSION and close codes on request.
 */
export class FakeGateway {
  /** Number of WebSocket connections opened. */
  connectionCount = 0;
  /** Heartbeats (op 1) received. */
  heartbeatCount = 0;
  /** READY dispatches sent. */
  readyCount = 0;
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly closes: CloseRecord[] = [];
  /** Every payload the client sent, in order (`{ op, d }`). */
  readonly received: Json[] = [];

  readonly #server = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<number, Session>();
  readonly #closedByServer = new WeakSet<WebSocket>();

  constructor(
    private readonly state: FakeDiscordState,
    private readonly resumeUrl: () => string,
  ) {}

  /** Takes over an HTTP upgrade request for the gateway path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, request));
  }

  /**
   * Dispatches event `t` to the session of the shard that owns `guildId` (shard 0 for DMs).
   * `build` gets that session's intents and returns the payload, or `null` when Discord would
   * not send it under those intents. Events for a disconnected session are kept and replayed
   * on RESUME. Returns the payload sent, or `null`. Throws when no session exists.
   */
  dispatch(t: string, guildId: string | undefined, build: (intents: number) => unknown): DispatchPayload | null {
    const session = [...this.#sessions.values()].find(
      (candidate) => candidate.shard[0] === (guildId ? shardForGuild(guildId, candidate.shard[1]) : 0),
    );
    if (!session) {
      throw new Error(`FakeDiscord: no gateway session to dispatch ${t} to; log the client in and await discord.waitForReady() first`);
    }
    const data = build(session.intents);
    return data === null ? null : this.#send(session, t, data);
  }

  /** Whether any session is identified (connected or awaiting RESUME). */
  hasSession(): boolean {
    return this.#sessions.size > 0;
  }

  /** Sends RECONNECT (op 7) on every live connection; the client should reconnect and RESUME. */
  requestReconnect(): void {
    this.#broadcast({ op: GatewayOpcodes.Reconnect, d: null });
  }

  /**
   * Sends INVALID_SESSION (op 9) with `d = resumable` on every live connection. When not
   * resumable, the sessions are forgotten first, so the client must IDENTIFY again.
   */
  invalidSession(resumable: boolean): void {
    if (!resumable) this.#sessions.clear();
    this.#broadcast({ op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Closes every live connection with `code` (e.g. 4000 → client resumes; 4004 → fatal). */
  closeConnections(code: number, reason = ''): void {
    for (const connection of this.#connections) this.#closeSocket(connection.socket, code, reason);
  }

  /** Drops every live connection without a close frame, as a network failure does (the client sees 1006). */
  dropConnections(): void {
    for (const connection of this.#connections) {
      this.closes.push({ code: 1006, by: 'server' });
      this.#closedByServer.add(connection.socket);
      connection.socket.terminate();
    }
  }

  /** Ends every connection and the WebSocket server. */
  async close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.connectionCount++;
    const connection: Connection = { socket, session: null };
    this.#connections.add(connection);
    socket.on('message', (data) => this.#onMessage(connection, data));
    socket.on('close', (code) => {
      this.#connections.delete(connection);
      const { session } = connection;
      if (session?.socket === socket) session.socket = null;
      if (!this.#closedByServer.has(socket)) {
        this.closes.push({ code, by: 'client' });
        if (session && SESSION_ENDING_CLOSE_CODES.has(code)) this.#forget(session);
      }
      this.state.waiters.notify();
    });
    socket.on('error', () => {});
    const url = new URL(request.url ?? '/', 'ws://127.0.0.1');
    if (url.searchParams.get('v') !== '10') {
      this.#closeSocket(socket, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      this.#closeSocket(socket, GatewayCloseCodes.DecodeError, 'FakeDiscord speaks encoding=json only');
      return;
    }
    this.#write(socket, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.state.options.heartbeatIntervalMs, _trace: ['["fake-discord-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
    this.state.waiters.notify();
  }

  #closeSocket(socket: WebSocket, code: number, reason: string): void {
    this.closes.push({ code, by: 'server' });
    this.#closedByServer.add(socket);
    socket.close(code, reason);
  }

  #forget(session: Session): void {
    for (const [shardId, candidate] of this.#sessions) {
      if (candidate === session) this.#sessions.delete(shardId);
    }
  }

  #onMessage(connection: Connection, data: RawData): void {
    let payload: Json;
    try {
      payload = JSON.parse(data.toString()) as Json;
    } catch {
      this.#closeSocket(connection.socket, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op: payload.op, d: payload.d });
    const d = (payload.d ?? {}) as Json;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeatCount++;
        this.#write(connection.socket, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        break;
      case GatewayOpcodes.Identify:
        this.#identify(connection, d);
        break;
      case GatewayOpcodes.Resume:
        this.#resume(connection, d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.session) this.#closeSocket(connection.socket, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        break;
      default:
        this.#closeSocket(connection.socket, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
    this.state.waiters.notify();
  }

  #identify(connection: Connection, d: Json): void {
    const { options } = this.state;
    const record: IdentifyRecord = {
      token: String(d.token),
      intents: Number(d.intents),
      shard: (d.shard as [number, number] | undefined) ?? [0, 1],
      properties: (d.properties as Json | undefined) ?? {},
      presence: d.presence as Json | undefined,
      compress: d.compress === true,
      accepted: false,
      closeCode: undefined,
    };
    this.identifies.push(record);
    const reject = (code: number, reason: string) => {
      record.closeCode = code;
      this.#closeSocket(connection.socket, code, reason);
    };
    if (connection.session) return reject(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (options.token !== '' && record.token !== options.token) {
      return reject(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    }
    if (!Number.isInteger(record.intents) || record.intents < 0 || record.intents >= 2 ** 26) {
      return reject(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    if (PRIVILEGED_INTENTS.some(({ bit, option }) => (record.intents & bit) !== 0 && !options[option])) {
      return reject(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
    }
    const [shardId, shardCount] = record.shard;
    if (!(shardCount >= 1 && shardId >= 0 && shardId < shardCount)) return reject(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
    record.accepted = true;
    const session: Session = {
      id: this.state.nextId().slice(-16).padStart(32, 'f'),
      token: record.token,
      intents: record.intents,
      shard: record.shard,
      sequence: 0,
      log: [],
      socket: connection.socket,
    };
    this.#sessions.set(shardId, session);
    connection.session = session;
    const guilds = options.guilds.filter((guild) => shardForGuild(guild.id, shardCount) === shardId);
    const joinedAt = new Date().toISOString();
    this.#send(session, 'READY', {
      v: 10,
      user: this.state.bot,
      user_settings: {},
      private_channels: [],
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      guild_join_requests: [],
      relationships: [],
      presences: [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.resumeUrl(),
      shard: record.shard,
      application: { id: options.applicationId, flags: applicationFlags(options) },
      geo_ordered_rtc_regions: [],
      auth_session_id_hash: '',
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    this.readyCount++;
    for (const guild of guilds) this.#send(session, 'GUILD_CREATE', guildCreatePayload(guild, this.state.bot, joinedAt));
  }

  #resume(connection: Connection, d: Json): void {
    const session = [...this.#sessions.values()].find((candidate) => candidate.id === d.session_id);
    const seq = Number(d.seq ?? 0);
    if (!session || d.token !== session.token || seq > session.sequence) {
      this.resumes.push({ sessionId: String(d.session_id), seq, outcome: 'invalid', replayed: 0 });
      this.#write(connection.socket, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    if (session.socket && session.socket !== connection.socket) this.#closeSocket(session.socket, 4000, 'Session resumed elsewhere');
    session.socket = connection.socket;
    connection.session = session;
    const missed = session.log.filter((payload) => payload.s > seq);
    for (const payload of missed) this.#write(connection.socket, payload);
    this.resumes.push({ sessionId: session.id, seq, outcome: 'resumed', replayed: missed.length });
    this.#send(session, 'RESUMED', { _trace: ['["fake-discord-gateway",{"micros":0}]'] });
  }

  #send(session: Session, t: string, d: unknown): DispatchPayload {
    const payload: DispatchPayload = { op: 0, t, s: ++session.sequence, d };
    session.log.push(payload);
    if (session.log.length > 1000) session.log.shift();
    if (session.socket) this.#write(session.socket, payload);
    return payload;
  }

  #broadcast(payload: Json): void {
    for (const connection of this.#connections) this.#write(connection.socket, { s: null, t: null, ...payload });
  }

  #write(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}
