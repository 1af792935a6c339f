import type { Stack } from '../knowledge/schema.js';
import type { Language, Localized } from '../language.js';
import { messages } from '../render/messages/index.js';
import { fail, ok, type Result } from '../result.js';
import type { KitFailure } from './kit.js';
import type { KitPlan } from './plan.js';
import { toolsOf } from './references.js';
import type { Check, KitTemplates } from './schema.js';
import { fillText, type Vars } from './template.js';

export interface ReadmeInput {
  /** The language every word of the README is in: the frame from the catalog, the prose from kit.yaml. */
  readonly language: Language;
  readonly stack: Stack;
  readonly templates: KitTemplates;
  readonly plan: KitPlan;
  readonly vars: Vars;
  readonly commands: readonly string[];
  /** The kit's files other than README.md, in order, with what each one is (placeholders not yet filled). */
  readonly files: readonly { readonly path: string; readonly describes: Localized }[];
}

const bullet = (text: string): string => `- ${text.replace(/\s+/g, ' ').trim()}`;

/** The kit's README.md: the files, the prerequisites, the commands in order, how to check it worked, how to remove it. */
export function readmeText(input: ReadmeInput): Result<string, KitFailure> {
  const { language, stack, templates, plan, vars, commands } = input;
  const m = messages(language).kitReadme;
  let failure: KitFailure | undefined;
  const fill = (prose: Localized | string): string => {
    const text = typeof prose === 'string' ? prose : prose[language];
    const r = fillText(text, vars);
    if (r.ok) return r.value;
    failure ??= r.error;
    return text;
  };
  const workload = plan.workload;
  const rc = plan.runtimeClass;

  const lines: string[] = [
    `# ${m.title(stack.name, stack.form)}`,
    '',
    m.intro(stack.id, vars.app, vars.image, stack.why[language]),
    '',
    `## ${m.files}`,
    '',
    bullet(m.readmeFile('README.md')),
    ...input.files.map((f) => bullet(m.file(f.path, fill(f.describes)))),
  ];

  const tools = [...new Set(commands.flatMap(toolsOf))];
  const machine = [
    ...templates.tools.filter((t) => tools.includes(t.command)).map((t) => t.prerequisite),
    ...(rc === undefined ? [] : rc.machine),
  ].map((p) => bullet(fill(p)));
  const cluster = [
    ...(rc === undefined ? [] : rc.prerequisites),
    ...(rc !== undefined && workload !== undefined && workload.seccomp !== 'none' ? rc.with_seccomp : []),
    ...(workload?.seccomp === 'localhost' ? templates.seccomp.localhost.prerequisites : []),
    // A runtime that decides the mesh mode (Kata: sidecar, D2) also says how to install it there.
    ...(plan.mesh === undefined ? [] : (rc?.mesh?.prerequisites ?? plan.mesh.prerequisites)),
  ].map((p) => bullet(fill(p)));
  const application = [
    ...(rc === undefined ? [] : rc.application),
    ...(workload === undefined ? [] : [templates.readme.image, templates.readme.contract]),
  ];
  lines.push('', `## ${m.beforeYouStart}`, '');
  if (machine.length > 0) lines.push(m.onYourMachine, '', ...machine, '');
  if (cluster.length > 0) lines.push(m.onTheCluster, '', ...cluster, '');
  if (application.length > 0) lines.push(m.forTheApplication, '', ...application.map((t) => bullet(fill(t))), '');

  lines.push(`## ${m.commandsInOrder}`, '', fill(templates.readme.run_from), '', '```sh', ...commands, '```', '');
  const notes = commands.flatMap((command, i) => {
    const note = templates.command_notes.find((n) => command.includes(n.contains));
    return note === undefined ? [] : [bullet(m.step(i + 1, command, fill(note.text)))];
  });
  if (notes.length > 0) lines.push(...notes, '');

  const checks: Check[] = [
    ...(workload === undefined ? [] : templates.deployment.checks),
    ...(rc === undefined ? [] : rc.checks),
    ...(workload?.seccomp === 'localhost' ? templates.seccomp.localhost.checks : []),
    ...(plan.seccompInstaller ? templates.seccomp.installer.checks : []),
    ...(workload?.seccomp === 'runtime-default' ? templates.seccomp.runtime_default.checks : []),
    ...(workload !== undefined && workload.seccomp !== 'none' ? templates.seccomp.enforced.checks : []),
    ...(plan.mesh === undefined || workload === undefined ? [] : plan.mesh.checks),
    ...(plan.mesh === undefined || workload === undefined || rc?.mesh === undefined ? [] : rc.mesh.checks),
  ];
  if (checks.length > 0) {
    lines.push(`## ${m.checkThatItWorked}`, '');
    for (const check of checks) lines.push(bullet(m.check(fill(check.command), fill(check.expect))));
    lines.push('');
  }

  const corrections = stack.corrections ?? [];
  if (corrections.length > 0) {
    // The invalid commands themselves are not repeated: a kit never carries them, not even as a quote.
    lines.push(`## ${m.corrections}`, '');
    for (const c of corrections) lines.push(bullet(m.correction(c.right, c.reason[language])));
    lines.push('');
  }

  if (workload !== undefined) {
    const remove = [
      ...(plan.meshPolicy ? [templates.mesh_policy.file] : []),
      workload.file,
      ...(plan.namespace ? [templates.namespace.file] : []),
    ];
    lines.push(`## ${m.remove}`, '', fill(templates.readme.remove), '', '```sh');
    lines.push(...remove.map((file) => `kubectl delete --ignore-not-found -f ${file}`), '```', '');
  }
  return failure === undefined ? ok(`${lines.join('\n').trimEnd()}\n`) : fail(failure);
}
