import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.js';

/** Requests as Slack sends them to `POST /slack/events`, signed exactly as Slack signs them. */

export const SIGNING_SECRET = '8f742231b10e8888abcd99a0b1c2d3e4';

export interface Signing {
  readonly secret?: string;
  /** Seconds since the epoch; Slack's is "now", a replayed request's is older. */
  readonly timestamp?: number;
  /** Overrides the computed signature (a forgery). */
  readonly signature?: string;
}

/** `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function signedHeaders(body: string, contentType: string, signing: Signing = {}): Record<string, string> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signing.signature ?? signature(signing.secret ?? SIGNING_SECRET, timestamp, body),
  };
}

export interface Sent {
  readonly status: number;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: Record<string, unknown> | undefined;
}

export async function send(
  url: string,
  body: string,
  contentType: string,
  signing: Signing = {},
  extraHeaders: Record<string, string> = {},
): Promise<Sent> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...signedHeaders(body, contentType, signing), ...extraHeaders },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

let triggerCounter = 0;

/** Slack gives every command and button press a trigger id of its own; the bot recognises replays by it. */
const triggerId = () => `1337.${++triggerCounter}.${Date.now().toString(16)}`;

/** A `/stack` invocation as Slack posts it (form-encoded). */
export function commandBody(text: string, responseUrl: string, userId = 'U0ASKER'): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: 'C0DESIGN',
    channel_name: 'design-review',
    user_id: userId,
    user_name: 'asker',
    command: '/stack',
    text,
    api_app_id: 'A0STACK',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId(),
  }).toString();
}

let eventCounter = 0;

/** An Events API callback (JSON) wrapping `event`. */
export function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventCounter}${Date.now()}`): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0STACK',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** A button press (block_actions) as Slack posts it: form-encoded with the JSON in `payload`. */
export function buttonBody(
  actionId: string,
  value: string,
  responseUrl: string,
  container: { readonly threadTs?: string; readonly ephemeral?: boolean } = {},
): string {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0PRESSER', username: 'presser', name: 'presser', team_id: 'T0001' },
    api_app_id: 'A0STACK',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000200',
      channel_id: 'C0DESIGN',
      is_ephemeral: container.ephemeral ?? true,
    },
    trigger_id: triggerId(),
    team: { id: 'T0001', domain: 'example' },
    channel: { id: 'C0DESIGN', name: 'design-review' },
    ...(container.threadTs === undefined
      ? {}
      : { message: { type: 'message', ts: '1700000000.000300', thread_ts: container.threadTs, text: 'answer' } }),
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x', emoji: true },
        value,
        action_ts: '1700000000.000400',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An app_mention event by U0ASKER in #design-review, its message also put in the fake's channel history. */
export function mentionEvent(fake: FakeSlack, text: string, ts: string, threadTs?: string): Record<string, unknown> {
  fake.addMessage({ channel: 'C0DESIGN', ts, text, user: 'U0ASKER', ...(threadTs ? { thread_ts: threadTs } : {}) });
  return {
    type: 'app_mention',
    user: 'U0ASKER',
    text,
    ts,
    channel: 'C0DESIGN',
    event_ts: ts,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

/** A message shortcut (message_action) on `message` in #design-review, as Slack posts it: form-encoded JSON payload. */
export function messageShortcutBody(
  callbackId: string,
  message: Record<string, unknown>,
  responseUrl: string,
  userId = 'U0ASKER',
): string {
  const payload = {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: '1700000000.000500',
    team: { id: 'T0001', domain: 'example' },
    user: { id: userId, username: 'asker', name: 'asker', team_id: 'T0001' },
    channel: { id: 'C0DESIGN', name: 'design-review' },
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: triggerId(),
    response_url: responseUrl,
    message_ts: message.ts,
    message: { type: 'message', ...message },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A button press on a message posted in #design-review (not ephemeral), e.g. under an answer in a thread. */
export function threadButtonBody(
  actionId: string,
  value: string,
  responseUrl: string,
  message: { ts: string; thread_ts?: string },
): string {
  const payload = {
    type: 'block_actions',
    user: { id: 'U0PRESSER', username: 'presser', name: 'presser', team_id: 'T0001' },
    api_app_id: 'A0STACK',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: 'C0DESIGN', is_ephemeral: false },
    trigger_id: triggerId(),
    team: { id: 'T0001', domain: 'example' },
    channel: { id: 'C0DESIGN', name: 'design-review' },
    message: { type: 'message', text: 'answer', ...message },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x', emoji: true },
        value,
        action_ts: '1700000000.000400',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A global shortcut (composer or search) as Slack posts it. */
export function globalShortcutBody(callbackId: string, userId = 'U0ASKER'): string {
  const payload = {
    type: 'shortcut',
    token: 'deprecated-verification-token',
    action_ts: '1700000000.000600',
    team: { id: 'T0001', domain: 'example' },
    user: { id: userId, username: 'asker', team_id: 'T0001' },
    is_enterprise_install: false,
    callback_id: callbackId,
    trigger_id: triggerId(),
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A modal's submission (view_submission) with `values` as Slack sends them in `view.state.values`. */
export function viewSubmissionBody(
  callbackId: string,
  values: Record<string, Record<string, unknown>>,
  privateMetadata: string,
  userId = 'U0ASKER',
): string {
  const payload = {
    type: 'view_submission',
    team: { id: 'T0001', domain: 'example' },
    user: { id: userId, username: 'asker', name: 'asker', team_id: 'T0001' },
    api_app_id: 'A0STACK',
    token: 'deprecated-verification-token',
    trigger_id: triggerId(),
    view: {
      id: 'V0FORM',
      team_id: 'T0001',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      blocks: [],
      state: { values },
      hash: '1700000000.abcd',
      app_id: 'A0STACK',
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
