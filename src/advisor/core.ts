import type { RadarBook } from '../radar/book.js';
import type { Catalog } from './catalog.js';
import type { Lexicon } from './lexicon.js';

/** What every answering function reads: the prepared knowledge base, the compiled vocabulary, the version. */
export interface AdvisorCore {
  readonly catalog: Catalog;
  readonly lexicon: Lexicon;
  readonly version: string;
  /** The organisation's technology radar, when one is configured: answers follow it and say so. */
  readonly radar?: RadarBook;
}
