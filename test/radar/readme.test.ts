import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { radarFromText } from '../../src/radar/load.js';
import { knowledge, say } from '../support.js';
import { MODIFIED } from './support.js';

/** The README's two radar examples are real radars: they read, and match as the README says. */

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Your technology radar'));
const block = (lang: string): string => {
  const m = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section);
  if (m === null) throw new Error(`no ${lang} example in the README's radar section`);
  return m[1];
};
const read = (text: string, file: string) => {
  const radar = radarFromText(text, file, MODIFIED, knowledge());
  if (!radar.ok) throw new Error(say(radar.error));
  return radar.value;
};

describe('the README’s radar examples', () => {
  it('the Backstage JSON: the sidecar on hold by its latest snapshot, Docker Engine as C by its operator field', () => {
    const radar = read(block('json'), 'radar.json');
    expect(radar.stamp.version).toBe('2026-Q1');
    expect(radar.marks.map((m) => [m.title, m.ring, m.operators])).toEqual([
      ['Istio sidecar', 'hold', ['M']],
      ['Docker Engine', 'adopt', ['C']],
    ]);
  });

  it('the BYOR CSV: quoted commas, an HTML link, Kata Containers naming every Kata operator', () => {
    const radar = read(block('csv'), 'radar.csv');
    expect(radar.marks.map((m) => [m.title, m.ring, m.operators])).toEqual([
      ['Istio Ambient', 'adopt', ['Am']],
      ['Istio sidecar', 'trial', ['M']],
      ['Kata Containers', 'hold', ['V', 'Kc', 'F']],
      ['Docker Engine', 'adopt', ['C']],
    ]);
    expect(radar.marks[0].links).toEqual([{ url: 'https://wiki.example.com/adr/42', title: 'ADR 42' }]);
    expect(radar.stamp.version).toBe(`radar.csv@${MODIFIED.toISOString()}`);
  });
});
