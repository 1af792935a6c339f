import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/slack/config.js';
import { say } from '../support.js';

const BOT = 'xoxb-1-abc';
const SECRET = '0123456789abcdef0123456789abcdef';

describe('loadConfig', () => {
  it('runs in HTTP mode with a signing secret, on port 3000 by default', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toEqual({
      ok: true,
      value: { mode: 'http', botToken: BOT, signingSecret: SECRET, port: 3000, logLevel: 'info', logFormat: 'json' },
    });
  });

  it('runs in Socket Mode when an app token is set, without needing a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config).toMatchObject({ ok: true, value: { mode: 'socket', appToken: 'xapp-1-abc' } });
  });

  it('reads every optional setting, and gives the API URL its trailing slash', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      PORT: '8080',
      SLACK_API_URL: 'https://slack-gov.com/api',
      KNOWLEDGE_PATH: './ours.yaml',
      LOG_LEVEL: 'DEBUG',
      LOG_FORMAT: 'Pretty',
    });
    expect(config).toMatchObject({
      ok: true,
      value: {
        port: 8080,
        slackApiUrl: 'https://slack-gov.com/api/',
        knowledgePath: './ours.yaml',
        logLevel: 'debug',
        logFormat: 'pretty',
      },
    });
  });

  it('treats blank values (KEY= in .env) as unset', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '', PORT: ' ' });
    expect(config).toMatchObject({ ok: true, value: { mode: 'http', port: 3000 } });
  });

  it.each([
    [{}, ['SLACK_BOT_TOKEN is missing', 'SLACK_SIGNING_SECRET is missing']],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: SECRET },
      ['SLACK_BOT_TOKEN does not look like a bot token'],
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong' },
      ['SLACK_APP_TOKEN does not look like an app-level token'],
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'zz top' },
      ['SLACK_SIGNING_SECRET does not look like a signing secret'],
    ],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '70000' }, ['PORT must be between 0 and 65535']],
    [{ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '3k' }, ['PORT must be a whole number']],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'slack.com' },
      ['SLACK_API_URL must be an http(s) URL'],
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'trace' },
      ['LOG_LEVEL is not a log level. It is optional; one of debug, info, warn, error'],
    ],
    [
      { SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LOG_FORMAT: 'text' },
      ['LOG_FORMAT is not a log format. It is optional; json (JSON lines, the default) or pretty'],
    ],
  ])('reports %j', (env, expected) => {
    const config = loadConfig(env);
    if (config.ok) throw new Error('expected a failure');
    expect(config.error.params.problems).toHaveLength(expected.length);
    const lines = say(config.error)
      .split('\n')
      .filter((l) => l.startsWith('  - '));
    expected.forEach((start, i) => {
      expect(lines[i]).toContain(start);
    });
    expect(say(config.error)).toContain('.env.example');
  });

  it('accepts any one-word signing secret (test and proxy set-ups do not use Slack hex)', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-3', SLACK_SIGNING_SECRET: 'test-secret' });
    expect(config.ok && config.value.mode).toBe('http');
  });

  it('says where to get each setting and never repeats a value', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxp-SECRET-VALUE', SLACK_SIGNING_SECRET: 'two words SECRET-TOO' });
    if (config.ok) throw new Error('expected a failure');
    expect(say(config.error)).toContain('OAuth & Permissions → Bot User OAuth Token');
    expect(say(config.error)).toContain('Basic Information → App Credentials → Signing Secret');
    expect(say(config.error)).not.toContain('SECRET-VALUE');
    expect(say(config.error)).not.toContain('SECRET-TOO');
  });

  it('HOST: the address to listen on, when given', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, HOST: '127.0.0.1' });
    expect(config).toMatchObject({ ok: true, value: { mode: 'http', host: '127.0.0.1' } });
    const bad = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, HOST: 'two words' });
    if (bad.ok) throw new Error('expected a failure');
    expect(bad.error.params.problems[0]).toEqual({ name: 'HOST', issue: 'not-host' });
    expect(say(bad.error)).toContain('HOST must be a host name or an IP address');
  });

  it('D13: refuses a SLACK_API_URL with a user name or password, without printing it', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: 'http://user:s3cretPW@127.0.0.1:39555/api/',
    });
    if (config.ok) throw new Error('expected a failure');
    expect(config.error.params.problems).toEqual([{ name: 'SLACK_API_URL', issue: 'url-credentials' }]);
    expect(say(config.error)).toContain('SLACK_API_URL must not contain a user name or password');
    expect(say(config.error)).not.toContain('s3cretPW');
    expect(JSON.stringify(config.error)).not.toContain('s3cretPW');
  });
});
