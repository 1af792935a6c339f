import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { PinoLogger, prettyLine, scrub, teamOf } from '../../src/slack/logging.js';
import { Metrics, requestKind } from '../../src/slack/metrics.js';
import { Readiness } from '../../src/slack/probes.js';

describe('requestKind', () => {
  it.each([
    [{ command: '/stack' }, 'command'],
    [{ type: 'event_callback', event: {} }, 'event'],
    [{ type: 'block_actions' }, 'action'],
    [{ type: 'view_submission' }, 'view'],
    [{ type: 'view_closed' }, 'view'],
    [{ type: 'shortcut' }, 'shortcut'],
    [{ type: 'message_action' }, 'shortcut'],
    [{ type: 'block_suggestion' }, 'options'],
    [{ type: 'something_new' }, 'other'],
  ])('%j is a %s', (body, kind) => {
    expect(requestKind(body)).toBe(kind);
  });
});

describe('Metrics', () => {
  it('counts answers of unknown stacks as other, so the label set stays bounded', async () => {
    const metrics = new Metrics(['wasm-edge']);
    metrics.answered('wasm-edge');
    metrics.answered('made-up-by-an-overlay');
    metrics.apiFailure('chat.postMessage; DROP', '<html>Login</html>');
    const text = await metrics.text();
    expect(text).toContain('stack_advisor_answers_total{stack="wasm-edge"} 1');
    expect(text).toContain('stack_advisor_answers_total{stack="other"} 1');
    expect(text).toContain('stack_advisor_slack_api_errors_total{method="other",error="other"} 1');
  });

  it('has a registry of its own per app', async () => {
    const a = new Metrics([]);
    const b = new Metrics([]);
    a.received('command');
    expect(await a.text()).toContain('stack_advisor_requests_total{kind="command"} 1');
    expect(await b.text()).toContain('stack_advisor_requests_total{kind="command"} 0');
  });

  it('keeps what is counted before prom-client is loaded, and counts on after it', async () => {
    const metrics = new Metrics(['wasm-edge']);
    metrics.received('command');
    metrics.acknowledged('command', performance.now() - 20);
    metrics.answered('wasm-edge');
    metrics.retried('chat.postMessage');
    const first = await metrics.text();
    expect(first).toContain('stack_advisor_requests_total{kind="command"} 1');
    expect(first).toContain('stack_advisor_ack_seconds_count{kind="command"} 1');
    expect(first).toContain('stack_advisor_ack_seconds_bucket{le="0.01",kind="command"} 0');
    expect(first).toContain('stack_advisor_ack_seconds_bucket{le="0.025",kind="command"} 1');
    expect(first).toContain('stack_advisor_answers_total{stack="wasm-edge"} 1');
    expect(first).toContain('stack_advisor_slack_api_retries_total{method="chat.postMessage"} 1');
    metrics.received('command');
    metrics.acknowledged('command', performance.now());
    metrics.answered('wasm-edge');
    const second = await metrics.text();
    expect(second).toContain('stack_advisor_requests_total{kind="command"} 2');
    expect(second).toContain('stack_advisor_ack_seconds_count{kind="command"} 2');
    expect(second).toContain('stack_advisor_answers_total{stack="wasm-edge"} 2');
  });

  it('keeps at most 100,000 counts waiting for prom-client, so a load that never comes cannot take the memory', async () => {
    const metrics = new Metrics([]);
    for (let i = 0; i < 100_050; i++) metrics.received('event');
    metrics.received('command');
    const text = await metrics.text();
    expect(text).toContain('stack_advisor_requests_total{kind="event"} 100000');
    expect(text).toContain('stack_advisor_requests_total{kind="command"} 0');
    metrics.received('command');
    expect(await metrics.text()).toContain('stack_advisor_requests_total{kind="command"} 1');
  });

  it('reads duplicates and the pool at scrape time', async () => {
    const metrics = new Metrics([]);
    const tally = { count: 0 };
    metrics.countDuplicates('event', tally);
    metrics.watchPool({ totalCount: 3, idleCount: 2, waitingCount: 1 });
    tally.count = 4;
    const text = await metrics.text();
    expect(text).toContain('stack_advisor_duplicate_deliveries_total{kind="event"} 4');
    expect(text).toContain('stack_advisor_db_pool_connections{state="waiting"} 1');
  });
});

describe('Readiness', () => {
  it('is starting, then ready, then not while the socket is down, then stopping', async () => {
    const readiness = new Readiness();
    expect(await readiness.check()).toBe('starting');
    readiness.markStarted();
    expect(await readiness.check()).toBeUndefined();
    readiness.socketConnected(false);
    expect(await readiness.check()).toBe('socket-disconnected');
    readiness.socketConnected(true);
    expect(await readiness.check()).toBeUndefined();
    readiness.markStopping();
    expect(await readiness.check()).toBe('stopping');
  });
});

describe('the log', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, destination: { write: (line: string) => lines.push(line) } };
  };

  it('scrubs the given secrets and anything shaped like a Slack token', () => {
    expect(scrub('token xoxb-1-abc-def and xapp-1-A0-xyz and xoxe.xoxp-1-zz, secret s3cr3t!', ['s3cr3t!'])).toBe(
      'token [redacted token] and [redacted token] and [redacted token], secret [redacted]',
    );
  });

  it('writes JSON lines at the level asked for, errors without the data a Web API error carries', () => {
    const { lines, destination } = capture();
    const logger = new PinoLogger({ level: 'info', format: 'json', secrets: ['hunter2-secret'], destination });
    logger.debug('not shown');
    logger.info('shown', { a: 1 });
    const error = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel', text: 'what the user wrote' },
    });
    logger.error('Could not post:', error, 'hunter2-secret');
    expect(lines).toHaveLength(2);
    const [info, failed] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(info).toMatchObject({ level: 'info', msg: 'shown {"a":1}' });
    expect(failed.level).toBe('error');
    expect(failed.msg).toBe(
      'Could not post: Error (slack_webapi_platform_error): An API error occurred: not_in_channel [redacted]',
    );
    expect(String(failed.stack)).toContain('Error: An API error occurred');
    expect(lines.join('')).not.toContain('what the user wrote');
    expect(logger.getLevel()).toBe('info');
    logger.setLevel(webApi.LogLevel.DEBUG);
    logger.debug('now shown');
    expect(lines).toHaveLength(3);
  });

  it('LOG_FORMAT=pretty: time, level, request and message on one readable line', () => {
    const { lines, destination } = capture();
    const logger = new PinoLogger({ level: 'info', format: 'pretty', secrets: [], destination });
    logger.warn('careful');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}careful\n$/);
    expect(
      prettyLine(
        '{"level":"info","time":"2026-11-29T12:04:05.123Z","request_id":"ab12-3","team":"T1","msg":"hi"}',
        false,
      ),
    ).toBe('12:04:05.123 INFO  [ab12-3 T1] hi\n');
  });

  it('finds the team of commands, events and interactions', () => {
    expect(teamOf({ team_id: 'T1' })).toBe('T1');
    expect(teamOf({ team: { id: 'T2' } })).toBe('T2');
    expect(teamOf({ event: { team: 'T3' } })).toBe('T3');
    expect(teamOf({ team: null, enterprise: { id: 'E1' } })).toBe('E1');
    expect(teamOf({})).toBeUndefined();
  });
});
