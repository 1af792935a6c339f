import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests: it answers the methods the bot calls, records every call,
 * keeps posted messages so `conversations.replies` returns them (with metadata) as Slack would, serves response URLs,
 * and can be told to fail a method (HTTP 500, 429 with Retry-After, `ok: false`) or to hold it until released.
 */

export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization?: string;
}

export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

/** What Slack's OAuth gives a workspace (or an org) that installs the app with a given code. */
export interface Grant {
  readonly teamId?: string;
  readonly enterpriseId?: string;
  readonly isEnterpriseInstall?: boolean;
  readonly botToken: string;
  readonly botUserId: string;
  readonly userId: string;
  /** The installer's own user token (the install asked for user scopes), with those scopes. */
  readonly userToken?: string;
  readonly userScopes?: string;
  /** Token rotation on: the bot's (or the user's) token expires in `expiresIn` seconds and comes with a refresh token. */
  readonly botRotation?: Rotation;
  readonly userRotation?: Rotation;
}

export interface Rotation {
  readonly refreshToken: string;
  readonly expiresIn: number;
}

export type Fault =
  | { readonly status: 500 }
  | { readonly status: 429; readonly retryAfter: number }
  | { readonly error: string }
  | { readonly hold: Promise<void> };

interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly text?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly metadata?: unknown;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends objects (blocks, metadata, view) as JSON strings inside the form.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class FakeSlack {
  readonly botUserId = 'UBOT';
  readonly botId = 'BBOT';
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** File contents posted to the upload URLs that files.getUploadURLExternal handed out, by file id. */
  readonly uploads = new Map<string, string>();
  /** Each user's Slack locale, as users.info reports it with include_locale (en-US when not set). */
  readonly locales = new Map<string, string>();
  /** OAuth codes oauth.v2.access accepts, and what each installs. */
  readonly grants = new Map<string, Grant>();
  /** Who each bot token is, for auth.test (the default bot of T0001 for any other token). */
  readonly identities = new Map<
    string,
    { team_id?: string; enterprise_id?: string; user_id: string; bot_id: string }
  >();
  /** Where apps.connections.open sends the Socket Mode client. */
  socketUrl = 'ws://127.0.0.1:1/';
  private readonly faults = new Map<string, Fault[]>();
  /** Refresh tokens already spent: Slack's are single-use. */
  private readonly spentRefreshTokens = new Set<string>();
  /** Refresh tokens that belong to user tokens (a refresh answers token_type user for them). */
  private readonly userRefreshTokens = new Set<string>();
  private userRefreshes = 0;
  private readonly messages: StoredMessage[] = [];
  private server: Server | undefined;
  private port = 0;
  private clock = 1_700_000_000;

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Web API base URL to give the app as SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response URL served by this fake; what is posted to it lands in `responses` under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  /** The next calls to `method` (or to response URLs, as `respond`) meet these faults, one call each. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** Holds the next call to `method` until the returned function is called. */
  hold(method: string): () => void {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.failNext(method, { hold: held });
    return release;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): Record<string, unknown>[] {
    return this.responses.filter((r) => r.id === id).map((r) => r.body);
  }

  /** A message someone else posted, so that it is in the channel's history. */
  addMessage(message: StoredMessage): void {
    this.messages.push(message);
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.faults.clear();
    this.spentRefreshTokens.clear();
  }

  /** The next message timestamp: one clock for the bot's messages and the test's, as in a real channel. */
  nextTs(): string {
    this.clock += 1;
    return `${this.clock}.000100`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const upload = url.pathname.match(/^\/upload\/(F\w+)$/);
    if (upload) {
      this.uploads.set(upload[1], raw);
      res.writeHead(200).end('OK');
      return;
    }
    const args = parseBody(raw, req.headers['content-type']);
    const respond = url.pathname.match(/^\/respond\/(.+)$/);
    const api = url.pathname.match(/^\/api\/(.+)$/);
    const method = respond ? 'respond' : api ? api[1] : undefined;
    if (method === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (respond) this.responses.push({ id: respond[1], body: args });
    else this.calls.push({ method, args, authorization: req.headers.authorization });

    const fault = this.faults.get(method)?.shift();
    if (fault !== undefined && 'hold' in fault) await fault.hold;
    if (fault !== undefined && 'status' in fault) {
      const headers: Record<string, string> = fault.status === 429 ? { 'Retry-After': String(fault.retryAfter) } : {};
      res.writeHead(fault.status, headers).end('{"ok":false}');
      return;
    }
    const reply =
      fault !== undefined && 'error' in fault
        ? { ok: false, error: fault.error }
        : this.answer(method, args, req.headers.authorization);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply));
  }

  private answer(method: string, args: Record<string, unknown>, authorization?: string): Record<string, unknown> {
    switch (method) {
      case 'respond':
        return { ok: true };
      case 'auth.test': {
        const token = (authorization ?? '').replace(/^Bearer /, '') || String(args.token ?? '');
        const known = this.identities.get(token);
        if (known !== undefined) return { ok: true, user: 'stack-advisor', ...known };
        return { ok: true, user_id: this.botUserId, bot_id: this.botId, team_id: 'T0001', user: 'stack-advisor' };
      }
      case 'oauth.v2.access': {
        if (args.grant_type === 'refresh_token') {
          const spent = String(args.refresh_token);
          if (this.spentRefreshTokens.has(spent)) return { ok: false, error: 'invalid_refresh_token' };
          this.spentRefreshTokens.add(spent);
          if (this.userRefreshTokens.has(spent)) {
            this.userRefreshes += 1;
            const refreshToken = `xoxe-1-user-${this.userRefreshes}`;
            this.userRefreshTokens.add(refreshToken);
            return {
              ok: true,
              access_token: `xoxe.xoxp-${this.userRefreshes}`,
              refresh_token: refreshToken,
              expires_in: 43_200,
              token_type: 'user',
            };
          }
          const n = this.callsTo('oauth.v2.access').length;
          return {
            ok: true,
            access_token: `xoxe.xoxb-${n}`,
            refresh_token: `xoxe-1-${n}`,
            expires_in: 43_200,
            token_type: 'bot',
          };
        }
        const grant = this.grants.get(String(args.code));
        if (grant === undefined) return { ok: false, error: 'invalid_code' };
        this.identities.set(grant.botToken, {
          ...(grant.teamId === undefined ? {} : { team_id: grant.teamId }),
          ...(grant.enterpriseId === undefined ? {} : { enterprise_id: grant.enterpriseId }),
          user_id: grant.botUserId,
          bot_id: `B${grant.botUserId}`,
        });
        if (grant.userRotation !== undefined) this.userRefreshTokens.add(grant.userRotation.refreshToken);
        return {
          ok: true,
          app_id: 'A0STACK',
          authed_user: {
            id: grant.userId,
            ...(grant.userToken === undefined
              ? {}
              : { access_token: grant.userToken, scope: grant.userScopes ?? 'identify', token_type: 'user' }),
            ...(grant.userRotation === undefined
              ? {}
              : { refresh_token: grant.userRotation.refreshToken, expires_in: grant.userRotation.expiresIn }),
          },
          ...(grant.botRotation === undefined
            ? {}
            : { refresh_token: grant.botRotation.refreshToken, expires_in: grant.botRotation.expiresIn }),
          scope: 'commands,chat:write',
          token_type: 'bot',
          access_token: grant.botToken,
          bot_user_id: grant.botUserId,
          team: grant.teamId === undefined ? null : { id: grant.teamId, name: grant.teamId.toLowerCase() },
          enterprise: grant.enterpriseId === undefined ? null : { id: grant.enterpriseId, name: 'org' },
          is_enterprise_install: grant.isEnterpriseInstall === true,
        };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${String(this.uploads.size + this.calls.length).padStart(6, '0')}`;
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId };
      }
      case 'users.info': {
        const user = String(args.user);
        const locale = String(args.include_locale) === 'true' ? { locale: this.locales.get(user) ?? 'en-US' } : {};
        return { ok: true, user: { id: user, name: user.toLowerCase(), ...locale } };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: String(args.channel),
          permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage': {
        const message: StoredMessage = {
          channel: String(args.channel),
          ts: this.nextTs(),
          ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
          text: String(args.text ?? ''),
          user: this.botUserId,
          bot_id: this.botId,
          ...(args.metadata === undefined ? {} : { metadata: args.metadata }),
        };
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message };
      }
      case 'conversations.replies': {
        const thread = String(args.ts);
        const withMetadata = String(args.include_all_metadata) === 'true';
        const messages = this.messages
          .filter((m) => m.channel === args.channel && (m.ts === thread || m.thread_ts === thread))
          .sort((a, b) => Number(a.ts) - Number(b.ts))
          .map(({ metadata, ...m }) => (withMetadata && metadata !== undefined ? { ...m, metadata } : m));
        return messages.length === 0
          ? { ok: false, error: 'thread_not_found' }
          : { ok: true, messages, has_more: false };
      }
      default:
        return { ok: true };
    }
  }
}
