/** The alphabet of the stack algebra (ALGEBRA.md §1): 20 operators, the no-op and V's weak inverse. */

export const HEADS = ['V', 'Kc', 'F', 'G', 'Cc'] as const;
/** Base and add-on operators in the rank order of ALGEBRA.md §3 phase 4. */
export const RANKED = ['I', 'C', 'S', 'M', 'W', 'We', 'Am', 'P', 'Ns', 'Cg', 'O', 'E', 'Ist', 'Otel', 'Gk'] as const;
export const SYMBOLS = [...HEADS, ...RANKED] as const;

export type Head = (typeof HEADS)[number];
export type Operator = (typeof SYMBOLS)[number];
/** A token of a word: an operator, the no-op `∅`, or `V⁻¹`. */
export type Letter = Operator | '∅' | 'V⁻¹';

const HEAD_SET = new Set<string>(HEADS);

export function isHead(s: Letter): s is Head {
  return HEAD_SET.has(s);
}

/** Rank used to sort commuting operators; heads sort before everything. */
export const RANK: ReadonlyMap<Operator, number> = new Map<Operator, number>([
  ...HEADS.map((h) => [h, -1] as [Operator, number]),
  ...RANKED.map((s, i) => [s, i] as [Operator, number]),
]);

/**
 * Spellings accepted for each letter, matched without regard to case. The symbol itself is always accepted;
 * these are the longer names people type (`Otel`/`Ot`, `kata`, `ambient`…).
 */
export const ALIASES: Readonly<Record<Letter, readonly string[]>> = {
  V: ['virtualization', 'vm'],
  Kc: ['kata'],
  F: ['firecracker'],
  G: ['gvisor'],
  Cc: ['confidential'],
  I: ['image'],
  C: ['container', 'containerization'],
  S: ['sandbox', 'seccomp'],
  M: ['mesh', 'sidecar'],
  Am: ['ambient'],
  W: ['wasm'],
  We: ['wasmedge'],
  P: ['ebpf', 'bpf'],
  Ns: ['namespaces', 'namespace'],
  Cg: ['cgroups', 'cgroup'],
  O: ['overlayfs', 'overlay'],
  E: ['envoy'],
  Ist: ['istio', 'istiod'],
  Otel: ['ot', 'opentelemetry'],
  Gk: ['gatekeeper', 'opa'],
  '∅': ['empty', 'noop', 'id'],
  'V⁻¹': ['v^-1', 'v^{-1}', 'v-1', 'vinv'],
};

const LOOKUP: ReadonlyMap<string, Letter> = (() => {
  const map = new Map<string, Letter>();
  for (const [letter, aliases] of Object.entries(ALIASES) as [Letter, readonly string[]][]) {
    map.set(letter.toLowerCase(), letter);
    for (const alias of aliases) map.set(alias, letter);
  }
  return map;
})();

/** The letter a token spells, whatever its case, or undefined. */
export function letterOf(token: string): Letter | undefined {
  return LOOKUP.get(token.toLowerCase());
}

/** Every spelling a user could have meant, for "did you mean" suggestions. */
export function spellings(): ReadonlyMap<string, Letter> {
  return LOOKUP;
}
