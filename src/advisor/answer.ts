import type { z } from 'zod';
import type { Metrics } from '../algebra/metrics.js';
import type { AlgebraWarning, RewriteStep } from '../algebra/normalize.js';
import type { Operator } from '../algebra/operators.js';
import type { Figure, OperatorInfo } from '../knowledge/schema.js';
import type { Language, Localized } from '../language.js';
import { once, zod } from '../lazy-modules.js';
import type { RadarMark, RadarStamp } from '../radar/model.js';

/**
 * The answers the product gives, as facts: ids, forms, numbers, codes and the knowledge base's own bilingual text,
 * never a sentence. The renderers (Block Kit, terminal, `--json`) turn them into words from the `en` / `zh` catalogs.
 */

export type { Language } from '../language.js';
export type { RadarLink, RadarMark, RadarStamp, Ring } from '../radar/model.js';

/** Where a figure comes from: stated with a source, or added up from the operators' figures. */
export type FigureSource =
  | { readonly kind: 'stated'; readonly text: Localized }
  | { readonly kind: 'derived'; readonly parts: readonly { readonly operator: string; readonly text: string }[] };

/** A physical figure with its unit and source, printed for people as `text` (`≈ 20.5 ms`, `< 10 ms`). */
export interface FigureView extends Omit<Figure, 'source'> {
  readonly text: string;
  readonly source: FigureSource;
}

/** A stack by id, with the name and form people recognise it by. */
export interface StackRef {
  readonly id: string;
  readonly name: string;
  readonly form: string;
}

/** Why a stack was not built from its own row: the word's operators compared with the stack whose commands it uses. */
export interface Composition {
  readonly form: string;
  readonly base: StackRef;
  /** True when the base is the stack the advisor chose (its commands adapted), false when it is only the closest. */
  readonly chosen: boolean;
  readonly added: readonly Operator[];
  readonly missing: readonly Operator[];
}

/** A stack as answered: from the knowledge base, or composed from the operators when the form has no stack row. */
export interface StackView {
  readonly id: string | undefined;
  readonly name: Localized;
  readonly implementation: readonly Localized[];
  readonly figures: readonly FigureView[];
  readonly commands: readonly string[];
  /** The knowledge base's reason for the stack; none for a composed stack (see `composition`). */
  readonly why: Localized | undefined;
  /** Set when no stack row exists for the form and the stack was assembled from its operators. */
  readonly composition: Composition | undefined;
  /** Known caveats of the stack in practice (of the stack whose commands these are, for a composed one). */
  readonly caveats: readonly Localized[];
  /** True for the empty word ∅: nothing to deploy. */
  readonly empty: boolean;
  /** The stack whose deploy commands these are (its own, or the one a composed stack borrows them from). */
  readonly commandsFrom: string | undefined;
}

/** A word simplified: the trace, the normal form, metrics, and the stack it lands on. */
export interface Simplification {
  readonly kind: 'simplification';
  readonly language: Language;
  readonly input: string;
  readonly word: string;
  readonly normalForm: string;
  readonly operators: readonly string[];
  readonly steps: readonly RewriteStep[];
  readonly warnings: readonly AlgebraWarning[];
  readonly metrics: Metrics;
  readonly stack: StackView;
  readonly knowledgeVersion: string;
  readonly radar?: RadarStamp;
  /** With a radar: the rings of the word's technologies (it names them itself, so a hold is a warning). */
  readonly marks?: readonly RadarMark[];
}

/** A need recognised in the request, and the words that produced it. */
export interface Requirement {
  readonly need: string;
  readonly label: Localized;
  readonly text: string;
  readonly negated: boolean;
  /** Negated as "does not matter" rather than "must not have": the need is dropped, nothing is ruled out. */
  readonly indifferent?: boolean;
  /** `thread` when carried over from an earlier answer in the same Slack thread. */
  readonly source: 'request' | 'thread';
  /** True when a number implies the need ("cold start < 10ms" is also the need "cold start"): shown as the number. */
  readonly implied: boolean;
  /** How the need was read, when not from its own words: a complaint about a component counts against it. */
  readonly reading?: Reading;
}

/** A reading of intent beyond the vocabulary: what the words meant, in a closed list. */
export type Reading =
  | { readonly kind: 'rejects-component'; readonly component: Operator }
  | { readonly kind: 'cost-pressure' }
  | { readonly kind: 'migration' }
  | { readonly kind: 'confidential-described' }
  | { readonly kind: 'impossible-vm' }
  | { readonly kind: 'observability-first' };

export type Comparator = '<' | '<=' | '>' | '>=' | '=';

/** What the reader of a number had to assume, as codes. */
export type Assumption =
  | { readonly kind: 'quantity-from-unit'; readonly quantity: Figure['quantity'] }
  | { readonly kind: 'range-upper' }
  | { readonly kind: 'no-comparator' }
  | { readonly kind: 'approx-as-at-most'; readonly word: string };

/** A numeric requirement, normalized to ms (time) or MB (size). */
export interface Constraint {
  readonly quantity: Figure['quantity'];
  readonly label: Localized;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: 'ms' | 'MB';
  /** The words that produced it, as typed. */
  readonly text: string;
  /** What the parser had to assume (a missing comparator, a quantity inferred from the unit). */
  readonly assumptions: readonly Assumption[];
  readonly source: 'request' | 'thread';
}

/** A numeric requirement, stripped to what a check names. */
export type ConstraintRef = Pick<Constraint, 'quantity' | 'label' | 'comparator' | 'value' | 'unit' | 'text'>;

/** A stack's figure against one numeric requirement. */
export interface ConstraintCheck {
  readonly constraint: ConstraintRef;
  readonly status: 'met' | 'violated' | 'unknown';
  /** A lower bound on a smaller-is-better quantity asks nothing of a stack. */
  readonly tolerance?: boolean;
  /** The figure that decided it; `quantity` differs from the constraint's when a fallback figure was used. */
  readonly figure?: FigureView;
}

/**
 * What rules a stack out: a negated need that names one of its operators, a numeric requirement it fails, or (with a
 * radar) a technology it needs that the organisation's radar puts on hold and the request does not name.
 */
export type Exclusion =
  | { readonly kind: 'negation'; readonly need: string; readonly text: string; readonly operators: readonly Operator[] }
  | { readonly kind: 'violates'; readonly check: ConstraintCheck }
  | { readonly kind: 'radar-hold'; readonly mark: RadarMark };

/** One thing a stack is worse or better at than another: a metric, or a numeric requirement. */
export type TradeItem =
  | {
      readonly kind: 'metric';
      readonly dimension: Dimension;
      readonly value: number;
      readonly versus: number;
    }
  | { readonly kind: 'check'; readonly check: ConstraintCheck };

export const DIMENSIONS = ['latency', 'security', 'observability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A stack the advisor weighed: its score, whether it is excluded, and what it gives up. */
export interface Candidate {
  readonly stackId: string;
  readonly stack: Localized;
  readonly normalForm: string;
  readonly metrics: Metrics;
  readonly score: number;
  readonly checks: readonly ConstraintCheck[];
  readonly excludedBy: readonly Exclusion[];
  /** Compared with the recommendation. */
  readonly givesUp: readonly TradeItem[];
  readonly gains: readonly TradeItem[];
  /** With a radar: the entries that put the stack's technologies in a ring. */
  readonly marks?: readonly RadarMark[];
}

/** Requirements that no single stack satisfies, and what was done about it. Matched by stack id, never by name. */
export type Conflict =
  | {
      readonly kind: 'no-stack-meets-all';
      readonly closest: StackRef;
      readonly excludedBy: readonly Exclusion[];
    }
  | {
      readonly kind: 'unknown-for-all';
      readonly constraint: ConstraintRef;
      readonly closest: StackRef;
      readonly check: ConstraintCheck;
    }
  | {
      readonly kind: 'favorite-excluded';
      readonly need: string;
      readonly label: Localized;
      readonly text: string;
      readonly favorite: StackRef;
      readonly excludedBy: readonly Exclusion[];
      readonly chosen: StackRef;
      readonly givesUp: readonly TradeItem[];
    }
  | {
      /**
       * A requirement every stack it supports is ruled out for by another: they exclude each other whatever the stack
       * (VMs impossible, yet a VM kernel per tenant; no proxy anywhere, yet a mesh).
       */
      readonly kind: 'contradiction';
      readonly first: string;
      readonly second: string;
      readonly closest: StackRef;
    }
  | {
      /** Every stack that meets the requirements needs a technology the radar puts on hold. */
      readonly kind: 'radar-excludes-all';
      /** The best of those stacks, best first: the answer shows the first. */
      readonly closest: readonly StackRef[];
      readonly holds: readonly RadarMark[];
    };

/** One line of the Why section, as a fact. */
export type Reason =
  | { readonly kind: 'supports'; readonly requirement: Requirement; readonly weight: number }
  | { readonly kind: 'not-for-stack'; readonly requirement: Requirement }
  | { readonly kind: 'indifferent'; readonly requirement: Requirement }
  | { readonly kind: 'negated'; readonly requirement: Requirement; readonly excludes: readonly Operator[] }
  /** A need read from what the words meant (a complaint, a cost cue, a migration…), with what it did. */
  | { readonly kind: 'reading'; readonly requirement: Requirement; readonly reading: Reading; readonly weight: number }
  | { readonly kind: 'check'; readonly check: ConstraintCheck }
  | { readonly kind: 'excluded'; readonly stack: StackRef; readonly excludedBy: readonly Exclusion[] }
  | { readonly kind: 'ranked-by-numbers' }
  | { readonly kind: 'operator-word'; readonly word: string }
  | { readonly kind: 'stack'; readonly why: Localized }
  | { readonly kind: 'composed'; readonly composition: Composition }
  | { readonly kind: 'nothing-to-deploy' }
  /** The radar holds a technology the stack that would otherwise have won needs: this stack instead. */
  | {
      readonly kind: 'radar-hold';
      readonly stack: StackRef;
      readonly instead: StackRef;
      readonly holds: readonly RadarMark[];
    }
  /** Two stacks (nearly) tie on the requirements, and the radar endorses this one's technologies more. */
  | {
      readonly kind: 'radar-ring';
      readonly stack: StackRef;
      /** The entries that set this stack's standing (its least endorsed technologies on the radar); none if unlisted. */
      readonly marks: readonly RadarMark[];
      readonly over: StackRef;
      readonly overMarks: readonly RadarMark[];
    }
  /** The stack needs a technology on hold, and is recommended because the request names it: a warning. */
  | { readonly kind: 'radar-hold-named'; readonly mark: RadarMark; readonly text: string };

/**
 * What an answer hands to the next question in a Slack thread (stored as message metadata): one schema, one type.
 * Built on first use (a thread's follow-up), so that zod is not loaded at start-up.
 */
export const carriedSchema = once(() => {
  const { z } = zod();
  return z.object({
    needs: z.array(z.object({ need: z.string(), negated: z.boolean(), text: z.string() })),
    constraints: z.array(
      z.object({
        quantity: z.enum(['latency', 'cold_start', 'memory', 'p50', 'p95', 'p99']),
        comparator: z.enum(['<', '<=', '>', '>=', '=']),
        value: z.number(),
        unit: z.enum(['ms', 'MB']),
        text: z.string(),
      }),
    ),
    /** The language of the thread's earlier answer: follow-ups without words of their own stay in it. */
    language: z.enum(['en', 'zh']).optional(),
  });
});
export type Carried = z.infer<ReturnType<typeof carriedSchema>>;

export interface Recommendation {
  readonly stack: StackView;
  readonly normalForm: string;
  readonly metrics: Metrics;
  readonly checks: readonly ConstraintCheck[];
  readonly reasons: readonly Reason[];
  /** With a radar: the entries that put the recommended stack's technologies in a ring. */
  readonly marks?: readonly RadarMark[];
}

/** Requirements in, an explained recommendation out: the four steps of the seed document. */
export interface Advice {
  readonly kind: 'advice';
  readonly request: string;
  readonly language: Language;
  readonly requirements: readonly Requirement[];
  readonly constraints: readonly Constraint[];
  /** Parts of the request that were not understood, as typed. */
  readonly ignored: readonly string[];
  /** Topics outside what the advisor decides (GPUs, databases…), named in the request. */
  readonly outOfScope: readonly string[];
  /** The operator word of step 1, `I → C → S → W`. */
  readonly word: string;
  readonly steps: readonly RewriteStep[];
  readonly warnings: readonly AlgebraWarning[];
  readonly recommendation: Recommendation;
  readonly alternatives: readonly Candidate[];
  readonly conflicts: readonly Conflict[];
  readonly carried: Carried;
  readonly knowledgeVersion: string;
  /** The radar the answer followed, when one is configured. */
  readonly radar?: RadarStamp;
}

/** A stack as listed for onboarding (Home tab, explanations). */
export interface StackListing {
  readonly id: string;
  readonly name: string;
  readonly normalForm: string;
  readonly label: string;
  readonly title: Localized;
}

/** The two letters of the algebra that are not operators. */
export type Glossary = '∅' | 'V⁻¹';

/** Onboarding for one operator or one normal form. */
export interface Explanation {
  readonly kind: 'explanation';
  readonly language: Language;
  readonly target: string;
  readonly operator?: OperatorInfo & { readonly figureViews: readonly FigureView[] };
  /** For the letters that are not operators (∅, V⁻¹): which one, the catalogs say what it means. */
  readonly glossary?: Glossary;
  /** The canonical stacks the operator appears in, or the form's own simplification. */
  readonly stacks: readonly StackListing[];
  readonly simplification?: Simplification;
  readonly knowledgeVersion: string;
  readonly radar?: RadarStamp;
  /** With a radar: the entries that name the operator, with their rings and descriptions. */
  readonly marks?: readonly RadarMark[];
}

/** Several requests or words side by side, and which one wins on what. */
export interface Comparison {
  readonly kind: 'comparison';
  readonly language: Language;
  readonly items: readonly {
    readonly input: string;
    readonly normalForm: string;
    readonly stack: Localized;
    readonly metrics: Metrics;
    readonly figures: readonly FigureView[];
    readonly answer: Advice | Simplification;
  }[];
  /** For each dimension, the inputs (indexes into items) with the best score. */
  readonly winners: Readonly<Record<Dimension, readonly number[]>>;
  readonly knowledgeVersion: string;
  readonly radar?: RadarStamp;
}

export interface Help {
  readonly kind: 'help';
  readonly language: Language;
  readonly knowledgeVersion: string;
}

export type Answer = Advice | Simplification | Explanation | Comparison | Help;
