import { isHead, type Operator } from '../algebra/operators.js';
import { parseWord } from '../algebra/parse.js';
import type { Stack } from '../knowledge/schema.js';
import { fail, failure, ok, type Result } from '../result.js';
import type { KitFailure } from './kit.js';
import { referencedFiles } from './references.js';
import type { KitTemplates, Mesh, RuntimeClassTemplate } from './schema.js';

export type SeccompChoice = 'localhost' | 'runtime-default' | 'none';

/** The workload of a kit: which deployment file, which seccomp profile, and where it sits (A4). */
export interface WorkloadPlan {
  readonly file: string;
  readonly seccomp: SeccompChoice;
  readonly placement: 'pod' | 'container';
}

/** What a stack's kit contains and why: read from its commands first, its normal form second. */
export interface KitPlan {
  readonly operators: readonly Operator[];
  /** The files the commands name, in the order they first appear. */
  readonly referenced: readonly string[];
  readonly runtimeClass: RuntimeClassTemplate | undefined;
  readonly mesh: Mesh | undefined;
  /** True when a command applies the namespace file: the workload then lives in the namespace named after the app. */
  readonly namespace: boolean;
  readonly workload: WorkloadPlan | undefined;
  /** True when custom.json is in the kit: a command or a Localhost profile needs it. */
  readonly seccompFile: boolean;
  /** True when a command applies the mesh policy file (PeerAuthentication, AuthorizationPolicy, waypoint). */
  readonly meshPolicy: boolean;
  /** True when a command applies the seccomp installer (the profile copied onto every node by a DaemonSet). */
  readonly seccompInstaller: boolean;
}

const inconsistent = (stack: Stack, detail: string): Result<never, KitFailure> =>
  fail(failure('kit-inconsistent', { stackId: stack.id, form: stack.form, detail }));

function meshOf(
  stack: Stack,
  operators: readonly Operator[],
  meshes: readonly Mesh[],
): Result<Mesh | undefined, KitFailure> {
  const byCommand = meshes.filter((m) => stack.commands.some((c) => m.markers.some((marker) => c.includes(marker))));
  if (byCommand.length > 1) {
    return inconsistent(
      stack,
      `its commands set up two Istio data planes (${byCommand.map((m) => m.mode).join(' and ')})`,
    );
  }
  if (byCommand.length === 1) return ok(byCommand[0]);
  const byOperator = meshes.filter((m) => m.operators.some((op) => operators.includes(op)));
  if (byOperator.length > 1) {
    return inconsistent(stack, `its form names two meshes (${byOperator.map((m) => m.mode).join(' and ')})`);
  }
  return ok(byOperator[0]);
}

function runtimeClassOf(
  stack: Stack,
  operators: readonly Operator[],
  classes: readonly RuntimeClassTemplate[],
): Result<RuntimeClassTemplate | undefined, KitFailure> {
  const covered = new Set<Operator>(classes.flatMap((rc) => rc.operators));
  const needing = operators.filter((op) => isHead(op) || covered.has(op));
  const chosen = new Set<RuntimeClassTemplate>();
  for (const op of needing) {
    const rc = classes.find((c) => c.operators.includes(op));
    if (rc === undefined) {
      return fail(failure('kit-unsupported', { stackId: stack.id, form: stack.form, operator: op }));
    }
    chosen.add(rc);
  }
  if (chosen.size > 1) {
    const files = [...chosen].map((rc) => rc.file ?? String(rc.document.metadata.name));
    return fail(failure('kit-unsupported', { stackId: stack.id, form: stack.form, files }));
  }
  return ok([...chosen][0]);
}

/** Works out a stack's kit from its commands and form, or says why no kit can satisfy both. */
export function planKit(stack: Stack, templates: KitTemplates): Result<KitPlan, KitFailure> {
  const parsed = parseWord(stack.form);
  if (!parsed.ok) return inconsistent(stack, `its form is not an operator word (${parsed.error.code})`);
  const operators = parsed.value.filter((l): l is Operator => l !== '∅' && l !== 'V⁻¹');

  const referenced = [...new Set(stack.commands.flatMap(referencedFiles))];
  const known = new Set([
    templates.seccomp.file,
    templates.seccomp.installer.file,
    templates.namespace.file,
    templates.mesh_policy.file,
    ...templates.runtime_classes.flatMap((rc) => (rc.file === undefined ? [] : [rc.file])),
    ...templates.deployment.files.map((d) => d.file),
  ]);
  const unknown = referenced.filter((f) => !known.has(f));
  if (unknown.length > 0) {
    return fail(failure('kit-no-template', { stackId: stack.id, files: unknown, known: [...known] }));
  }

  const mesh = meshOf(stack, operators, templates.meshes);
  if (!mesh.ok) return mesh;
  const namespace = referenced.includes(templates.namespace.file);

  const workloads = templates.deployment.files.filter((d) => referenced.includes(d.file));
  if (workloads.length > 1) {
    return inconsistent(
      stack,
      `its commands apply two Deployments of the same app (${workloads.map((w) => w.file).join(', ')})`,
    );
  }
  let workload: WorkloadPlan | undefined;
  let runtimeClass: RuntimeClassTemplate | undefined;
  if (workloads.length === 1) {
    const hasS = operators.includes('S');
    if (workloads[0].seccomp === 'localhost' && !hasS) {
      return inconsistent(stack, `${workloads[0].file} carries a seccomp profile, but the form has no S`);
    }
    const s = operators.indexOf('S');
    const c = operators.indexOf('C');
    workload = {
      file: workloads[0].file,
      seccomp: hasS ? workloads[0].seccomp : 'none',
      placement: c < 0 || s < c ? 'pod' : 'container',
    };
    const rc = runtimeClassOf(stack, operators, templates.runtime_classes);
    if (!rc.ok) return rc;
    runtimeClass = rc.value;
    const rcName = runtimeClass?.document.metadata.name;
    if (runtimeClass?.file !== undefined && !referenced.includes(runtimeClass.file)) {
      return inconsistent(
        stack,
        `the form runs on the RuntimeClass of ${runtimeClass.file}, but no command applies that file, so ${workload.file} would name a RuntimeClass the cluster does not have`,
      );
    }
    // An installer's RuntimeClass is never re-applied (D5): a command checks it exists before the Deployment.
    if (runtimeClass?.owner === 'installer' && !stack.commands.some((c) => c.includes(`get runtimeclass ${rcName}`))) {
      return inconsistent(
        stack,
        `the form runs on the installer's RuntimeClass ${rcName}, and no command checks it exists (kubectl get runtimeclass ${rcName})`,
      );
    }
    if (mesh.value !== undefined && !namespace) {
      const m = mesh.value;
      const enrolledByCommand = m.marker_enrolls && stack.commands.some((c) => m.markers.some((k) => c.includes(k)));
      if (!enrolledByCommand) {
        return inconsistent(
          stack,
          `the ${mesh.value.mode} mesh takes in pods through their namespace's label, but no command applies ${templates.namespace.file}`,
        );
      }
    }
  }
  const strayClass = templates.runtime_classes.find(
    (rc) => rc.file !== undefined && referenced.includes(rc.file) && rc.file !== runtimeClass?.file,
  );
  if (strayClass !== undefined) {
    return inconsistent(
      stack,
      `its commands apply ${strayClass.file}, but ${workload === undefined ? 'no Deployment uses it' : `the form runs on ${runtimeClass?.file ?? 'the default runtime'}`}`,
    );
  }
  const seccompFile = referenced.includes(templates.seccomp.file) || workload?.seccomp === 'localhost';
  const meshPolicy = referenced.includes(templates.mesh_policy.file);
  if (meshPolicy && mesh.value === undefined) {
    return inconsistent(stack, `its commands apply ${templates.mesh_policy.file}, but it sets up no mesh`);
  }
  // The mesh mode that works on the runtime wins over the one the commands install (D2: ambient misses Kata pods).
  const runtimeMesh = runtimeClass?.mesh;
  const chosenMesh =
    mesh.value !== undefined && runtimeMesh !== undefined && runtimeMesh.mode !== mesh.value.mode
      ? (templates.meshes.find((m) => m.mode === runtimeMesh.mode) ?? mesh.value)
      : mesh.value;
  return ok({
    operators,
    referenced,
    runtimeClass,
    mesh: chosenMesh,
    namespace,
    workload,
    seccompFile,
    meshPolicy,
    seccompInstaller: referenced.includes(templates.seccomp.installer.file),
  });
}
