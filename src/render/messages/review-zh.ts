import type { ConstraintCheck, ConstraintRef } from '../../advisor/answer.js';
import type { Review } from './messages.js';

const COMPARATOR: Record<ConstraintRef['comparator'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };
const trim = (n: number): string => String(Math.round(n * 1000) / 1000);
const constraint = (c: ConstraintRef): string => `${c.label.zh} ${COMPARATOR[c.comparator]} ${trim(c.value)} ${c.unit}`;
const STATUS: Record<ConstraintCheck['status'], string> = { met: '满足', violated: '不满足', unknown: '未知' };
const DIMENSION = { latency: '延迟', security: '安全', observability: '可观测性' } as const;

/** 设计评审的中文用语。 */
export const reviewZh: Review = {
  whatChanged: '变化',
  changed: (before, after) => `推荐已改变：${before} → ${after}。`,
  unchanged: (stack, added, removed) =>
    added + removed === 0
      ? `没有变化：仍是 ${stack}，没有新增或删除任何需求。`
      : `没有变化：仍是 ${stack}，新增或删除的需求不影响哪个技术栈最合适。`,
  cause: '原因',
  added: '新增',
  removed: '删除',
  requirementChange: (c) =>
    c.kind === 'number'
      ? constraint(c.constraint)
      : `${c.requirement.negated ? '不要' : ''}${c.requirement.label.zh}（“${c.requirement.text}”）`,
  metricDeltas: '指标',
  metricDelta: (d) => `${DIMENSION[d.dimension]} ${d.before} → ${d.after}`,
  flippedChecks: '结论改变的检查',
  flipped: (f) =>
    `${constraint(f.constraint)}：${f.before === undefined ? '此前未要求' : STATUS[f.before]} → ${STATUS[f.after]}`,
  buttons: { shareInThread: '分享到话题', recordDecision: '记录决策' },
  noText:
    '这条消息没有可供提问的文字（只有文件，或只由区块组成）。请在话题中 @stack-advisor 写下需求，或使用 `/stack …`。',
  recordUploaded: (title) => `决策记录：${title}`,
  recordPrivate: '这个回答是私密的，所以决策记录显示在这里，而不是发到频道。',
  recordUploadFailed: '决策记录无法上传到这里，因此直接显示。',
  recordNoAnswer: '这个话题中还没有可记录的推荐：请先提问。',
  recordWritten: (path) => `已写入 ${path}`,
  feedback: {
    good: '有帮助',
    bad: '没帮助',
    thanks: '感谢您的反馈：我们只记录范式和知识库版本，不会记录您写的内容。',
  },
  prompts: {
    title: '可以这样问',
    items: [
      { title: '边缘场景，限制严格', message: '边缘计算，冷启动小于10毫秒，内存小于50MB' },
      { title: '多租户且合规', message: '强隔离+合规，多租户' },
      { title: 'Am 是什么？', message: '解释 Am' },
      { title: '比较两个技术栈', message: '比较 V∘S∘C∘M | I∘C∘S∘Am' },
    ],
  },
  form: {
    title: '需求表单',
    submit: '推荐',
    close: '取消',
    intro: '填写已知的需求；每一项都可以不填，但至少要填一项。',
    latency: '延迟预算（毫秒）',
    coldStart: '冷启动上限（毫秒）',
    memory: '每个实例的内存（MB）',
    compliance: '合规要求',
    tenancy: '租户模式',
    tenancyOptions: { single: '单租户', multi: '多租户' },
    edge: '边缘',
    edgeOption: '运行在边缘（物联网、CDN、设备）',
    mesh: '服务网格',
    meshOptions: { sidecar: 'Sidecar 模式', ambient: 'Ambient 模式（无边车）', none: '不要网格', any: '无偏好' },
    isolation: '隔离',
    isolationOptions: {
      vm: '每个工作负载一个虚拟机',
      strong: '强隔离',
      'no-vm': '强隔离，但不要虚拟机',
      any: '无偏好',
    },
    text: '其他需求',
    textHint: '用自己的话写，例如“需要 OpenTelemetry 链路追踪，不要虚拟机”',
    conversation: '把回答发送到',
    conversationHint: '留空则私下发到您与 stack-advisor 的私信中。',
    asked: (field, value, unit) => `${field.replace(/（(毫秒|MB)）$/, '')} ≤ ${value} ${unit}`,
    errors: {
      'not-a-number': '请输入数字，例如 20。',
      negative: '请输入零或正数。',
      'too-large': '这个数值太大，不像真实的上限。',
      'unknown-option': '请从给出的选项中选择。',
      empty: '请至少填写一项需求。',
      'too-long': '请控制在 4,000 个字符以内。',
    },
    open: '填写需求表单',
  },
  adr: {
    defaultTitle: (stack) => `采用 ${stack} 作为运行时、隔离与服务网格技术栈`,
    context: '背景与问题陈述',
    drivers: '决策驱动因素',
    options: '考虑过的方案',
    outcome: '决策结果',
    consequences: '影响',
    confirmation: '确认方式',
    more: '更多信息',
    asked: '哪种运行时、隔离与服务网格技术栈满足这些需求？原始提问：',
    thread: (url) => `讨论见 [Slack 话题](${url})。`,
    noDrivers: '除算子词本身外，没有识别出其他需求。',
    recommended: (option) => `${option}（推荐）`,
    chosen: (option, because) => `选定方案：${option}，因为${because}`,
    good: (text) => `好处：${text}`,
    bad: (text) => `坏处：${text}`,
    neutral: (text) => `中性：${text}`,
    separator: '；',
    over: (option, what) => `相比 ${option}：${what}`,
    commands: '用以下命令部署，并确认每一步都成功：',
    checks: '对照已部署的技术栈检查各项需求：',
    noCommands: '这个技术栈无需部署任何内容。',
    knowledge: (version) => `知识库版本：\`${version}\`。`,
    sources: '数据来源：',
    generated: '由 stack-advisor 根据上述回答生成；相同的输入总是得到相同的回答。',
  },
};
