import { Lexer, type Tokens } from 'marked';
import { parse } from 'yaml';

/** A MADR file read back with a real Markdown parser and YAML for the front matter: headings, and the text under each. */
export interface ParsedMadr {
  readonly front: Record<string, unknown>;
  readonly title: string;
  /** `## Heading` and `### Heading` titles, in order. */
  readonly headings: readonly string[];
  /** The raw Markdown under each heading, up to the next heading of any level. */
  readonly sections: ReadonlyMap<string, string>;
  readonly codeBlocks: readonly string[];
}

export function parseMadr(markdown: string): ParsedMadr {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (match === null) throw new Error('no YAML front matter');
  const front = parse(match[1]) as Record<string, unknown>;
  const tokens = Lexer.lex(markdown.slice(match[0].length));
  let title = '';
  const headings: string[] = [];
  const sections = new Map<string, string>();
  const codeBlocks: string[] = [];
  let current: string | undefined;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      if (h.depth === 1) title = h.text;
      else {
        headings.push(h.text);
        current = h.text;
        sections.set(current, '');
      }
      continue;
    }
    if (token.type === 'code') codeBlocks.push((token as Tokens.Code).text);
    if (current !== undefined) sections.set(current, `${sections.get(current) ?? ''}${token.raw}`);
  }
  return { front, title, headings, sections, codeBlocks };
}

export const MADR_HEADINGS = {
  en: [
    'Context and Problem Statement',
    'Decision Drivers',
    'Considered Options',
    'Decision Outcome',
    'Consequences',
    'Confirmation',
    'More Information',
  ],
  zh: ['背景与问题陈述', '决策驱动因素', '考虑过的方案', '决策结果', '影响', '确认方式', '更多信息'],
} as const;
