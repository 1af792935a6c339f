import { readFileSync } from 'node:fs';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND } from '../../src/slack/listeners/commands/index.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { register as registerInstallationListeners } from '../../src/slack/listeners/installations/index.js';
import { ASK_ABOUT_MESSAGE } from '../../src/slack/listeners/shortcuts/ask-about-message.js';
import { OPEN_FORM_SHORTCUT } from '../../src/slack/listeners/shortcuts/open-form.js';
import { fakeServices } from './fake-bolt.js';

/** manifest.yml against Slack's own JSON Schema for app manifests (v1), copied into the fixtures. */

const schema = JSON.parse(readFileSync(new URL('../fixtures/manifest.schema.v1.json', import.meta.url), 'utf8'));
/** The parts of a manifest these tests read or change. */
interface Manifest {
  features: {
    slash_commands: { command: string; usage_hint?: string; url?: string }[];
    app_home: Record<string, boolean>;
    shortcuts?: { name: string; type: string; callback_id: string; description: string }[];
    agent_view?: { agent_description?: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
  };
}

const manifest = parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')) as Manifest;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile(schema);

const problems = (m: unknown): string[] =>
  validate(m) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

describe('manifest.yml', () => {
  it('is valid against Slack’s manifest schema', () => {
    expect(problems(manifest)).toEqual([]);
  });

  it('is still valid in the HTTP-mode form docs/SLACK_SETUP.md describes', () => {
    const url = 'https://stack-advisor.example.com/slack/events';
    const http = structuredClone(manifest);
    http.settings.socket_mode_enabled = false;
    http.settings.event_subscriptions.request_url = url;
    http.settings.interactivity.request_url = url;
    http.features.slash_commands[0].url = url;
    expect(problems(http)).toEqual([]);
  });

  it('would catch a broken manifest', () => {
    expect(problems({ ...manifest, display_information: { name: '' } })).not.toEqual([]);
  });

  it('declares what the bot uses: /stack, the events, the scopes, interactivity, the Home tab, Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0].usage_hint).toBeTruthy();
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message.im',
      'tokens_revoked',
    ]);
    for (const scope of [
      'commands',
      'chat:write',
      'app_mentions:read',
      'im:history',
      'channels:history',
      'groups:history',
      // the asker's language (users.info with include_locale)
      'users:read',
    ])
      expect(manifest.oauth_config.scopes.bot).toContain(scope);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('declares the message and global shortcuts the bot listens for, and would refuse one with too long a name', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: ASK_ABOUT_MESSAGE, name: 'Ask stack-advisor' }),
    );
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'global', callback_id: OPEN_FORM_SHORTCUT }),
    );
    // The Messages tab's suggested prompts: the agent messaging experience and its scope.
    expect(manifest.features.agent_view?.agent_description).toBeTruthy();
    expect(manifest.oauth_config.scopes.bot).toContain('assistant:write');
    const long = structuredClone(manifest);
    long.features.shortcuts = [
      { ...(manifest.features.shortcuts ?? [])[0], name: 'Ask stack-advisor about this message' },
    ];
    expect(problems(long)).not.toEqual([]);
  });

  it('subscribes to exactly the events the bot listens for, distributed mode included, and no other', () => {
    // An app that only records which events its listeners are registered for.
    const events: string[] = [];
    const recorder = new Proxy(
      {},
      {
        get:
          (_target, method) =>
          (...args: unknown[]) => {
            if (method === 'event') events.push(String(args[0]));
          },
      },
    ) as App;
    registerListeners(recorder, fakeServices());
    registerInstallationListeners(recorder, { revoke: async () => {} });
    // message.im arrives as a `message` event; the listener keeps the direct ones.
    const subscribed = manifest.settings.event_subscriptions.bot_events.map((e) => e.replace(/\..*$/, ''));
    expect([...new Set(events)].sort()).toEqual([...new Set(subscribed)].sort());
  });
});
