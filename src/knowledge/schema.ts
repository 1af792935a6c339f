import { z } from 'zod';
import type { Estimation as EstimationRules, MetricRow as MetricTableRow } from '../algebra/metrics.js';
import { normalize } from '../algebra/normalize.js';
import { HEADS, SYMBOLS } from '../algebra/operators.js';
import { parseWord } from '../algebra/parse.js';

const HEADS_SET = new Set<string>(HEADS);

function normalFormProblem(form: string): string | undefined {
  const parsed = parseWord(form);
  if (!parsed.ok) return `"${form}" is not an operator word (${parsed.error.code})`;
  const normalized = normalize(parsed.value);
  if (!normalized.ok) return `"${form}" has no normal form (${normalized.error.code})`;
  const text = normalized.value.normalForm.text;
  return text === form ? undefined : `"${form}" is not a normal form: it normalizes to ${text}`;
}

const Bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/**
 * Words a user reads, in both languages. The built-in file must give both; an overlay may give one language only (a
 * plain string, or `{en}` / `{zh}`), and the other language then shows that text as written.
 */
const Text = z
  .union([
    z.string().min(1),
    z
      .strictObject({ en: z.string().min(1).optional(), zh: z.string().min(1).optional() })
      .refine((t) => t.en !== undefined || t.zh !== undefined, 'give the text in English (en), Chinese (zh) or both'),
  ])
  .transform((t) => {
    if (typeof t === 'string') return { en: t, zh: t };
    const en = t.en ?? t.zh ?? '';
    return { en, zh: t.zh ?? en };
  });

/** The zod schema of the knowledge YAML: the single source of truth for its types. */
const OperatorSymbol = z.enum(SYMBOLS);
const Score = z.number().int().min(1).max(5);
export const MetricVectorSchema = z.tuple([Score, Score, Score]);

export const FigureSchema = z.strictObject({
  quantity: z.enum(['latency', 'cold_start', 'memory', 'p50', 'p95', 'p99']),
  value: z.number().nonnegative(),
  upto: z.number().nonnegative().optional(),
  bound: z.enum(['exact', 'approx', 'upper', 'range']),
  unit: z.enum(['ms', 's', 'MB', 'MiB', 'GB', 'GiB']),
  source: Text,
});

export const OperatorInfoSchema = z.strictObject({
  symbol: OperatorSymbol,
  name: Bilingual,
  class: z.enum(['head', 'base', 'add-on']),
  maps: z.strictObject({ from: Text, to: Text }),
  implementations: z.array(Text).min(1),
  stack_part: Text,
  figures: z.array(FigureSchema),
  when: Text,
});

export const MetricRowSchema = z.strictObject({
  form: z.string().min(1),
  vector: MetricVectorSchema,
  source: Text,
});

const Command = z
  .string()
  .min(1)
  .refine((c) => !/(^|\s)--seccomp=/.test(c), 'docker has no --seccomp flag: use --security-opt seccomp=FILE')
  .refine(
    (c) => !/wasmedge\s+--seccomp/.test(c),
    'wasmedge has no --seccomp option: seccomp comes from the container runtime',
  );

export const CorrectionSchema = z.strictObject({
  wrong: z.string().min(1),
  pattern: z.string().min(1).optional(),
  right: z.string().min(1),
  reason: Text,
});

export const StackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a stack id is lowercase letters, digits and dashes'),
  form: z.string().min(1),
  name: z.string().min(1),
  title: Bilingual,
  implementation: z.array(Text).min(1),
  /** Operators this stack deploys with another operator's implementation (the seed's Kata stacks: M as Am). */
  implements: z.partialRecord(OperatorSymbol, OperatorSymbol).optional(),
  image: z.string().min(1),
  figures: z.array(FigureSchema),
  commands: z.array(Command).min(1),
  corrections: z.array(CorrectionSchema).optional(),
  why: Bilingual,
  /** What holds this stack back in practice (a runtime setting, a version), said next to it in every answer. */
  caveats: z.array(Bilingual).optional(),
});

const Synonyms = z.strictObject({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) });

export const NeedSchema = z.strictObject({
  id: z.string().min(1),
  /** The metric that breaks ties between stacks this need supports equally. */
  prefers: z.enum(['latency', 'security', 'observability']).optional(),
  label: Bilingual,
  synonyms: Synonyms,
  supports: z.record(z.string(), z.number().positive()),
  operators: z.array(OperatorSymbol).optional(),
  negated_excludes: z.array(OperatorSymbol).optional(),
  /** The components the need names: a complaint about it ("sidecars eat our memory") counts against them. */
  component: z.array(OperatorSymbol).optional(),
  /** The need names something unwanted: negating it ("without per-pod overhead") still asks for the need. */
  negation_affirms: z.boolean().optional(),
  /** The need counts only beside one of these needs (migration: only when VMs are named). */
  with: z.array(z.string()).optional(),
  /** How the need is read, shown in the Why section: a cost cue, a migration, a described capability. */
  reading: z.enum(['cost-pressure', 'migration', 'confidential-described', 'observability-first']).optional(),
});

export const QuantitySchema = z.strictObject({
  id: FigureSchema.shape.quantity,
  label: Bilingual,
  kind: z.enum(['time', 'size']),
  words: Synonyms,
  fallback: FigureSchema.shape.quantity.optional(),
  implies: z.string().optional(),
});

/** What people call an operator when they ask about it: products, projects, concepts. */
export const TermSchema = z.strictObject({ operator: OperatorSymbol, words: Synonyms });

/** A topic outside what the advisor decides (GPUs, databases…), and the words that name it. */
export const TopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a topic id is lowercase letters, digits and dashes'),
  label: Bilingual,
  words: Synonyms,
});

const HeadRule = z.strictObject({
  latency_cap: Score,
  security_floor: Score,
  security_cap: Score,
  observability_cap: Score,
});

export const EstimationSchema = z.strictObject({
  description: z.string().min(1),
  neutral: MetricVectorSchema,
  heads: z.strictObject({ V: HeadRule, Kc: HeadRule, F: HeadRule, G: HeadRule, Cc: HeadRule }),
  security_plus: z.array(OperatorSymbol),
  observability_plus: z.array(OperatorSymbol),
});

export const KnowledgeSchema = z
  .object({
    version: z.string().min(1),
    operators: z.array(OperatorInfoSchema),
    metrics: z.array(MetricRowSchema).min(1),
    estimation: EstimationSchema,
    stacks: z.array(StackSchema).min(1),
    corrections: z.array(CorrectionSchema),
    needs: z.array(NeedSchema),
    quantities: z.array(QuantitySchema),
    comparators: z.array(z.strictObject({ symbol: z.enum(['<', '<=', '>', '>=']), before: Synonyms, after: Synonyms })),
    units: z.array(
      z.strictObject({
        kind: z.enum(['time', 'size']),
        factor: z.number().positive(),
        words: z.array(z.string().min(1)).min(1),
      }),
    ),
    filler: Synonyms,
    negation: z.strictObject({
      before: Synonyms,
      after: Synonyms,
      indifferent: z.strictObject({ before: Synonyms, after: Synonyms }),
      final: Synonyms.default({ en: [], zh: [] }),
      complaints: Synonyms.default({ en: [], zh: [] }),
    }),
    decision_matrix: z.array(z.strictObject({ needs: Bilingual, form: z.string().min(1), stack: z.string().min(1) })),
    terms: z.array(TermSchema).default([]),
    described: z
      .array(
        z.strictObject({
          need: z.string(),
          reading: NeedSchema.shape.reading,
          groups: z.array(Synonyms).min(2),
        }),
      )
      .default([]),
    topics: z.array(TopicSchema).default([]),
  })
  .superRefine((kb, ctx) => {
    const stackIds = new Set(kb.stacks.map((s) => s.id));
    const needIds = new Set(kb.needs.map((n) => n.id));
    const symbols = new Set(kb.operators.map((o) => o.symbol));
    for (const symbol of SYMBOLS) {
      if (!symbols.has(symbol))
        ctx.addIssue({ code: 'custom', path: ['operators'], message: `operator ${symbol} is missing` });
    }
    const forms = [
      ...kb.metrics.map((row, i) => ({ form: row.form, path: ['metrics', i, 'form'] })),
      ...kb.stacks.map((stack, i) => ({ form: stack.form, path: ['stacks', i, 'form'] })),
    ];
    for (const { form, path } of forms) {
      const problem = normalFormProblem(form);
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
    }
    kb.needs.forEach((need, i) => {
      for (const id of Object.keys(need.supports)) {
        if (!stackIds.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['needs', i, 'supports', id], message: `no stack has the id "${id}"` });
        }
      }
    });
    kb.needs.forEach((need, i) => {
      (need.operators ?? []).forEach((op, k) => {
        if (HEADS_SET.has(op)) {
          ctx.addIssue({
            code: 'custom',
            path: ['needs', i, 'operators', k],
            message: `${op} is a head: a need that asks for it supports a stack with that head instead`,
          });
        }
      });
    });
    kb.needs.forEach((need, i) => {
      for (const id of need.with ?? []) {
        if (!needIds.has(id))
          ctx.addIssue({ code: 'custom', path: ['needs', i, 'with'], message: `no need has the id "${id}"` });
      }
    });
    kb.described.forEach((d, i) => {
      if (!needIds.has(d.need))
        ctx.addIssue({ code: 'custom', path: ['described', i, 'need'], message: `no need has the id "${d.need}"` });
    });
    kb.quantities.forEach((q, i) => {
      if (q.implies !== undefined && !needIds.has(q.implies)) {
        ctx.addIssue({
          code: 'custom',
          path: ['quantities', i, 'implies'],
          message: `no need has the id "${q.implies}"`,
        });
      }
    });
    kb.decision_matrix.forEach((row, i) => {
      if (!stackIds.has(row.stack)) {
        ctx.addIssue({
          code: 'custom',
          path: ['decision_matrix', i, 'stack'],
          message: `no stack has the id "${row.stack}"`,
        });
      }
    });
  });

export type Knowledge = z.infer<typeof KnowledgeSchema>;

/** The knowledge's metric rows and estimation rules are what the algebra's metric table reads. */
export type _MetricRowsFit = z.infer<typeof MetricRowSchema> extends MetricTableRow ? true : never;
export type _EstimationFits = z.infer<typeof EstimationSchema> extends EstimationRules ? true : never;

/** The texts of the knowledge file a user reads that are not given in both languages (the built-in file has none). */
export function missingTranslations(data: unknown): { path: (string | number)[] }[] {
  const out: { path: (string | number)[] }[] = [];
  const walk = (node: unknown, path: (string | number)[], wanted: boolean): void => {
    if (wanted && (typeof node === 'string' || (isRecord(node) && (node.en === undefined || node.zh === undefined)))) {
      out.push({ path });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => {
        walk(n, [...path, i], false);
      });
    } else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k], TRANSLATED.has(k));
    }
  };
  walk(data, [], false);
  return out;
}

/** The fields a one-language overlay may give as plain text (the others are `{en, zh}` by the schema). */
const TRANSLATED = new Set(['when', 'stack_part', 'source', 'reason', 'from', 'to']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export type OperatorInfo = z.infer<typeof OperatorInfoSchema>;
export type MetricRow = z.infer<typeof MetricRowSchema>;
export type Stack = z.infer<typeof StackSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Need = z.infer<typeof NeedSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Quantity = z.infer<typeof QuantitySchema>;
export type Estimation = z.infer<typeof EstimationSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type MetricVector = z.infer<typeof MetricVectorSchema>;
export type { Localized } from '../language.js';
