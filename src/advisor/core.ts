import type { Catalog } from './catalog.js';
import type { Lexicon } from './lexicon.js';

/** What every answering function reads: the prepared knowledge base, the compiled vocabulary, the version. */
export interface AdvisorCore {
  readonly catalog: Catalog;
  readonly lexicon: Lexicon;
  readonly version: string;
}
