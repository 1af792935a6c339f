import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpConfig, startHttpApp } from '../faults/running-bot.js';
import { advisorWith, BACKSTAGE, radarFile, radarOf } from '../radar/support.js';
import { homeProblems, messageProblems, visibleTexts } from '../render/block-kit-limits.js';
import { RecordingLogger } from '../slack/fake-bolt.js';
import { FakeSlack } from './fake-slack.js';
import { commandBody, FORM, JSON_TYPE, send } from './slack-requests.js';

/**
 * The real app in HTTP mode, following a Backstage radar that puts the Istio sidecar on hold, driven by requests
 * signed as Slack signs them: the answer and the App Home show the rings.
 */

const fake = new FakeSlack();
const logger = new RecordingLogger();
let app: App;
let base = '';
let events = '';

beforeAll(async () => {
  await fake.start();
  const advisor = advisorWith(radarOf(radarFile(BACKSTAGE)));
  ({ app, base, events } = await startHttpApp(httpConfig(fake), advisor, {
    logger,
    webClient: { retries: 1, timeoutMs: 5_000 },
  }));
});

afterAll(async () => {
  await app.stop();
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
  logger.clear();
});

const text = (payload: unknown): string => visibleTexts(payload).join('\n');

describe('HTTP mode with a radar', () => {
  it('/stack answers with the stack the radar leads to, the reason, and ring badges beside stack and alternatives', async () => {
    const res = await send(events, commandBody('fast and observable', fake.responseUrl('radar')), FORM);
    expect(res.status).toBe(200);
    const body = res.json ?? {};
    expect(messageProblems(body)).toEqual([]);
    const shown = text(body);
    expect(shown).toContain('Docker + Istio Ambient');
    expect(shown).toContain('*Radar:* `ADOPT` containerd · `TRIAL` Istio Ambient');
    expect(shown).toContain(
      '• Docker + Istio Ambient, because your radar puts Istio sidecar (‘Sidecar injection doubles pod memory',
    );
    // The alternatives carry their badges.
    expect(shown).toMatch(/\*Docker \+ WasmEdge\* `I∘C∘S∘W` `\(5▼-4▼-4▼\)` · `ADOPT` containerd · `ASSESS` WasmEdge/);
    // The footer says which radar.
    expect(shown).toContain('Radar `2026-Q1`');
  });

  it('naming the held technology keeps it, with a warning', async () => {
    const res = await send(
      events,
      commandBody('fast, observable, with the Istio sidecar', fake.responseUrl('r2')),
      FORM,
    );
    const shown = text(res.json ?? {});
    expect(shown).toContain('Docker + Istio Sidecar');
    expect(shown).toContain('`HOLD` Istio sidecar');
    expect(shown).toContain('⚠️ Warning: your radar puts Istio sidecar');
  });

  it('the App Home has "Your organisation\'s radar": on hold and adopted, with the radar’s own links', async () => {
    const body = JSON.stringify({
      token: 't',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: 'Ev0RADARHOME',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: 'U0RADAR', channel: 'D0DM', tab: 'home', event_ts: fake.nextTs() },
    });
    const res = await send(events, body, JSON_TYPE);
    expect(res.status).toBe(200);
    const view = await vi.waitFor(() => {
      const [call] = fake.callsTo('views.publish');
      if (call === undefined) throw new Error('not yet');
      return call.args;
    });
    expect(homeProblems(view.view)).toEqual([]);
    const shown = text(view.view);
    expect(shown).toContain("Your organisation's radar");
    expect(shown).toContain('On hold: not recommended unless a request names it');
    expect(shown).toContain(
      '`HOLD` Istio sidecar (hold): ‘Sidecar injection doubles pod memory and complicates upgrades; new services use Istio ambient mode.’ <https://wiki.acme.example/adr/0042-ambient-mesh|ADR 42: ambient mesh>',
    );
    expect(shown).toContain('Adopted: preferred when stacks (nearly) tie');
    expect(shown).toContain(
      '`ADOPT` OpenTelemetry (adopt): ‘The one way to emit traces and metrics.’ <https://opentelemetry.io/|OpenTelemetry>',
    );
    expect(shown).toContain('Radar `2026-Q1`');
    // Still the whole Home: the glossary and the examples after the radar.
    expect(shown).toContain('Operator glossary');
    expect(shown).toContain('Example questions');
  });

  it('GET /healthz names the radar beside the knowledge base', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ ok: true, knowledge: expect.any(String), radar: '2026-Q1' });
  });
});
