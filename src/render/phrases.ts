import type { Language } from '../advisor/answer.js';
import type { Figure } from '../knowledge/schema.js';

/** The words the Slack answers are framed with, in the language of the request. */
export interface Phrases {
  readonly adviceTitle: string;
  readonly request: string;
  readonly step1: string;
  readonly step2: string;
  readonly step3: string;
  readonly step4: string;
  readonly word: string;
  readonly normalForm: string;
  readonly alreadyNormal: string;
  readonly noRequirements: string;
  readonly fromThread: string;
  readonly not: string;
  readonly assumed: string;
  readonly latency: string;
  readonly security: string;
  readonly observability: string;
  readonly stack: string;
  readonly implementation: string;
  readonly composed: string;
  readonly commands: string;
  readonly why: string;
  readonly checks: string;
  readonly alternatives: string;
  readonly givesUp: string;
  readonly excludedBy: string;
  readonly conflicts: string;
  readonly ignored: string;
  readonly metricSource: string;
  readonly sources: string;
  readonly knowledge: string;
  readonly sharedBy: string;
  readonly quantities: Readonly<Record<Figure['quantity'], string>>;
  readonly buttons: {
    readonly share: string;
    readonly compare: string;
    readonly explain: string;
    readonly deployKit: string;
  };
}

const EN: Phrases = {
  adviceTitle: 'Stack advice',
  request: 'Request',
  step1: '1 · Requirements → operator word',
  step2: '2 · Simplify → normal form',
  step3: '3 · Look up → metrics',
  step4: '4 · Land it → stack and commands',
  word: 'Operator word',
  normalForm: 'Normal form',
  alreadyNormal: 'Already in normal form: no rewrite needed.',
  noRequirements: 'No requirement recognised: the default stack is shown.',
  fromThread: 'from earlier in this thread',
  not: 'not',
  assumed: 'assumed',
  latency: 'Latency',
  security: 'Security',
  observability: 'Observability',
  stack: 'Stack',
  implementation: 'Implementation',
  composed: 'No stack in the knowledge base has this form, so it is assembled from its operators.',
  commands: 'Deploy commands',
  why: 'Why',
  checks: 'Constraints not met',
  alternatives: 'Nearest alternatives',
  givesUp: 'gives up',
  excludedBy: 'excluded by',
  conflicts: 'Conflicting requirements',
  ignored: 'Not understood (ignored)',
  metricSource: 'Metrics',
  sources: 'Sources',
  knowledge: 'Knowledge base',
  sharedBy: 'Shared by',
  quantities: {
    latency: 'Latency',
    cold_start: 'Cold start',
    memory: 'Memory',
    p50: 'p50 added',
    p95: 'p95 added',
    p99: 'p99 added',
  },
  buttons: {
    share: 'Share in channel',
    compare: 'Compare alternatives',
    explain: 'Explain operators',
    deployKit: 'Deploy kit',
  },
};

const ZH: Phrases = {
  adviceTitle: '技术栈建议',
  request: '需求',
  step1: '1 · 需求 → 算子序列',
  step2: '2 · 化简 → 范式',
  step3: '3 · 查表 → 指标',
  step4: '4 · 落地 → 技术栈与命令',
  word: '算子序列',
  normalForm: '范式',
  alreadyNormal: '已是范式，无需改写。',
  noRequirements: '未识别出需求，显示默认技术栈。',
  fromThread: '来自本话题之前的回答',
  not: '不要',
  assumed: '假设',
  latency: '延迟',
  security: '安全',
  observability: '可观测性',
  stack: '技术栈',
  implementation: '实现',
  composed: '知识库中没有这个范式的技术栈，以下由其算子组合而成。',
  commands: '部署命令',
  why: '理由',
  checks: '未满足的约束',
  alternatives: '相近的备选',
  givesUp: '代价',
  excludedBy: '被排除，原因',
  conflicts: '相互冲突的需求',
  ignored: '未能理解（已忽略）',
  metricSource: '指标来源',
  sources: '来源',
  knowledge: '知识库版本',
  sharedBy: '分享者',
  quantities: {
    latency: '延迟',
    cold_start: '冷启动',
    memory: '内存',
    p50: 'p50 增加',
    p95: 'p95 增加',
    p99: 'p99 增加',
  },
  buttons: {
    share: '分享到频道',
    compare: '比较备选',
    explain: '解释算子',
    deployKit: '部署套件',
  },
};

export function phrases(language: Language = 'en'): Phrases {
  return language === 'zh' ? ZH : EN;
}
