import { type Metrics, MetricTable } from '../algebra/metrics.js';
import type { Operator } from '../algebra/operators.js';
import { commandsFor, targetFor } from '../knowledge/commands.js';
import type { Knowledge, Need, OperatorInfo, Quantity, Stack } from '../knowledge/schema.js';
import type { FigureView, StackListing, StackRef, StackView } from './answer.js';
import { figuresOf, operatorIndex } from './figures.js';

/** A stack of the knowledge base with everything an answer needs about it, computed once. */
export interface Entry {
  readonly stack: Stack;
  readonly index: number;
  readonly operators: readonly Operator[];
  /** The operators as deployed: a stack that deploys M with Istio Ambient (`implements: {M: Am}`) has Am. */
  readonly implemented: readonly Operator[];
  readonly metrics: Metrics;
  readonly figures: readonly FigureView[];
  readonly commands: readonly string[];
}

/** The knowledge base prepared for answering: stacks with metrics and figures, the metric table, operator info. */
export class Catalog {
  readonly table: MetricTable;
  readonly entries: readonly Entry[];
  readonly operators: ReadonlyMap<string, OperatorInfo>;
  readonly needs: ReadonlyMap<string, Need>;
  readonly quantities: ReadonlyMap<string, Quantity>;
  /** For each need, the stack it supports most (the first in table order on ties). */
  readonly favorites: ReadonlyMap<string, string>;
  /** Operators by their English and Chinese names, lower case (`ambient mesh`, `服务网格（sidecar）`). */
  readonly operatorByName: ReadonlyMap<string, Operator>;
  private readonly byForm: ReadonlyMap<string, Entry>;
  /**
   * Stacks composed for a normal form on a chosen stack, and metrics of forms: the same for every request that lands
   * on them, so built once per knowledge base (bounded: the forms a knowledge base can produce are few, but a word
   * typed by a user can be any). Shared between answers, which never change them.
   */
  private readonly composed = new Map<string, StackView>();
  private readonly metricsByForm = new Map<string, Metrics>();

  constructor(readonly kb: Knowledge) {
    this.table = new MetricTable(kb.metrics, kb.estimation);
    this.operators = operatorIndex(kb);
    this.entries = kb.stacks.map((stack, index) => {
      const operators = stack.form.split('∘') as Operator[];
      return {
        stack,
        index,
        operators,
        implemented: implemented(operators, stack),
        metrics: this.table.metricsOf(operators),
        figures: figuresOf(implemented(operators, stack), stack.figures, this.operators),
        commands: commandsFor(stack, targetFor(stack)),
      };
    });
    this.byForm = new Map(this.entries.map((e) => [e.stack.form, e]));
    this.needs = new Map(kb.needs.map((n) => [n.id, n]));
    // Names as people type them: "Service mesh (sidecar)", "Service mesh", "服务网格（Sidecar）", "服务网格", "Istio Ambient".
    const bare = (name: string) => name.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim();
    const names = new Map<string, Operator>();
    for (const o of kb.operators) {
      for (const name of [o.name.en, o.name.zh, o.stack_part.en, o.stack_part.zh, bare(o.name.en), bare(o.name.zh)]) {
        const key = name.toLowerCase();
        if (key !== '' && !names.has(key)) names.set(key, o.symbol);
      }
    }
    this.operatorByName = names;
    this.quantities = new Map(kb.quantities.map((q) => [q.id, q]));
    this.favorites = new Map(
      kb.needs.flatMap((need) => {
        let best: string | undefined;
        let weight = 0;
        for (const e of this.entries) {
          const w = need.supports[e.stack.id] ?? 0;
          if (w > weight) [best, weight] = [e.stack.id, w];
        }
        return best === undefined ? [] : [[need.id, best] as const];
      }),
    );
  }

  entryForForm(form: string): Entry | undefined {
    return this.byForm.get(form);
  }

  /** The stack for a normal form: its own row, or one composed from its operators on the closest stack's commands. */
  stackView(operators: readonly Operator[], base?: Entry): StackView {
    const form = operators.join('∘');
    const own = this.byForm.get(form);
    if (own) return viewOfEntry(own);
    const key = `${form}\u0000${base?.index ?? -1}`;
    const kept = this.composed.get(key);
    if (kept !== undefined) return kept;
    const view = this.composedView(form, operators, base);
    remember(this.composed, key, view);
    return view;
  }

  /** The metrics of a normal form (see `MetricTable.metricsOf`), computed once per form. */
  metricsOf(operators: readonly Operator[]): Metrics {
    const form = operators.join('∘');
    const kept = this.metricsByForm.get(form);
    if (kept !== undefined) return kept;
    const metrics = this.table.metricsOf(operators);
    remember(this.metricsByForm, form, metrics);
    return metrics;
  }

  private composedView(form: string, operators: readonly Operator[], base?: Entry): StackView {
    if (operators.length === 0) {
      const none = { en: '∅', zh: '∅' };
      return {
        id: undefined,
        name: none,
        implementation: [],
        figures: [],
        commands: [],
        why: undefined,
        composition: undefined,
        caveats: [],
        empty: true,
        commandsFrom: undefined,
      };
    }
    const closest = base ?? this.closest(operators);
    // The chosen stack's own way of deploying an operator (M as Istio Ambient) carries over to a stack composed on
    // it; a word simplified on its own means each operator as the algebra defines it.
    const implementsOf = base?.stack.implements;
    const as = (op: Operator): Operator => implementsOf?.[op] ?? op;
    const part = (op: Operator) => this.operators.get(as(op))?.stack_part ?? { en: op, zh: op };
    const added = operators.filter((op) => !closest.operators.includes(op));
    const missing = closest.operators.filter((op) => !operators.includes(op));
    const join = (lang: 'en' | 'zh') =>
      missing.length === 0
        ? [closest.stack.name, ...added.map((op) => part(op)[lang])].join(' + ')
        : operators.map((op) => part(op)[lang]).join(' + ');
    return {
      id: undefined,
      name: { en: join('en'), zh: join('zh') },
      implementation: operators.map((op) => this.operators.get(as(op))?.implementations[0] ?? { en: op, zh: op }),
      figures: figuresOf(operators.map(as), [], this.operators),
      commands: closest.commands,
      commandsFrom: closest.stack.id,
      why: undefined,
      composition: { form, base: refOf(closest), chosen: base !== undefined, added, missing },
      // The caveats of the stack whose commands these are: they are about deploying with them.
      caveats: closest.stack.caveats ?? [],
      empty: false,
    };
  }

  /** The canonical stacks of the seed, in the decision matrix's order. */
  canonical(): StackListing[] {
    return this.kb.decision_matrix.flatMap((row) => {
      const entry = this.entries.find((e) => e.stack.id === row.stack);
      return entry === undefined ? [] : [listingOf(entry)];
    });
  }

  /** The stack sharing most operators with a form (same head first, then table order). */
  closest(operators: readonly Operator[]): Entry {
    const set = new Set<string>(operators);
    const head = operators[0];
    let best = this.entries[0];
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const e of this.entries) {
      const shared = e.operators.filter((op) => set.has(op)).length;
      const score = shared * 2 - (e.operators.length - shared) - operators.length + (e.operators[0] === head ? 1 : 0);
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  }
}

/** The operators whose figures apply: a stack that deploys M with Istio Ambient has Am's figures. */
function implemented(operators: readonly Operator[], stack: Pick<Stack, 'implements'>): Operator[] {
  return operators.map((op) => stack.implements?.[op] ?? op);
}

/** How many composed stacks and metrics of forms a catalog keeps: far more than a knowledge base's stacks compose. */
const KEPT = 1024;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= KEPT) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

const views = new WeakMap<Entry, StackView>();

/** A stack's own row as a view: one per entry, shared by every answer that recommends it. */
export function viewOfEntry(entry: Entry): StackView {
  let view = views.get(entry);
  if (view === undefined) {
    view = ownView(entry);
    views.set(entry, view);
  }
  return view;
}

function ownView(entry: Entry): StackView {
  return {
    id: entry.stack.id,
    name: { en: entry.stack.name, zh: entry.stack.name },
    implementation: entry.stack.implementation,
    figures: entry.figures,
    commands: entry.commands,
    why: entry.stack.why,
    composition: undefined,
    caveats: entry.stack.caveats ?? [],
    empty: false,
    commandsFrom: entry.stack.id,
  };
}

/** A stack by id, name and form. */
export function refOf(entry: Entry): StackRef {
  return { id: entry.stack.id, name: entry.stack.name, form: entry.stack.form };
}

/** A stack as listed for onboarding. */
export function listingOf(entry: Entry): StackListing {
  const { stack, metrics } = entry;
  return { id: stack.id, name: stack.name, normalForm: stack.form, label: metrics.label, title: stack.title };
}
