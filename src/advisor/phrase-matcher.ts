/** A phrase found in a text: where, and what it stands for. */
export interface Found<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface Node<T> {
  readonly next: Map<number, Node<T>>;
  value?: T;
  /** The phrase ends in a letter or digit, so the text must not go on with one. */
  endsWord?: boolean;
  /** The phrase starts with a letter or digit, so the text must not have one just before it. */
  startsWord?: boolean;
}

// Char codes, compared as numbers: this loop runs for every character of every request.
const isSeparator = (c: number): boolean =>
  c === 0x20 || c === 0x2d || c === 0x5f || c === 0x09 || c === 0x0a || c === 0x0d;
const isAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/**
 * Finds phrases in folded text (see `fold`), longest first, in time linear in the text for a fixed vocabulary.
 * English phrases match whole words, and a space, `-` or `_` inside a phrase also matches any run of them or nothing:
 * `cold start` matches `cold-start` and `coldstart`. Phrases the caller marks as `attached` (units) may follow a digit.
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };
  /** One bit per UTF-16 code unit that starts a phrase: most places in a text start none, and a bit test beats a lookup. */
  private readonly starts = new Uint32Array(2048);

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly attached = false,
  ) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  private add(phrase: string, value: T): void {
    const codes: number[] = [];
    for (let i = 0; i < phrase.length; i++) if (!isSeparator(phrase.charCodeAt(i))) codes.push(phrase.charCodeAt(i));
    if (codes.length === 0) return;
    this.starts[codes[0] >>> 5] |= 1 << (codes[0] & 31);
    let node = this.root;
    for (const c of codes) {
      let child = node.next.get(c);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    // The first phrase given for a spelling wins; a later duplicate does not override it.
    if (node.value === undefined) {
      node.value = value;
      node.endsWord = isAlnum(codes[codes.length - 1]);
    }
    const first = this.root.next.get(codes[0]);
    if (first !== undefined && isAlnum(codes[0]) && !this.attached) first.startsWord = true;
  }

  /** The longest phrase that starts exactly at `at`. */
  matchAt(text: string, at: number): Found<T> | undefined {
    const code = text.charCodeAt(at);
    // Past the end `code` is NaN, which tests the bit of code unit 0; the lookup below then finds nothing either.
    if (((this.starts[code >>> 5] >>> (code & 31)) & 1) === 0) return undefined;
    const first = this.root.next.get(code);
    if (first === undefined) return undefined;
    if (first.startsWord && at > 0 && isAlnum(text.charCodeAt(at - 1))) return undefined;
    let node: Node<T> = first;
    let i = at + 1;
    let best: Found<T> | undefined;
    const n = text.length;
    for (;;) {
      if (node.value !== undefined && !(node.endsWord && i < n && isAlnum(text.charCodeAt(i)))) {
        best = { start: at, end: i, value: node.value };
      }
      let j = i;
      while (j < n && isSeparator(text.charCodeAt(j))) j++;
      const child = j < n ? node.next.get(text.charCodeAt(j)) : undefined;
      if (child === undefined) return best;
      node = child;
      i = j + 1;
    }
  }

  /**
   * Every phrase in the text, left to right, never overlapping, the longest at each place. `skip` (sorted by start)
   * lists spans already understood: nothing is matched inside them.
   */
  findAll(text: string, from = 0, to = text.length, skip: readonly { start: number; end: number }[] = []): Found<T>[] {
    const found: Found<T>[] = [];
    const starts = this.starts;
    const wordsOnly = !this.attached;
    let s = 0;
    let i = from;
    while (i < to) {
      // Most places start no phrase: passed over here, before any span is looked at (none is matched inside one).
      const code = text.charCodeAt(i);
      if (((starts[code >>> 5] >>> (code & 31)) & 1) === 0) {
        i++;
        continue;
      }
      // Inside a word, no phrase starting with a letter or digit may start (see `startsWord`): English text is mostly
      // such places, passed over without a lookup.
      if (wordsOnly && i > 0 && isAlnum(code) && isAlnum(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      while (s < skip.length && skip[s].end <= i) s++;
      if (s < skip.length && skip[s].start <= i) {
        i = skip[s].end;
        continue;
      }
      const m = this.matchAt(text, i);
      const limit = s < skip.length ? Math.min(to, skip[s].start) : to;
      if (m !== undefined && m.end <= limit) {
        found.push(m);
        i = m.end;
      } else i++;
    }
    return found;
  }
}
