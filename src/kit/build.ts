import { commandsFor, type Target } from '../knowledge/commands.js';
import type { Knowledge, Stack } from '../knowledge/schema.js';
import type { Language, Localized } from '../language.js';
import { messages } from '../render/messages/index.js';
import { fail, failure, ok, type Result } from '../result.js';
import type { Kit, KitFailure, KitFile } from './kit.js';
import { manifestFiles } from './manifests.js';
import { type KitPlan, planKit } from './plan.js';
import { readmeText } from './readme.js';
import type { KitTemplates } from './schema.js';
import { checkTarget } from './target.js';
import { fillText, type Vars } from './template.js';

const README = 'README.md';

function varsFor(
  kb: Knowledge,
  stack: Stack,
  templates: KitTemplates,
  plan: KitPlan,
  target: Target,
  language: Language,
): Result<Vars, KitFailure> {
  const rc = plan.runtimeClass;
  const base: Vars = {
    app: target.app,
    image: target.image,
    namespace: target.app,
    stack_id: stack.id,
    stack_name: stack.name,
    form: stack.form,
    knowledge_version: kb.version,
    runtime_class: rc?.document.metadata.name ?? '',
    handler: rc?.document.handler ?? '',
    seccomp_file: templates.seccomp.file,
    localhost_profile: templates.seccomp.localhost_profile,
    node_path: templates.seccomp.node_path,
    selector: `app.kubernetes.io/name=${target.app}`,
    ns: plan.namespace ? ` -n ${target.app}` : '',
    // istio-init needs NET_ADMIN inside a Kata guest, so such a namespace cannot enforce restricted (D2).
    pod_security: (plan.mesh !== undefined ? rc?.mesh?.pod_security : undefined) ?? 'restricted',
  };
  // The phrases below go into the files' descriptions in the README only, never into a manifest.
  const phrase = (text: Localized | string): Result<string, KitFailure> =>
    fillText(typeof text === 'string' ? text : text[language], base);
  const workload = plan.workload;
  const where = plan.namespace ? phrase(templates.deployment.where) : ok('');
  const runtime = rc !== undefined ? phrase(templates.deployment.runtime) : ok('');
  const choice =
    workload?.seccomp === 'localhost'
      ? templates.seccomp.localhost.describes
      : workload?.seccomp === 'runtime-default'
        ? templates.seccomp.runtime_default.describes
        : templates.seccomp.none.describes;
  const placement =
    workload?.seccomp === 'none' ? '' : templates.seccomp.placement[workload?.placement ?? 'pod'][language];
  const seccomp = phrase(messages(language).kitReadme.seccompWhere(choice[language], placement));
  const mesh = plan.namespace && plan.mesh !== undefined ? phrase(plan.mesh.label_text) : ok('');
  for (const r of [where, runtime, seccomp, mesh]) if (!r.ok) return r;
  const text = (r: Result<string, KitFailure>): string => (r.ok ? r.value : '');
  return ok({
    ...base,
    where: text(where),
    runtime_text: text(runtime),
    seccomp_text: text(seccomp),
    mesh_label_text: text(mesh),
  });
}

/**
 * Builds the deploy kit of a stack for an application: the files its commands name (from knowledge/kit.yaml), a
 * README in `language`, and the commands themselves as answers show them (commandsFor). Only the README depends on
 * the language: the other files are the same bytes in English and Chinese. Pure: the caller writes the files.
 */
export function buildKit(
  kb: Knowledge,
  templates: KitTemplates,
  stackId: string,
  target: Target,
  language: Language,
): Result<Kit, KitFailure> {
  const stack = kb.stacks.find((s) => s.id === stackId);
  if (stack === undefined) {
    return fail(failure('unknown-stack', { stackId, known: kb.stacks.map((s) => s.id) }));
  }
  const checked = checkTarget(target);
  if (!checked.ok) return checked;
  const plan = planKit(stack, templates);
  if (!plan.ok) return plan;
  const vars = varsFor(kb, stack, templates, plan.value, target, language);
  if (!vars.ok) return vars;
  const manifests = manifestFiles(plan.value, templates, vars.value);
  if (!manifests.ok) return manifests;

  const describes = new Map<string, Localized>([
    [templates.seccomp.file, templates.seccomp.describes],
    [templates.seccomp.installer.file, templates.seccomp.installer.describes],
    [templates.namespace.file, templates.namespace.describes],
    [templates.mesh_policy.file, templates.mesh_policy.describes],
    ...templates.runtime_classes.flatMap((rc): [string, Localized][] => [
      ...(rc.file === undefined ? [] : [[rc.file, rc.describes] as [string, Localized]]),
      ...rc.node_files.map((n): [string, Localized] => [n.file, n.describes]),
    ]),
    ...templates.deployment.files.map((d): [string, Localized] => [d.file, templates.deployment.describes]),
  ]);
  // The order the commands use the files in, then files only a manifest points at (custom.json for Localhost).
  const order = [
    ...plan.value.referenced,
    ...[...manifests.value.keys()].filter((f) => !plan.value.referenced.includes(f)),
  ];
  const files: KitFile[] = order.map((path) => {
    const content = manifests.value.get(path);
    // planKit only lets through files a template builds, so a gap here is a bug, not bad input.
    if (content === undefined) throw new Error(`kit: ${path} is named by a command but was not built`);
    return { path, content };
  });
  const commands = commandsFor(stack, target);
  const readme = readmeText({
    language,
    stack,
    templates,
    plan: plan.value,
    vars: vars.value,
    commands,
    files: files.map((f) => ({ path: f.path, describes: describes.get(f.path) ?? { en: '', zh: '' } })),
  });
  if (!readme.ok) return readme;
  return ok({
    stackId: stack.id,
    normalForm: stack.form,
    app: target.app,
    image: target.image,
    files: [{ path: README, content: readme.value }, ...files],
    commands,
  });
}
