import { copyFileSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Advisor } from '../../src/advisor/advisor.js';
import type { RadarBook } from '../../src/radar/book.js';
import { loadRadar, radarFromText } from '../../src/radar/load.js';
import { knowledge, say } from '../support.js';

/** The radar fixtures: a Backstage Tech Radar JSON and a Build-Your-Own-Radar CSV, as platform teams write them. */
export const BACKSTAGE = fileURLToPath(new URL('../fixtures/radar/backstage-radar.json', import.meta.url));
export const BYOR = fileURLToPath(new URL('../fixtures/radar/byor-radar.csv', import.meta.url));

/** A fixed modification time, so that a radar without a `version` field has a stable one. */
export const MODIFIED = new Date('2026-02-03T04:05:06.000Z');

/** A copy of a fixture (or of text) in a fresh folder, modified at MODIFIED. */
export function radarFile(fixtureOrText: string, name?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-radar-'));
  const isPath = fixtureOrText === BACKSTAGE || fixtureOrText === BYOR;
  const file = join(dir, name ?? (isPath ? (fixtureOrText.split('/').pop() ?? 'radar') : 'radar.csv'));
  if (isPath) copyFileSync(fixtureOrText, file);
  else writeFileSync(file, fixtureOrText);
  utimesSync(file, MODIFIED, MODIFIED);
  return file;
}

/** A radar read from a file, matched to the built-in knowledge base; a failure is a test failure. */
export function radarOf(file: string): RadarBook {
  const radar = loadRadar(file, knowledge());
  if (!radar.ok) throw new Error(say(radar.error));
  return radar.value;
}

/** A radar from CSV text (BYOR), matched to the built-in knowledge base. */
export function csvRadar(text: string): RadarBook {
  const radar = radarFromText(text, 'radar.csv', MODIFIED, knowledge());
  if (!radar.ok) throw new Error(say(radar.error));
  return radar.value;
}

/** The advisor over the built-in knowledge base, following `radar`. */
export function advisorWith(radar: RadarBook): Advisor {
  return new Advisor(knowledge(), radar);
}
