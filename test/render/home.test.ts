import { describe, expect, it } from 'vitest';
import { homeView } from '../../src/render/home.js';
import { advisor } from '../support.js';
import { homeProblems, visibleTexts } from './block-kit-limits.js';

const theAdvisor = advisor();
const content = { stacks: theAdvisor.canonical(), operators: theAdvisor.kb.operators, version: theAdvisor.version };

describe('the Home tab', () => {
  it('onboards: what the bot does, how to ask, the five canonical stacks, the glossary, examples', () => {
    const view = homeView(content);
    expect(homeProblems(view)).toEqual([]);
    const text = visibleTexts(view).join('\n');
    expect(content.stacks).toHaveLength(5);
    for (const s of content.stacks) {
      expect(text).toContain(s.name);
      expect(text).toContain(s.normalForm);
      expect(text).toContain(s.label);
    }
    for (const op of content.operators) expect(text).toContain(`*${op.symbol}* · ${op.name.en}`);
    expect(text).toContain('/stack compare');
    expect(text).toContain('强隔离+合规，多租户');
    expect(text).toContain(theAdvisor.version);
    // `<requirements>` in the usage would be read as a link by Slack.
    expect(text).not.toMatch(/<requirements>/);
  });

  it('stays within 100 blocks with a much larger knowledge base, cut visibly', () => {
    const operators = Array.from({ length: 8 }, () => content.operators).flat();
    const view = homeView({ ...content, operators });
    expect(homeProblems(view)).toEqual([]);
    expect(visibleTexts(view).join('\n')).toMatch(/cut: \d+ more blocks/);
  });
});
