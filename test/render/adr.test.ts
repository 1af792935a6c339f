import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/advisor/answer.js';
import { adrFileName, adrMarkdown, slug } from '../../src/render/adr.js';
import { advisor } from '../support.js';
import { MADR_HEADINGS, parseMadr } from './madr.js';

const a = advisor();

function advice(text: string): Advice {
  const r = a.advise(text);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('the decision record (MADR 4.0)', () => {
  it('has the front matter and every section, in English, with the thread link and the deploy commands', () => {
    const adr = adrMarkdown(advice('edge, cold start < 10ms, memory < 50MB'), {
      status: 'proposed',
      date: '2026-11-20',
      decisionMakers: ['@asker'],
      permalink: 'https://example.slack.com/archives/C0DESIGN/p1700000000000100',
    });
    const doc = parseMadr(adr.markdown);
    expect(doc.front).toEqual({ status: 'proposed', date: '2026-11-20', 'decision-makers': ['@asker'] });
    expect(doc.title).toBe(adr.title);
    expect(doc.headings).toEqual(MADR_HEADINGS.en);
    expect(doc.sections.get('Context and Problem Statement')).toContain('> edge, cold start < 10ms, memory < 50MB');
    expect(doc.sections.get('Context and Problem Statement')).toContain('/archives/C0DESIGN/p1700000000000100');
    expect(doc.sections.get('Decision Drivers')).toContain('cold start < 10 ms');
    expect(doc.sections.get('Considered Options')).toMatch(/Docker \+ WasmEdge .*I∘C∘S∘W.*recommended/);
    expect(doc.sections.get('Decision Outcome')).toContain('Chosen option: Docker + WasmEdge');
    expect(doc.sections.get('Consequences')).toMatch(/^\* Good, because /m);
    expect(doc.codeBlocks.join('\n')).toContain('docker build -t myapp:wasm .');
    expect(doc.sections.get('More Information')).toContain(a.version);
  });

  it('is whole in Chinese for a Chinese answer, headings included', () => {
    const r = a.advise('强隔离+合规，多租户');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.language).toBe('zh');
    const adr = adrMarkdown(r.value, { status: 'accepted', date: '2026-11-20' });
    const doc = parseMadr(adr.markdown);
    expect(doc.front).toEqual({ status: 'accepted', date: '2026-11-20' });
    expect(doc.headings).toEqual(MADR_HEADINGS.zh);
    expect(doc.title).toContain('采用');
    expect(doc.sections.get('决策结果')).toContain('选定方案');
  });

  it('keeps a given title, and a request with front-matter look-alikes stays inside its quote', () => {
    const adr = adrMarkdown(advice('edge\n---\nstatus: hacked\n# Heading'), {
      title: 'Edge runtime\nfor shop',
      status: 'proposed',
      date: '2026-11-20',
    });
    const doc = parseMadr(adr.markdown);
    expect(doc.title).toBe('Edge runtime for shop');
    expect(doc.front.status).toBe('proposed');
    expect(doc.headings).toEqual(MADR_HEADINGS.en);
  });
});

describe('ADR file names', () => {
  it.each([
    [[], 'Use Docker + WasmEdge', '0001-use-docker-wasmedge.md'],
    [['0001-a.md', '0007-b.md', 'README.md', '12-c.md'], 'Edge!', '0008-edge.md'],
    [['0002-x.md'], '采用 Kata + Istio', '0003-采用-kata-istio.md'],
    [[], '!!!', '0001-decision.md'],
  ])('%j + %s → %s', (existing, title, name) => {
    expect(adrFileName(existing, title)).toBe(name);
  });

  it('slugs are lower case words joined by dashes', () => {
    expect(slug('  Use  V∘S∘C∘M (Kata) ')).toBe('use-v-s-c-m-kata');
  });
});
