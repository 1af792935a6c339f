import type { Metrics } from '../algebra/metrics.js';
import type { RewriteStep } from '../algebra/normalize.js';
import type { Figure, OperatorInfo } from '../knowledge/schema.js';

/**
 * The answers the product gives. One value per answer: the CLI prints it (`--json` prints it as is), the Slack
 * renderer turns it into Block Kit, and the tests read it.
 */

export type Language = 'en' | 'zh';

/** A physical figure with its unit and source, printed for people as `text` (`≈ 20.5 ms`, `< 10 ms`). */
export interface FigureView extends Figure {
  readonly text: string;
}

/** A stack as answered: from the knowledge base, or composed from the operators when the form has no stack row. */
export interface StackView {
  readonly id: string | undefined;
  readonly name: string;
  readonly implementation: readonly string[];
  readonly figures: readonly FigureView[];
  readonly commands: readonly string[];
  readonly why: string;
  /** Known caveats of the stack in practice, in the answer's language (the stack's, or its commands' stack's). */
  readonly caveats: readonly string[];
  /** True when no stack row exists for the form and the stack was assembled from its operators. */
  readonly composed: boolean;
  /** The stack whose deploy commands these are (its own, or the one a composed stack borrows them from). */
  readonly commandsFrom: string | undefined;
}

/** A word simplified: the trace, the normal form, metrics, and the stack it lands on. */
export interface Simplification {
  readonly kind: 'simplification';
  readonly input: string;
  readonly word: string;
  readonly normalForm: string;
  readonly operators: readonly string[];
  readonly steps: readonly RewriteStep[];
  readonly warnings: readonly string[];
  readonly metrics: Metrics;
  readonly stack: StackView;
  readonly knowledgeVersion: string;
}

/** A need recognised in the request, and the words that produced it. */
export interface Requirement {
  readonly need: string;
  readonly label: string;
  readonly text: string;
  readonly negated: boolean;
  /** Negated as "does not matter" rather than "must not have": the need is dropped, nothing is ruled out. */
  readonly indifferent?: boolean;
  /** `thread` when carried over from an earlier answer in the same Slack thread. */
  readonly from: 'request' | 'thread' | 'constraint';
}

export type Comparator = '<' | '<=' | '>' | '>=' | '=';

/** A numeric requirement, normalized to ms (time) or MB (size). */
export interface Constraint {
  readonly quantity: Figure['quantity'];
  readonly label: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: 'ms' | 'MB';
  /** The words that produced it, as typed. */
  readonly text: string;
  /** What the parser had to assume (a missing comparator, a quantity inferred from the unit). */
  readonly assumption?: string;
  readonly from: 'request' | 'thread';
}

export interface ConstraintCheck {
  readonly constraint: string;
  readonly status: 'met' | 'violated' | 'unknown';
  readonly figure?: string;
  readonly reason: string;
}

/** A stack the advisor weighed: its score, whether it is excluded, and what it gives up. */
export interface Candidate {
  readonly stackId: string;
  readonly stack: string;
  readonly normalForm: string;
  readonly metrics: Metrics;
  readonly score: number;
  readonly checks: readonly ConstraintCheck[];
  readonly excludedBy: readonly string[];
  /** Compared with the recommendation. */
  readonly givesUp: readonly string[];
  readonly gains: readonly string[];
}

/** Two requirements that no single stack satisfies, and what was done about it. */
export interface Conflict {
  readonly requirement: string;
  readonly wants: string;
  readonly excludedBy: string;
  readonly message: string;
}

/** What an answer hands to the next question in a Slack thread (stored as message metadata). */
export interface Carried {
  readonly needs: readonly { readonly need: string; readonly negated: boolean; readonly text: string }[];
  readonly constraints: readonly Omit<Constraint, 'from' | 'label'>[];
}

export interface Recommendation {
  readonly stackId: string | undefined;
  readonly normalForm: string;
  readonly metrics: Metrics;
  readonly stack: string;
  readonly implementation: readonly string[];
  readonly figures: readonly FigureView[];
  readonly commands: readonly string[];
  /** The stack whose deploy commands these are: the Deploy kit holds the files they name. */
  readonly commandsFrom: string | undefined;
  /** Known caveats of the stack in practice, in the answer's language. */
  readonly caveats: readonly string[];
  readonly checks: readonly ConstraintCheck[];
  readonly why: readonly string[];
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
  /** The operator word of step 1, `I → C → S → W`. */
  readonly word: string;
  readonly steps: readonly RewriteStep[];
  readonly warnings: readonly string[];
  readonly recommendation: Recommendation;
  readonly alternatives: readonly Candidate[];
  readonly conflicts: readonly Conflict[];
  readonly carried: Carried;
  readonly knowledgeVersion: string;
}

/** Onboarding for one operator or one normal form. */
export interface Explanation {
  readonly kind: 'explanation';
  readonly target: string;
  readonly operator?: OperatorInfo & { readonly figureViews: readonly FigureView[] };
  /** For the letters that are not operators (∅, V⁻¹): what they mean. */
  readonly note?: string;
  /** The canonical stacks the operator appears in, or the form's own simplification. */
  readonly stacks: readonly {
    readonly id: string;
    readonly name: string;
    readonly normalForm: string;
    readonly label: string;
  }[];
  readonly simplification?: Simplification;
  readonly knowledgeVersion: string;
}

/** Several requests or words side by side, and which one wins on what. */
export interface Comparison {
  readonly kind: 'comparison';
  readonly items: readonly {
    readonly input: string;
    readonly normalForm: string;
    readonly stack: string;
    readonly metrics: Metrics;
    readonly figures: readonly FigureView[];
    readonly answer: Advice | Simplification;
  }[];
  /** For each dimension, the inputs (indexes into items) with the best score. */
  readonly winners: {
    readonly latency: readonly number[];
    readonly security: readonly number[];
    readonly observability: readonly number[];
  };
  readonly summary: readonly string[];
  readonly knowledgeVersion: string;
}

export interface Help {
  readonly kind: 'help';
  readonly knowledgeVersion: string;
}

export type Answer = Advice | Simplification | Explanation | Comparison | Help;
