/** A phrase found in a text: where, and what it stands for. */
export interface Found<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface Node<T> {
  readonly next: Map<string, Node<T>>;
  value?: T;
  /** The phrase ends in a letter or digit, so the text must not go on with one. */
  endsWord?: boolean;
}

const SEPARATOR = /[\s_-]/;
const ALNUM = /[a-z0-9]/;

/**
 * Finds phrases in folded text (see `fold`), longest first, in time linear in the text for a fixed vocabulary.
 * English phrases match whole words, and a space, `-` or `_` inside a phrase also matches any run of them or nothing:
 * `cold start` matches `cold-start` and `coldstart`. Phrases the caller marks as `attached` (units) may follow a digit.
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map() };
  private readonly startsWord = new Set<Node<T>>();

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly attached = false,
  ) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  private add(phrase: string, value: T): void {
    const chars = [...phrase].filter((c) => !SEPARATOR.test(c));
    if (chars.length === 0) return;
    let node = this.root;
    for (const c of chars) {
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
      node.endsWord = ALNUM.test(chars[chars.length - 1]);
    }
    if (ALNUM.test(chars[0]) && !this.attached) this.startsWord.add(this.root.next.get(chars[0]) as Node<T>);
  }

  /** The longest phrase that starts exactly at `at`. */
  matchAt(text: string, at: number): Found<T> | undefined {
    const first = this.root.next.get(text[at]);
    if (first === undefined) return undefined;
    if (this.startsWord.has(first) && at > 0 && ALNUM.test(text[at - 1])) return undefined;
    let node: Node<T> = first;
    let i = at + 1;
    let best: Found<T> | undefined;
    for (;;) {
      if (node.value !== undefined && !(node.endsWord && i < text.length && ALNUM.test(text[i]))) {
        best = { start: at, end: i, value: node.value };
      }
      let j = i;
      while (j < text.length && SEPARATOR.test(text[j])) j++;
      const child = j < text.length ? node.next.get(text[j]) : undefined;
      if (child === undefined) return best;
      node = child;
      i = j + 1;
    }
  }

  /** Every phrase in the text, left to right, never overlapping, the longest at each place. */
  findAll(text: string, from = 0, to = text.length): Found<T>[] {
    const found: Found<T>[] = [];
    let i = from;
    while (i < to) {
      const m = this.matchAt(text, i);
      if (m !== undefined && m.end <= to) {
        found.push(m);
        i = m.end;
      } else i++;
    }
    return found;
  }
}
