import type {
  ConstraintCheck,
  ConstraintRef,
  Exclusion,
  RadarMark,
  Reason,
  Ring,
  TradeItem,
} from '../../advisor/answer.js';
import type { EstimateStart } from '../../algebra/metrics.js';
import { RANKED, SYMBOLS } from '../../algebra/operators.js';
import type { Failure, FailureParams, UnreadableReason } from '../../failure.js';
import { once } from '../../lazy-modules.js';
import type { Messages } from './messages.js';
import { reviewZh } from './review-zh.js';

// Built on first use: the first Intl.ListFormat loads ICU's list patterns (~11 ms), which few answers need.
const listFormat = once(() => new Intl.ListFormat('zh', { style: 'long', type: 'conjunction' }));
const orFormat = once(() => new Intl.ListFormat('zh', { style: 'long', type: 'disjunction' }));
const numberFormat = once(() => new Intl.NumberFormat('zh'));
const lists = { format: (items: Iterable<string>): string => listFormat().format(items) };
const ors = { format: (items: Iterable<string>): string => orFormat().format(items) };
const numbers = { format: (n: number): string => numberFormat().format(n) };
const quote = (text: string): string => `“${text}”`;

/** 对需求的一种解读：它的含义和作用，接在引用的原话之后。 */
function zhReading(r: Extract<Reason, { kind: 'reading' }>): string {
  const effect = r.weight > 0 ? `（此技术栈 +${r.weight}）` : '';
  switch (r.reading.kind) {
    case 'rejects-component':
      return `不选${r.requirement.label.zh}（${r.reading.component}）：被抱怨的组件只会被排除，绝不会被加入`;
    case 'cost-pressure':
      return `成本 / 资源压力：倾向轻量网格（Ambient，不在每个 Pod 里挂代理）或不用网格${effect}`;
    case 'migration':
      return `现有虚拟机工作负载迁到容器旁：混合架构，虚拟机与容器由同一个网格治理${effect}`;
    case 'confidential-described':
      return `描述的是机密计算：宿主机或云厂商读不到内存、远程证明${effect}`;
    case 'impossible-vm':
      return '此环境无法运行虚拟机：带虚拟机头部的技术栈都被排除';
    case 'observability-first':
      return `可观测性优先：来自网格的每个服务遥测，是要观测的指标，而不是延迟上限${effect}`;
  }
}
const COMPARATOR: Record<ConstraintRef['comparator'], string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=' };
const trim = (n: number): string => String(Math.round(n * 1000) / 1000);
const QUANTITY = {
  latency: '延迟',
  cold_start: '冷启动',
  memory: '内存',
  p50: 'p50 增加',
  p95: 'p95 增加',
  p99: 'p99 增加',
} as const;
const WHAT = { characters: '个字符', lines: '行', fields: '个字段', notes: '条备注', blocks: '个区块' } as const;

function constraint(c: ConstraintRef): string {
  return `${c.label.zh} ${COMPARATOR[c.comparator]} ${trim(c.value)} ${c.unit}`;
}

function figureOf(c: ConstraintCheck): string {
  const f = c.figure;
  if (f === undefined) return '';
  return f.quantity === c.constraint.quantity
    ? f.text
    : `${f.text}（取其${QUANTITY[f.quantity]}数据；未给出${c.constraint.label.zh}数据）`;
}

function check(c: ConstraintCheck): string {
  const label = constraint(c.constraint);
  if (c.tolerance) return `${label} 是容忍上限而非要求：越小越好`;
  if (c.figure === undefined) return `该技术栈没有已知的${c.constraint.label.zh}数据`;
  const shown = figureOf(c);
  if (c.status === 'met') return `${shown} 满足 ${label}`;
  if (c.status === 'violated') return `${shown} 不满足 ${label}`;
  return `${shown} 仅部分满足 ${label}`;
}

function exclusion(e: Exclusion): string {
  if (e.kind === 'radar-hold') return `贵组织的技术雷达将 ${e.mark.title} 列为“暂缓”`;
  return e.kind === 'negation' ? `需求排除了${quote(e.text)}（${e.operators.join('、')}）` : check(e.check);
}

const RING: Readonly<Record<Ring, string>> = { adopt: '采用', trial: '试用', assess: '评估', hold: '暂缓' };

/** 条目及技术雷达自己的说明：`Istio sidecar（“……”）`。 */
const described = (mark: RadarMark): string =>
  mark.description === '' ? mark.title : `${mark.title}（“${mark.description}”）`;

/** 技术栈中的技术在雷达上的位置：`WasmEdge 处于“采用”`，或不在雷达上。 */
const standing = (marks: readonly RadarMark[]): string =>
  marks.length === 0 ? '不在雷达上' : lists.format(marks.map((m) => `${m.title} 处于“${RING[m.ring]}”`));

function radarWhere(p: FailureParams['radar-invalid']): string {
  const at = `${p.file}${p.line === undefined ? '' : `:${p.line}`}`;
  if (p.entry === undefined) return `${at}：`;
  const name = p.entry.name === undefined ? '' : `（${quote(p.entry.name)}）`;
  const which =
    p.format === 'byor-csv'
      ? `第 ${p.entry.index + 1} 行数据`
      : p.format === 'byor-json'
        ? `[${p.entry.index}]`
        : `entries[${p.entry.index}]`;
  return `${at}：${which}${name}：`;
}

function radarProblem(p: FailureParams['radar-invalid']): string {
  const r = p.problem;
  switch (r.kind) {
    case 'syntax':
      return `无法作为技术雷达读取：${r.detail}`;
    case 'not-a-radar':
      return '不是技术雷达：Backstage Tech Radar JSON 含有 "entries" 列表；Build-Your-Own-Radar 文件是带有 name,ring,quadrant,isNew,description 列的 CSV（或由这样的行组成的 JSON 列表）';
    case 'no-entries':
      return '技术雷达没有任何条目';
    case 'too-many':
      return `共 ${numbers.format(r.count)} 个条目，上限为 ${numbers.format(r.limit)}`;
    case 'missing-column':
      return `表头缺少 "${r.column}" 列（Build-Your-Own-Radar CSV 以 name,ring,quadrant,isNew,description 开头）`;
    case 'columns':
      return `有 ${r.found} 个字段，而表头有 ${r.expected} 列（含逗号的 description 必须放在双引号中）`;
    case 'missing-field':
      return `缺少 "${r.field}"`;
    case 'bad-ring':
      return `环 ${quote(r.value)} 不是 adopt、trial、assess 或 hold`;
    case 'bad-link':
      return `链接 ${quote(r.url)} 不是 http(s) 网址`;
    case 'bad-operator':
      return `算子 ${quote(r.value)} 不是知识库中的算子（${SYMBOLS.join('、')}）`;
    case 'duplicate':
      return `此处列为 ${r.ring}，第 ${r.otherIndex + 1} 个条目又列为 ${r.other}：同一项技术不能同时处于两个环`;
  }
}

function trade(t: TradeItem): string {
  if (t.kind === 'check') return check(t.check);
  return `${zh.dimensions[t.dimension]} ${t.value}（对比 ${t.versus}）`;
}

function start(s: EstimateStart): string {
  if (s.kind === 'row') return s.form;
  if (s.kind === 'swapped') return `${s.form}（以 ${s.head} 代替 ${s.replaced}）`;
  return `中性向量 ${s.label}`;
}

const from = (source: 'request' | 'thread'): string => (source === 'thread' ? '（来自本话题之前的回答）' : '');

function unreadable(r: UnreadableReason): string {
  switch (r.kind) {
    case 'missing':
      return '文件不存在';
    case 'directory':
      return '这是一个目录';
    case 'not-a-file':
      return '不是普通文件';
    case 'too-large':
      return `${numbers.format(r.size)} 字节，上限为 ${numbers.format(r.limit)} 字节`;
    case 'error':
      return r.code;
  }
}

function failure(f: Failure): string {
  const inner = failureText(f);
  return f.item === undefined ? inner : `${quote(f.item)}：${inner}`;
}

function failureText(f: Failure): string {
  switch (f.code) {
    case 'empty-word':
      return '算子序列为空：请写出算子，例如 V∘C∘M 或 I -> C -> S';
    case 'unknown-operator': {
      const { token, position, suggestion } = f.params;
      const hint = suggestion ? `您是否想写 ${suggestion}？` : `有效的算子为 ${SYMBOLS.join('、')}、∅ 和 V⁻¹`;
      return `第 ${position} 个字符处的“${token}”不是算子：${hint}`;
    }
    case 'two-heads':
      return `出现了两个头部算子（${lists.format(f.params.heads.map((h) => `第 ${h.position} 位的 ${h.head}`))}）：一个技术栈只有一个隔离边界（V、Kc、F、G 或 Cc），请只选其一`;
    case 'container-before-head': {
      const h = f.params.head;
      return `C 出现在头部算子 ${h} 之前：那将是容器里的虚拟机，是另一种对象（A3：${h}∘C ≠ C∘${h}）。请把头部算子放在最前，例如 ${h}∘C`;
    }
    case 'unmatched-inverse':
      return 'V⁻¹（硬件解锁）只能抵消紧挨在它前面的 V（A7：V∘V⁻¹ → ∅），此处没有可抵消的 V';
    case 'empty-request':
      return f.params.for === 'kit'
        ? '要为什么生成部署套件？请给出算子序列（I∘C∘S∘M）、技术栈 id（edge）或需求（“边缘计算，冷启动 < 10ms”）'
        : '需求为空：请描述您的需要，例如“边缘计算，冷启动 < 10ms”';
    case 'request-too-long':
      return `需求长 ${numbers.format(f.params.length)} 个字符，上限为 ${numbers.format(f.params.limit)}：请精简为需求本身`;
    case 'no-requirements': {
      const { text, ignored } = f.params;
      const shown = ignored.slice(0, 20);
      const more = ignored.length > shown.length ? `，……另有 ${ignored.length - shown.length} 项` : '';
      const left = shown.length > 0 ? `（未能理解：${shown.join('、')}${more}）` : '';
      return `未能从${quote(text.length > 200 ? `${text.slice(0, 200)}…` : text)}中识别出需求${left}。可以试试“边缘计算，冷启动 < 10ms，内存 < 50MB”或“强隔离+合规，多租户”`;
    }
    case 'out-of-scope':
      return `${lists.format(f.params.topics)}不在 stack-advisor 的决策范围内：它推荐运行时、隔离与服务网格技术栈。请就这些方面提问，例如“多租户，合规”或“边缘计算，冷启动 < 10ms”`;
    case 'empty-target':
      return '要解释什么？请给出一个算子（例如 Am）或一个范式（例如 V∘S∘C∘M）';
    case 'unknown-target':
      return `“${f.params.target}”不是我认识的算子、技术栈或范式。可以试试算子（Am、W、Kc）、产品（gVisor、Istio ambient）或范式（V∘S∘C∘M）`;
    case 'compare-needs-two':
      return '比较至少需要两项：比较 <a> | <b> [| …]';
    case 'compare-too-many':
      return `比较最多 ${f.params.limit} 项，而不是 ${f.params.count} 项`;
    case 'no-operators':
      return `“${f.params.form}”中没有可解释的算子。`;
    case 'not-in-channel':
      return '我不是该频道的成员，无法在其中发言。请用 /invite 邀请我，然后再问一次。';
    case 'missing-scope':
      return `Slack 拒绝了我的回答：本应用缺少一项权限${f.params.scope === undefined ? '' : `（${f.params.scope}）`}。请工作区管理员重新安装本应用。`;
    case 'msg-too-long':
      return '我的回答超出了 Slack 的长度限制。请一次少问几项需求。';
    case 'unknown-stack':
      return `没有 id 为“${f.params.stackId}”的技术栈：现有技术栈为 ${f.params.known.join('、')}`;
    case 'no-stack-for-form': {
      const { normalForm, closest, known } = f.params;
      const hint =
        closest === undefined
          ? `有部署套件的技术栈：${known.map((s) => `${s.id}（${s.form}）`).join('、')}。`
          : `最接近的技术栈是 ${closest.id}（${closest.form}${closest.sameOperators ? '：算子相同但顺序不同，在头部算子之下这是另一个技术栈（A4）' : ''}）；生成它的部署套件请运行：stack-advisor kit ${closest.id} --out DIR`;
      return `知识库中没有范式为 ${normalForm} 的技术栈，因此没有对应的部署套件：部署套件包含的是某个技术栈自身命令所引用的文件。${hint}`;
    }
    case 'not-a-stack':
      return `部署套件针对单个技术栈：请给出算子序列（I∘C∘S∘M）、技术栈 id（edge）或需求（“边缘计算，冷启动 < 10ms”），而不是 ${f.params.kind} 类请求`;
    case 'invalid-app': {
      const hint = f.params.suggestion === undefined ? '' : `，例如“${f.params.suggestion}”`;
      return `“${f.params.app}”不是有效的应用名：它会用作 Kubernetes 命名空间、Deployment 和容器的名称，而 Kubernetes 名称须为 DNS 标签（RFC 1123）——最多 63 个字符，只含小写字母、数字和“-”，并以字母或数字开头和结尾${hint}`;
    }
    case 'invalid-image':
      return `“${f.params.image}”不是有效的镜像引用：请写成 [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST]，名称为小写，例如“registry.example.com/${f.params.app}:v1.0”`;
    case 'kit-no-template':
      return `技术栈 ${f.params.stackId}：其命令引用了 ${f.params.files.join('、')}，但部署套件模板中没有对应模板（已有：${f.params.known.join('、')}）`;
    case 'kit-unsupported':
      return f.params.operator !== undefined
        ? `技术栈 ${f.params.stackId}（${f.params.form}）：部署套件模板中没有 ${f.params.operator} 的 RuntimeClass 模板，缺少它的 Deployment 会运行在默认运行时上，得不到 ${f.params.operator} 承诺的隔离`
        : `技术栈 ${f.params.stackId}（${f.params.form}）：一个 Pod 只有一个 RuntimeClass，而该范式需要两个（${(f.params.files ?? []).join('、')}）`;
    case 'kit-inconsistent':
      return `技术栈 ${f.params.stackId}（${f.params.form}）的命令与范式不一致：${f.params.detail}`;
    case 'kit-template':
      return `部署套件模板“${f.params.template}”使用了 ${f.params.placeholders.map((n) => `{${n}}`).join('、')}，生成器不会填充它们`;
    case 'kit-templates-unreadable':
      return `${f.params.file}：无法读取部署套件模板（${f.params.reason}）`;
    case 'kit-templates-invalid':
      return `部署套件模板无效：${f.params.file}：${f.params.path || '（顶层）'}：${f.params.detail}`;
    case 'out-not-directory':
      return `--out ${f.params.dir} 已存在且不是目录`;
    case 'kit-exists':
      return `拒绝覆盖 ${f.params.files.join('、')}：未写入任何文件；如需替换请加 --force，或换一个 --out`;
    case 'write-failed':
      return `无法把部署套件写入 ${f.params.dir}：${f.params.reason}`;
    case 'missing-out':
      return 'kit：必须给出 --out DIR（写入部署套件的目录）';
    case 'unknown-command':
      return `未知命令“${f.params.command}”：请使用 ${f.params.commands.join('、')} 之一`;
    case 'bad-option':
      return `选项有误：${f.params.detail}`;
    case 'bad-language':
      return `--lang 只接受 en 或 zh，而不是“${f.params.value}”`;
    case 'diff-needs-two':
      return `diff 需要前后两个请求（收到 ${f.params.count} 个）：stack-advisor diff "<之前>" "<之后>"`;
    case 'bad-status':
      return `--status 只接受 proposed 或 accepted，而不是“${f.params.value}”`;
    case 'adr-exists':
      return `拒绝覆盖 ${f.params.file}：未写入任何文件`;
    case 'bad-since':
      return `--since “${f.params.value}” 不是有效的时间段：请给出天数（30d）、周数（8w）或过去的日期（2026-11-01）`;
    case 'report-no-database':
      return '报告读取分发模式机器人的数据库：请设置 DATABASE_URL（postgres://user:password@host:5432/stackadvisor），与机器人使用的相同';
    case 'report-database-unreachable':
      return `位于 ${f.params.host} 的 PostgreSQL 数据库（DATABASE_URL）没有应答（${f.params.why}）。请确认数据库在运行，且 URL 与机器人使用的一致。`;
    case 'report-not-set-up':
      return `位于 ${f.params.host} 的数据库（DATABASE_URL）还没有回答记录：请先用这个 DATABASE_URL 以分发模式启动一次机器人，它会建表`;
    case 'internal-error':
      return `内部错误：${f.params.detail}`;
    case 'config-invalid':
      return [
        'stack-advisor 无法启动：Slack 设置不完整或格式有误。',
        ...f.params.problems.map(
          (p) =>
            `  - ${p.name} ${zh.configIssue(p.issue)}。${p.name in zh.configWhere ? `它是${zh.configWhere[p.name]}。` : ''}`,
        ),
        '请把它们写入 .env 文件（参见 .env.example）或环境变量，然后重新启动。',
      ].join('\n');
    case 'slack-rejected-token':
      return `stack-advisor 无法启动：Slack 拒绝了 ${f.params.token}（${f.params.error}）。请从 api.slack.com/apps → 您的应用重新复制（${f.params.token === 'SLACK_BOT_TOKEN' ? 'OAuth & Permissions → Bot User OAuth Token' : 'Basic Information → App-Level Tokens'}）。`;
    case 'slack-unreachable':
      return `stack-advisor 无法启动：无法连接 ${f.params.api} 上的 Slack Web API（${f.params.why}）。`;
    case 'slack-not-slack':
      return `stack-advisor 无法启动：${f.params.api} 有应答，但不是 Slack Web API 的应答（不是 Slack 的 JSON）。请检查 SLACK_API_URL，以及中间的代理是否要求登录。`;
    case 'slack-rate-limited':
      return `stack-advisor 无法启动：Slack 正在限制本应用的请求速率（auth.test：${f.params.retryAfter} 秒后重试）。请在此之后重新启动；如果持续出现，请检查是否有其他进程在循环使用同一令牌。`;
    case 'host-not-here':
      return `stack-advisor 无法启动：HOST ${f.params.host} 不是本机的地址：请把 HOST 设为本机的某个地址，或不设置。`;
    case 'port-in-use':
      return `stack-advisor 无法启动：端口 PORT ${f.params.port} 已被占用：请把 PORT 设为空闲端口。`;
    case 'start-failed':
      return `stack-advisor 无法启动：${f.params.detail}`;
    case 'database-unreachable':
      return `stack-advisor 无法启动：位于 ${f.params.host} 的 PostgreSQL 数据库（DATABASE_URL）没有应答或拒绝了初始化（${f.params.why}）。请确认数据库在运行、URL 中的用户可以建表，然后重新启动。`;
    case 'knowledge-at-start':
      return `stack-advisor 无法启动：知识库无效。\n  ${failureText(f.params.cause)}`;
    case 'knowledge-unreadable':
      return `${f.params.file}：无法读取知识库文件（${unreadable(f.params.reason)}）`;
    case 'knowledge-syntax':
      return f.params.expansion
        ? `${f.params.file}：YAML 无法展开：${f.params.detail}`
        : `${f.params.file}${f.params.line === undefined ? '' : `:${f.params.line}`}：YAML 语法错误：${f.params.detail}`;
    case 'knowledge-invalid':
      return `知识库文件无效：${f.params.file}${f.params.line === undefined ? '' : `:${f.params.line}`}：${f.params.path || '（顶层）'}：${f.params.detail}`;
    case 'radar-at-start':
      return `stack-advisor 无法启动：技术雷达（RADAR_PATH）无效。\n  ${failureText(f.params.cause)}`;
    case 'radar-unreadable':
      return `${f.params.file}：无法读取技术雷达文件（${unreadable(f.params.reason)}）`;
    case 'radar-invalid':
      return `技术雷达文件无效：${radarWhere(f.params)}${radarProblem(f.params)}`;
  }
}

export const zh: Messages = {
  language: 'zh',
  quote,
  list: (items) => lists.format(items),
  either: (items) => ors.format(items),
  number: (n) => numbers.format(n),
  label: (text) => `${text}：`,
  operatorName: (name) => (name.zh === name.en ? name.zh : `${name.zh}（${name.en}）`),
  text: (l) => l.zh,
  cut: (more, what) => `……（已截去 ${numbers.format(more)} ${WHAT[what]}）`,

  adviceTitle: '技术栈建议',
  request: '需求',
  step1: '1 · 需求 → 算子序列',
  step2: '2 · 化简 → 范式',
  step3: '3 · 查表 → 指标',
  step4: '4 · 落地 → 技术栈与命令',
  word: '算子序列',
  normalForm: '范式',
  alreadyNormal: '已是范式，无需改写。',
  fromThread: '来自本话题之前的回答',
  not: '不要',
  assumed: '假设',
  stack: '技术栈',
  implementation: '实现',
  commands: '部署命令',
  noCommands: '无需部署。',
  why: '理由',
  checks: '未满足的约束',
  alternatives: '相近的备选',
  givesUp: '代价',
  gains: '收益',
  excludedBy: '被排除，原因',
  conflicts: '相互冲突的需求',
  ignored: '未能理解（已忽略）',
  outOfScope: (topics) =>
    `不在我的决策范围内：${lists.format(topics)}。以下只回答需求中关于运行时、隔离与服务网格的部分。`,
  metricSourceTitle: '指标来源',
  sources: '来源',
  knowledge: '知识库版本',
  sharedBy: '分享者',
  shareCut: (limit) => `“分享”会重新提问需求的前 ${numbers.format(limit)} 个字符。`,
  warningTitle: '警告',
  estimateTitle: '估算',
  dimensions: { latency: '延迟', security: '安全', observability: '可观测性' },
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
  score: (n) => `${n} / 5`,

  rule(rule) {
    switch (rule.code) {
      case 'remove-empty':
        return `∅ 是空操作：移除 ${rule.count} 个 ∅`;
      case 'cancel-inverse':
        return `V∘V⁻¹ → ∅（弱逆元），抵消 ${rule.count} 次`;
      case 'collapse-runs':
        return `幂等律：${rule.operators.map((op) => `${op}∘${op} → ${op}`).join('，')}`;
      case 'head-to-front':
        return `头部算子 ${rule.head} 移到最前`;
      case 'keep-last':
        return `幂等律：${rule.operators.join('、')} 重复出现，只保留一次（最后一次出现即最外层）`;
      case 'sort-by-rank':
        return `没有头部算子，算子可交换：按秩排序 ${RANKED.join(' < ')}`;
      case 'order-under-head':
        return `在头部算子 ${rule.head} 之下：I 在前，C 与 S 按最后出现的顺序保留（S∘C ≠ C∘S），附加算子按秩排序`;
    }
  },
  warning: () =>
    'V∘V 合并为 V：嵌套虚拟化（虚拟机中的虚拟机）是另一种对象，需要硬件支持（例如嵌套 KVM）——除非确实需要，请只写一个 V',
  metricSource: (s) =>
    s.kind === 'row'
      ? `指标表中 ${s.form} 一行（${s.source.zh}）`
      : `估算自 ${[...new Set([s.basis.latency, s.basis.security, s.basis.observability].map(start))].join('、')}`,
  estimate: (form, vector, basis) => [
    `指标表中没有 ${form} 这一行，因此其指标为估算值（规则见知识库文件的 estimation 部分）。`,
    `延迟 ${vector[0]} 取自 ${start(basis.latency)}（最保守者），安全 ${vector[1]} 取自 ${start(basis.security)}，可观测性 ${vector[2]} 取自 ${start(basis.observability)}，均按该行缺少的算子的规则推得。`,
  ],
  figureSource: (s) =>
    s.kind === 'stated' ? s.text.zh : `推算：${s.parts.map((p) => `${p.operator} ${p.text}`).join(' + ')}`,
  constraint,
  assumption(a) {
    switch (a.kind) {
      case 'quantity-from-unit':
        return `未指明量：按单位读作${QUANTITY[a.quantity]}`;
      case 'range-upper':
        return '范围：按其上限读作“至多”';
      case 'no-comparator':
        return '未给出比较符：读作“至多”';
      case 'approx-as-at-most':
        return `“${a.word}”读作“至多”`;
    }
  },
  check,
  exclusion,
  trade,
  reason(r) {
    switch (r.kind) {
      case 'supports':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${r.requirement.label.zh}：支持该技术栈（+${r.weight}）`;
      case 'not-for-stack':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${r.requirement.label.zh}：并非该技术栈的长处`;
      case 'indifferent':
        return `${quote(r.requirement.text)}${from(r.requirement.source)}在此无关紧要：不考虑${r.requirement.label.zh}`;
      case 'negated':
        return r.excludes.length > 0
          ? `${quote(r.requirement.text)}${from(r.requirement.source)}为否定：排除含 ${r.excludes.join('、')} 的技术栈`
          : `${quote(r.requirement.text)}${from(r.requirement.source)}为否定：不要求${r.requirement.label.zh}`;
      case 'reading':
        return `${quote(r.requirement.text)}${from(r.requirement.source)} → ${zhReading(r)}`;
      case 'check': {
        const status = { met: '满足', violated: '不满足', unknown: '未知' }[r.check.status];
        return `${constraint(r.check.constraint)}：${status}——${check(r.check)}`;
      }
      case 'excluded':
        return `${r.stack.name}（${r.stack.form}）被排除：${r.excludedBy.map(exclusion).join('；')}`;
      case 'ranked-by-numbers':
        return '没有哪项具名需求偏向某个技术栈：先按数值需求排序，再按指标表排序。';
      case 'operator-word':
        return `需求本身就是算子序列 ${r.word}：按原样化简并查表。`;
      case 'stack':
        return r.why.zh;
      case 'composed':
        return zh.composed(r.composition);
      case 'nothing-to-deploy':
        return zh.nothingToDeploy;
      case 'radar-hold':
        return `推荐 ${r.stack.name}，因为贵组织的技术雷达将 ${lists.format(r.holds.map(described))} 列为“暂缓”：${r.instead.name}（${r.instead.form}）需要用到它。`;
      case 'radar-ring':
        return `推荐 ${r.stack.name} 而非 ${r.over.name}（${r.over.form}）：两者对您的需求（几乎）打平，而技术雷达上本技术栈${standing(r.marks)}，另一个${standing(r.overMarks)}。`;
      case 'radar-hold-named':
        return `警告：贵组织的技术雷达将 ${described(r.mark)} 列为“暂缓”；因为需求明确提到了它（${quote(r.text)}），本技术栈仍保留它。`;
    }
  },
  conflict(c) {
    switch (c.kind) {
      case 'no-stack-meets-all':
        return `没有技术栈能满足全部需求。最接近的是 ${c.closest.name}（${c.closest.form}），但${c.excludedBy.map(exclusion).join('；')}。`;
      case 'unknown-for-all':
        return `没有已知能满足${quote(c.constraint.text)}的技术栈：${c.closest.name} 最接近（${check(c.check)}）。依赖它之前请先实测。`;
      case 'favorite-excluded': {
        const gives = c.givesUp.length > 0 ? `，代价是 ${c.givesUp.map(trade).join('、')}` : '';
        return `${quote(c.text)}（${c.label.zh}）指向 ${c.favorite.name}（${c.favorite.form}），但${c.excludedBy.map(exclusion).join('；')}。改为推荐：${c.chosen.name}${gives}。`;
      }
      case 'contradiction':
        return `${quote(c.first)}与${quote(c.second)}无法同时成立：能满足前者的技术栈都被后者排除了。最接近的是 ${c.closest.name}（${c.closest.form}）；请决定放宽哪一项需求。`;
      case 'radar-excludes-all':
        return `满足您需求的每个技术栈都需要技术雷达列为“暂缓”的技术：${lists.format(c.holds.map(described))}。最接近的是 ${lists.format(c.closest.map((x) => `${x.name}（${x.form}）`))}。下面显示第一个；若要接受它，请在需求中明确写出该技术，或与技术雷达的维护者商量。`;
    }
  },
  composed: (c) => {
    const diff =
      [...c.added.map((op) => `+${op}`), ...c.missing.map((op) => `−${op}`)].join('，') ||
      '仅算子顺序不同（在头部算子之下，S∘C 与 C∘S 是不同的技术栈：A4）';
    return `没有 ${c.form || '∅'} 对应的技术栈：由其算子组合而成。部署命令取自${c.chosen ? '所选' : '最接近的'}技术栈 ${c.base.name}（${c.base.form}），差异为 ${diff}；请按差异调整。`;
  },
  nothingToDeploy: '该序列化简为 ∅（空操作）：没有技术栈，也无需部署。',
  composedNote: '知识库中没有这个范式的技术栈，以下由其算子组合而成。',

  rings: RING,
  radar: '技术雷达',
  radarMark: (mark) => `${mark.title}（${RING[mark.ring]}）${mark.description === '' ? '' : `：“${mark.description}”`}`,
  radarHome: {
    title: '贵组织的技术雷达',
    hold: '暂缓：除非需求明确提到，否则不予推荐',
    adopt: '采用：技术栈（几乎）打平时优先',
    none: '没有条目处于这些环。',
    note: (file) => `回答遵循技术雷达 ${file}：“暂缓”的技术会排除技术栈，各环在几乎打平时决定胜负。`,
  },
  radarUnmatched: (file, titles) =>
    `${file}：有 ${titles.length} 个技术雷达条目与知识库中的任何内容都不匹配，已忽略：${titles.join('、')}。请写出算子、实现或技术栈组成部分的名称，或添加 "operator" 字段。`,
  radarInUse: (version, matched) => `遵循技术雷达 ${version}（匹配了 ${matched} 个条目）`,

  configWhere: {
    SLACK_BOT_TOKEN:
      ' Bot User OAuth Token（xoxb-…）：api.slack.com/apps → 您的应用 → OAuth & Permissions → Bot User OAuth Token（请先把应用安装到工作区）',
    SLACK_SIGNING_SECRET:
      ' HTTP 模式所需（未设置 SLACK_APP_TOKEN 时）：api.slack.com/apps → 您的应用 → Basic Information → App Credentials → Signing Secret',
    SLACK_APP_TOKEN:
      '可选项；设置后使用 Socket Mode（xapp-…）：api.slack.com/apps → 您的应用 → Basic Information → App-Level Tokens → Generate，权限范围 connections:write',
    HOST: '可选项；HTTP 服务监听的地址，例如在 sidecar 代理之后用 127.0.0.1（默认：所有网卡）',
    PORT: '可选项；HTTP 端口（Socket Mode 下为 /healthz、/readyz、/metrics 所在端口），0 到 65535 的整数（默认 3000；0 表示任选空闲端口）',
    SLACK_API_URL:
      '可选项；Slack Web API 的基础 URL，例如 https://slack.com/api/（GovSlack：https://slack-gov.com/api/）',
    KNOWLEDGE_PATH: '可选项；用于补充或覆盖内置知识库的 YAML 文件',
    RADAR_PATH: '可选项；贵组织的技术雷达（Backstage Tech Radar JSON 或 Build-Your-Own-Radar CSV）：回答将遵循它',
    LOG_LEVEL: '可选项；debug、info、warn、error 之一（默认 info）',
    LOG_FORMAT: '可选项；json（JSON 行，默认）或 pretty（便于终端阅读的行）',
    SLACK_CLIENT_ID:
      '分发应用（OAuth 安装）时需要：api.slack.com/apps → 您的应用 → Basic Information → App Credentials → Client ID',
    SLACK_CLIENT_SECRET:
      '分发应用时需要：api.slack.com/apps → 您的应用 → Basic Information → App Credentials → Client Secret',
    SLACK_STATE_SECRET:
      '分发应用时需要：您自己生成的一段足够长的随机文本，例如 `openssl rand -hex 32` 的输出；用于签名 OAuth state',
    DATABASE_URL:
      '分发应用时需要：保存安装信息的 PostgreSQL 数据库，例如 postgres://user:password@host:5432/stackadvisor',
    TOKEN_ENCRYPTION_KEY:
      '分发应用时需要：32 个随机字节的 base64 编码，用于加密数据库中的令牌，例如 `openssl rand -base64 32` 的输出；请妥善保存，没有它就无法读取已存的令牌',
    THREAD_MEMORY_DAYS:
      '可选项，仅分发时使用：线程上下文在数据库中保留的天数（自机器人在该线程的最后一次回答起算），1 到 3650 的整数（默认 30）',
    AUDIT_RETENTION_DAYS:
      '可选项，仅分发时使用：回答记录（answers 表，供 stack-advisor report 使用）保留的天数，1 到 3650 的整数（默认 90）',
    AUDIT_STORE_TEXT:
      '可选项，仅分发时使用：true 时回答记录也保存提问者的原文；默认 false，只保存事实（栈、范式、语言、耗时）',
  },
  configIssue: (issue) =>
    ({
      missing: '缺失',
      'not-text': '必须是文本',
      'not-bot-token': '看起来不是机器人令牌（应以 xoxb- 开头）',
      'not-one-word': '必须是一个不含空格的词',
      'not-database-url': '必须是 postgres:// 或 postgresql:// 开头的 URL',
      'not-encryption-key': '必须是 32 字节的 base64 编码（44 个字符，例如 `openssl rand -base64 32` 的输出）',
      'single-with-distribution':
        '与分发设置同时设置了：要么只服务一个工作区（仅 SLACK_BOT_TOKEN），要么分发（不设 SLACK_BOT_TOKEN），不能两者兼有',
      'distribution-with-single': '属于分发设置，但同时也设置了 SLACK_BOT_TOKEN：请删去其中一方',
      'needed-to-distribute':
        '缺失：分发应用需要同时设置 SLACK_CLIENT_ID、SLACK_CLIENT_SECRET、SLACK_STATE_SECRET、DATABASE_URL 和 TOKEN_ENCRYPTION_KEY',
      'not-days': '必须是 1 到 3650 之间的整数天数',
      'not-boolean': '必须是 true 或 false',
      'not-signing-secret': '看起来不是签名密钥（应为一个不含空格的词）',
      'not-app-token': '看起来不是应用级令牌（应以 xapp- 开头）',
      'not-whole-number': '必须是整数',
      'port-range': '必须在 0 到 65535 之间',
      'not-url': '必须是 http(s) URL',
      'url-credentials': '不得包含用户名或密码',
      'not-host': '必须是主机名或 IP 地址',
      'log-level': '不是可用的日志级别',
      'log-format': '不是可用的日志格式',
      invalid: '无效',
    })[issue],
  running: (mode, version, port, host) =>
    mode === 'socket'
      ? `stack-advisor 正以 Socket Mode 运行（知识库 ${version}）；GET /healthz、/readyz、/metrics 位于${host === undefined ? '' : ` ${host} 的`}端口 ${port}`
      : `stack-advisor 正以 HTTP 模式运行于${host === undefined ? '' : ` ${host} 的`}端口 ${port}：POST /slack/events，GET /healthz、/readyz、/metrics（知识库 ${version}）`,
  stopping: (signal, seconds) => `${signal}：正在停止（先完成已确认的回答，最多 ${seconds} 秒）`,
  stopTooLong: (seconds) => `stack-advisor 未能在 ${seconds} 秒内停止：强制退出`,
  stoppedAbandoned: (count, seconds) => `已停止：${seconds} 秒后仍有 ${count} 个回答未完成`,
  stopped: '已停止：所有已确认的请求都已回答',
  stopFailed: (detail) => `stack-advisor 未能正常停止：${detail}`,

  failure,
  failureHint: '发送 `/stack 帮助` 查看示例',
  failureFallback: '抱歉，无法回答',
  apology: '抱歉，我这边在回答时出错了。错误已记录，请稍后重试。',

  simplifyTitle: '化简 → 范式',
  explainTitle: (target) => `解释 ${target}`,
  glossary: (letter) =>
    letter === '∅'
      ? '∅ 是空操作（A6）：它把每个技术对象映射为自身，并从任何序列中消失。化简为 ∅ 的序列不部署任何东西。'
      : 'V⁻¹（也写作 V^-1）是 V 的弱逆元，即“硬件解锁”（A7）：V∘V⁻¹ → ∅。只有 V 有逆元，且只能抵消紧挨在它前面的 V。',
  operatorClass: {
    head: '头部：隔离边界，总在最前',
    base: '基础：镜像、容器、沙盒',
    'add-on': '附加：其上的网格、运行时或策略',
  },
  classLabel: '类别',
  maps: '映射',
  implementations: '实现',
  inAStack: '在技术栈中',
  whenToUse: '适用场景',
  inStacks: '包含它的典型技术栈',
  inNoStack: '知识库中尚无包含它的技术栈',
  operatorsOf: (form) => `${form} 的算子`,
  comparisonTitle: (count) => `${count} 项比较`,
  comparisonFallback: '比较',
  bestOnEach: '各维度最优',
  summary: '总结',
  winner: (dimension, winners, score, tie) => {
    const name = zh.dimensions[dimension];
    return tie ? `${name}：持平（均为 ${score}）` : `${name}：${lists.format(winners)}——${score} / 5`;
  },
  estimateMark: '（估算）',

  intro:
    '告诉我服务的需求，我会推荐运行时 / 隔离 / 服务网格技术栈，并展示每一步：' +
    '需求 → 算子序列 → 范式（含改写规则）→ 指标 延迟 / 安全 / 可观测性 → 技术栈及部署命令。' +
    '每个回答都会说明理由，并列出相近的备选和需求间的冲突。',
  howToAsk: '如何提问',
  usage: [
    '`/stack <需求>`：给出建议，仅您可见，并附“分享到频道”按钮',
    '`/stack <算子序列>`，例如 `V∘C∘M∘C` 或 `V -> C -> M`：化简过程、指标与技术栈',
    '`/stack 比较 <a> | <b>`：并列比较，以及谁在哪方面胜出',
    '`/stack 解释 <算子或范式>`：它是什么、实现、数据、适用场景',
    '`/stack 帮助`：显示本消息',
    '`/stack 表单`：用表单填写延迟、内存、合规等需求',
    '在任意消息的 ⋮ 菜单中选择 *Ask stack-advisor*：针对该消息的回答，仅您可见',
    '在话题中 @我：我在话题内回答，后续追问会与我在该话题中的上一个回答合并',
    '私信与 @我 的用法相同',
  ],
  examples: '示例',
  examplesOther: '英文示例',
  helpFallback: 'stack-advisor：/stack <需求>、/stack <算子序列>、/stack 比较 a | b、/stack 解释 X',
  languageNote: '我用您提问的语言回答。以 `中文:` 或 `en:` 开头可指定语言；算子序列和按钮使用您的 Slack 语言设置。',
  homeStacks: (count) => `${count} 个典型技术栈`,
  homeMetricsNote:
    '指标依次为 延迟-安全-可观测性，各按 1–5 打分，5 最好（延迟 5 = 延迟最低）；▼ 表示 4–5，▲ 表示 1–3。',
  homeGlossary: '算子词汇表',
  homeClass: {
    head: '头部：隔离边界（每个技术栈一个，总在最前）',
    base: '基础：镜像、容器、沙盒',
    'add-on': '附加：网格、运行时、策略、遥测',
  },
  homeExamples: '示例问题',

  kitUploadComment: (stack, form, app, files) =>
    `${stack}（${form}）的部署套件，应用 ${app}：共 ${files} 个文件。请先阅读 README.md。`,
  kitTitle: (stack) => `部署套件 · ${stack}`,
  kitFallback: (stack, form, files) => `${stack}（${form}）的部署套件：${files}`,
  kitCommands: '命令（按顺序）',
  kitAll: (files, command) => `全部 ${files} 个文件，附含前提条件与检查步骤的 README：${command}`,
  kitPrivate: '该回答仅您可见，因此在此处显示部署套件，而不上传。',
  kitUploadFailed: '文件无法上传到此处，因此改为直接显示部署套件。',

  kitReadme: {
    title: (stack, form) => `部署套件：${stack}（${form}）`,
    intro: (stackId, app, image, why) =>
      `技术栈 \`${stackId}\`，用于应用 \`${app}\`，镜像 \`${image}\`，由 stack-advisor 生成。${why}`,
    files: '文件',
    readmeFile: (path) => `\`${path}\`：本文件。`,
    file: (path, describes) => `\`${path}\`：${describes}`,
    beforeYouStart: '开始之前',
    onYourMachine: '在您的机器上：',
    onTheCluster: '在集群上：',
    forTheApplication: '对应用的要求：',
    commandsInOrder: '命令（按顺序执行）',
    step: (n, command, note) => `第 ${n} 步 \`${command}\`：${note}`,
    checkThatItWorked: '检查是否生效',
    check: (command, expect) => `\`${command}\`——预期：${expect}`,
    corrections: '对原始资料的更正',
    correction: (right, reason) => `\`${right}\` 取代了原始资料中的一条无效命令。${reason}`,
    remove: '删除',
    seccompWhere: (profile, placement) => (placement === '' ? profile : `${profile}，${placement}`),
  },
  review: reviewZh,
  report: {
    title: (total, since, until) => `stack-advisor 报告：${since} 至 ${until}（UTC）共 ${total} 条回答`,
    week: (monday, answers, languages) => `${monday} 起的一周：${answers} 条回答（${languages}）`,
    byStack: '按技术栈和语言：',
    composed: '由算子组装',
    other: (kinds) => `其他回答：${kinds}`,
    unmet: '最常见的未满足数值限制：',
    conflicts: '最常见的冲突：',
    empty: '这段时间没有记录到回答。',
    kind: (kind) =>
      ({
        advice: '建议',
        simplification: '化简',
        explanation: '解释',
        comparison: '比较',
        help: '帮助',
        refused: '未能回答',
      })[kind],
    limit: (quantity, comparator, value, unit) =>
      `${QUANTITY[quantity]} ${COMPARATOR[comparator]} ${trim(value)} ${unit}`,
    conflict: (kind, subjects) => {
      const [a = '', b = ''] = subjects;
      switch (kind) {
        case 'no-stack-meets-all':
          return `没有技术栈满足全部需求（最接近：${a}）`;
        case 'unknown-for-all':
          return `没有已知技术栈能满足${QUANTITY[a as keyof typeof QUANTITY] ?? a}要求`;
        case 'favorite-excluded':
          return `${a} 指向 ${b}，但其他需求排除了它`;
        case 'contradiction':
          return `${a} 与 ${b} 无法同时成立`;
        case 'radar-excludes-all':
          return `技术雷达的暂缓项排除了所有合适的技术栈（${subjects.join('、')}）`;
      }
    },
    separator: '，',
  },

  cliHelp: `stack-advisor —— 哪种运行时 / 隔离 / 网格技术栈适合您的需求
  stack-advisor ask "<文本>"                与 /stack 相同的回答：建议、化简、解释、比较、帮助
  stack-advisor advise "<需求>"             例如 "边缘计算，冷启动 < 10ms，内存 < 50MB" 或 "强隔离+合规，多租户"
  stack-advisor simplify "<算子序列>"       例如 "V -> C -> M -> C"（用 - 从标准输入读取）
  stack-advisor explain <算子|范式>         例如 Am、W、V∘S∘C∘M
  stack-advisor compare "<a>" "<b>" [...]   需求或算子序列，并列比较
  stack-advisor blocks "<文本>"             Slack 机器人对 /stack <文本> 发送的 Block Kit JSON
  stack-advisor kit "<算子序列或需求>" --out DIR [--app NAME] [--image IMAGE] [--force]
选项：--json（机器可读）、--lang en|zh（默认：需求的语言，其次 LC_ALL/LANG）、--no-color、
--radar 文件（回答遵循贵组织的技术雷达：Backstage JSON 或 Build-Your-Own-Radar CSV）、--help、--version。
  stack-advisor diff "<之前>" "<之后>"      推荐有何变化，以及原因
  stack-advisor adr "<需求>" [--title T] [--status proposed|accepted] [--out DIR|FILE.md]
                                            决策记录（MADR 4.0）；在 DIR 中按下一个 NNNN-标题.md 命名
  stack-advisor report [--since 30d|8w|2026-11-01]
                                            分发模式的机器人按周统计的回答（读取 DATABASE_URL）
选项：--json（机器可读）、--lang en|zh（默认：需求的语言，其次 LC_ALL/LANG）、--no-color、--help、--version。
退出码：0 已回答，2 输入有误，1 无法运行。
算子：V Kc F G Cc（头部）· I C S（基础）· M W We Am P Ns Cg O E Ist Otel Gk（附加）· ∅ · V⁻¹`,
  cliKit: {
    usage: (
      app,
    ) => `用法：stack-advisor kit "<算子序列、技术栈 id 或需求>" --out DIR [--app NAME] [--image IMAGE] [--force] [--json] [--lang en|zh] [--radar 文件]

写出回答所推荐技术栈的部署套件：其命令引用的文件（seccomp 配置、RuntimeClass、Namespace、Deployment），
以及一份 README，按顺序列出命令、前提条件和检查是否成功的方法。

  --out DIR       写入的目录（不存在则创建）
  --app NAME      应用名，须为 DNS 标签（默认 ${app}）：用作命名空间、Deployment 和容器名
  --image IMAGE   镜像引用（默认取技术栈的镜像，例如 ${app}:v1.0）
  --force         覆盖已存在的文件（不加时，只要有文件会被覆盖就什么都不写）
  --json          输出 {"files": [...], "commands": [...]}，而非文本
  --lang en|zh    README 和消息的语言（默认：需求的语言，其次 LC_ALL/LANG）
  --radar 文件    按贵组织的技术雷达选择技术栈（Backstage JSON 或 Build-Your-Own-Radar CSV）

示例：
  stack-advisor kit "I∘C∘S∘M" --out kit
  stack-advisor kit "强隔离，合规" --out kit --app payments --image registry.example.com/payments:1.4.2
  stack-advisor kit edge --out edge-kit --json`,
    wrote: (stackId, form, app, image, dir) =>
      `已将 ${stackId}（${form}）的部署套件写入 ${dir}，应用 ${app}（${image}）：`,
    runInOrder: (dir, readme) => `请在 ${dir} 中按顺序运行（${readme} 说明了每一步的前提以及如何检查是否成功）：`,
  },
  terminal: {
    request: '需求',
    notUnderstood: '未能理解',
    outOfScope: '不在 stack-advisor 的决策范围内',
    wordLine: '算子序列',
    warning: '警告',
    normalForm: '范式',
    implementation: '实现',
    deploy: '部署',
    deployNothing: '部署：无',
    earlierInThread: '来自本话题之前的回答',
    compare: '比较',
    whoWins: '谁在哪方面胜出',
    figures: '数据',
    knowledge: '知识库版本',
    radar: '技术雷达',
  },
};
