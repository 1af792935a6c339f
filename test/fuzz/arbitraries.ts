import fc from 'fast-check';
import { ALIASES, type Letter } from '../../src/algebra/operators.js';
import { knowledge } from '../support.js';

/**
 * What people (and attackers) type at the bot, as fast-check generators: requirement words in both languages,
 * numbers with units, operator words in every syntax, Slack markup that would ping or link, and plain noise.
 */

const kb = knowledge();

/** Slack markup that pings, links or formats: none of it may reach a reader as markup when a user typed it. */
export const HOSTILE: readonly string[] = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<@U0BOSS>',
  '<@W0BOSS|boss>',
  '<@UBOT>',
  '<#C0GENERAL|general>',
  '<#C0GENERAL>',
  '<!subteam^S0TEAM|@platform>',
  '<!date^1392734382^{date_num}|Feb 18>',
  '<http://evil.example/|click here>',
  '<https://evil.example/login>',
  '<mailto:ceo@evil.example|mail the CEO>',
  '&lt;!channel&gt;',
  '&lt;@U0BOSS&gt;',
  '&amp;lt;!here&amp;gt;',
  '&amp;',
  '&',
  '<',
  '>',
  '<<>>',
  '`',
  '```',
  '*bold*',
  '_it_',
  '~gone~',
  '> quote',
  '\n',
  ':smile:',
  '😀',
  '\uD83D',
  '\uDE00',
  '\u0000',
  '\u202E',
];

/** Requirement vocabulary from the knowledge base, both languages, with numbers, units and separators. */
export const VOCABULARY: readonly string[] = [
  ...kb.needs.flatMap((n) => [...n.synonyms.en, ...n.synonyms.zh]),
  ...kb.quantities.flatMap((q) => [...q.words.en, ...q.words.zh]),
  ...kb.negation.before.en,
  ...kb.negation.before.zh,
  '<',
  '<=',
  '≤',
  '>',
  '＜',
  '10ms',
  '5 ms',
  '50 MB',
  '0.5 s',
  '1 GiB',
  '2GB',
  '1e3',
  '-1',
  '99999999999999999999',
  ',',
  '，',
  '+',
  '、',
];

/** Every spelling of every letter (symbols and aliases, in three cases) and the composition signs. */
export const LETTER_SPELLINGS: readonly string[] = Object.entries(ALIASES).flatMap(([letter, aliases]) => [
  letter,
  letter.toLowerCase(),
  letter.toUpperCase(),
  ...aliases,
  ...aliases.map((a) => a.toUpperCase()),
]);
export const SEPARATORS: readonly string[] = [
  '∘',
  ' ∘ ',
  ' o ',
  '->',
  ' -> ',
  '→',
  '=>',
  '-->',
  ',',
  '，',
  '+',
  ' ',
  '  ',
  '·',
];

export const LETTERS = Object.keys(ALIASES) as Letter[];

/** Anything at all: ASCII, full Unicode, graphemes. */
const noise = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** A requirement request: vocabulary, operator spellings, Slack markup and noise, joined by spaces. */
export const requestText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...VOCABULARY) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
      { weight: 1, arbitrary: fc.constantFrom(...LETTER_SPELLINGS) },
      { weight: 2, arbitrary: noise },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

/** An operator word in any of the accepted syntaxes, sometimes with a typo, markup or noise in it. */
export const wordText = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...LETTER_SPELLINGS) },
        { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
        { weight: 1, arbitrary: noise },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { minLength: 0, maxLength: 24 },
  )
  .map((pairs) => pairs.map(([token, separator]) => token + separator).join(''));

/** Whatever `/stack` can be given: help, explain, compare, a word, requirements, or a very long text. */
export const stackText = fc.oneof(
  { weight: 6, arbitrary: requestText },
  { weight: 4, arbitrary: wordText },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('explain ', 'what is ', '解释 ', 'explain: '), fc.oneof(wordText, requestText))
      .map(([p, t]) => p + t),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('compare ', '比较 ', ''),
        fc.array(fc.oneof(wordText, requestText), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' | ', ' vs ', '｜'),
      )
      .map(([p, items, sep]) => p + items.join(sep)),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'help', '帮助', '?', '  ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 5000 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE, ...VOCABULARY), fc.integer({ min: 100, max: 1500 }))
      .map(([piece, n]) => `${piece} `.repeat(n)),
  },
);

/** A Slack user id as Slack writes it, or something that only looks like one. */
export const userId = fc.oneof(
  fc.stringMatching(/^[UW][A-Z0-9]{8,10}$/),
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 12 }),
);
