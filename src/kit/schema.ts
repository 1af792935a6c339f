import { z } from 'zod';
import { SYMBOLS } from '../algebra/operators.js';

/** The zod schema of knowledge/kit.yaml, the deploy-kit templates: the single source of truth for their types. */

const Text = z.string().min(1);
/**
 * Prose a person reads in the kit's README, in both languages: `{ en, zh }`, both required (kit.yaml is built in; no
 * overlay gives it in one language). Commands, file names, placeholders and code stay as written in both.
 */
const Prose = z.strictObject({ en: Text, zh: Text });
const OperatorSymbol = z.enum(SYMBOLS);
/** A file of the kit: a plain name in the kit directory, never a path that could leave it. */
export const KitFileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a kit file is a plain file name (letters, digits, ".", "_", "-")');

export const CheckSchema = z.object({ command: Text, expect: Prose });
const Checks = z.array(CheckSchema);

// Seccomp, in the subset of the Docker/OCI format that Docker and the CRI runtimes read alike. Strict objects: a
// Docker-only field (includes, excludes, archMap) would be dropped by containerd, widening the filter silently.
const SeccompAction = z.enum([
  'SCMP_ACT_ALLOW',
  'SCMP_ACT_ERRNO',
  'SCMP_ACT_KILL',
  'SCMP_ACT_KILL_PROCESS',
  'SCMP_ACT_KILL_THREAD',
  'SCMP_ACT_TRAP',
  'SCMP_ACT_LOG',
]);
// A default action that lets syscalls through would turn the allow list into decoration.
const SeccompDefault = SeccompAction.exclude(['SCMP_ACT_ALLOW', 'SCMP_ACT_LOG']);
const SeccompArch = z.enum([
  'SCMP_ARCH_X86_64',
  'SCMP_ARCH_X86',
  'SCMP_ARCH_X32',
  'SCMP_ARCH_AARCH64',
  'SCMP_ARCH_ARM',
  'SCMP_ARCH_S390X',
  'SCMP_ARCH_S390',
  'SCMP_ARCH_PPC64LE',
  'SCMP_ARCH_RISCV64',
]);
const SeccompArg = z.strictObject({
  index: z.number().int().min(0).max(5),
  value: z.number().int().nonnegative(),
  valueTwo: z.number().int().nonnegative().optional(),
  op: z.enum([
    'SCMP_CMP_NE',
    'SCMP_CMP_LT',
    'SCMP_CMP_LE',
    'SCMP_CMP_EQ',
    'SCMP_CMP_GE',
    'SCMP_CMP_GT',
    'SCMP_CMP_MASKED_EQ',
  ]),
});
export const SeccompRuleSchema = z.strictObject({
  action: SeccompAction,
  errnoRet: z.number().int().positive().optional(),
  names: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a syscall name')).min(1),
  args: z.array(SeccompArg).optional(),
});
export const SeccompProfileSchema = z.strictObject({
  defaultAction: SeccompDefault,
  architectures: z.array(SeccompArch).min(1),
  syscalls: z.array(SeccompRuleSchema).min(1),
});

const SeccompSchema = z.object({
  file: KitFileName,
  localhost_profile: Text,
  node_path: Text,
  describes: Prose,
  localhost: z.object({ describes: Prose, prerequisites: z.array(Prose), checks: Checks }),
  runtime_default: z.object({ describes: Prose, checks: Checks }),
  none: z.object({ describes: Prose }),
  placement: z.object({ pod: Prose, container: Prose }),
  enforced: z.object({ checks: Checks }),
  profile: SeccompProfileSchema,
  /** The profile delivered to the nodes as a manifest (a DaemonSet copying it from a ConfigMap), not as prose. */
  installer: z.object({
    file: KitFileName,
    describes: Prose,
    checks: Checks,
    documents: z
      .array(z.looseObject({ apiVersion: Text, kind: Text, metadata: z.looseObject({ name: Text }) }))
      .refine((docs) => docs.some((d) => d.kind === 'ConfigMap'), 'a ConfigMap carries the profile'),
  }),
});

const Labels = z.record(z.string(), z.string());
const Resources = z.object({ requests: Labels.optional(), limits: Labels.optional() });

/**
 * Validates a document template against `shape` but keeps it as written. A parsed loose object would come back with
 * the shape's keys first, and a manifest is read in the order people write its keys (apiVersion, kind, metadata,
 * spec; replicas before template).
 */
function asWritten<S extends z.ZodType>(shape: S) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      const parsed = shape.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        }
      }
    })
    .pipe(z.custom<z.output<S>>());
}

/** A Kubernetes document template: kind and apiVersion known, the rest checked by the API schemas in the tests. */
const DocumentSchema = z.looseObject({
  apiVersion: Text,
  kind: Text,
  metadata: z.looseObject({ name: Text, labels: Labels.optional() }),
});

/** A file for the nodes (runtime configuration as code): in the kit, named by the README, applied by no command. */
export const NodeFileSchema = z.object({ file: KitFileName, describes: Prose, content: Text });

/** Istio on this runtime: the mesh mode that works here, whatever the commands install, and why (D2). */
const RuntimeMeshSchema = z.object({
  mode: z.enum(['ambient', 'sidecar']),
  /** The Pod Security level the namespace can enforce with this mesh on this runtime (istio-init needs NET_ADMIN). */
  pod_security: z.enum(['restricted', 'baseline', 'privileged']),
  prerequisites: z.array(Prose),
  checks: Checks,
});

export const RuntimeClassTemplateSchema = z.object({
  /** The file the kit applies; none when an installer owns the RuntimeClass (the kit then only checks it exists). */
  file: KitFileName.optional(),
  /** `installer`: the installer creates this RuntimeClass; the kit references it and never re-applies it (D5). */
  owner: z.enum(['kit', 'installer']).default('kit'),
  /** The operators this RuntimeClass implements: a form with one of them runs its pods on it. */
  operators: z.array(OperatorSymbol).min(1),
  describes: Prose,
  /** What the nodes need. */
  prerequisites: z.array(Prose),
  /** What the user's machine needs beyond the tools (for commands that use this runtime locally). */
  machine: z.array(Prose).default([]),
  /** What the application's image needs. */
  application: z.array(Prose).default([]),
  /** Extra prerequisites when the Deployment also sets a seccomp profile. */
  with_seccomp: z.array(Prose),
  checks: Checks,
  /** Overrides for the application container of a Deployment on this RuntimeClass. */
  container: z.object({ resources: Resources.optional(), startupProbe: z.looseObject({}).optional() }).optional(),
  /** Added to the pod template: annotations (runtime configuration the runtime reads per pod) and tolerations. */
  pod: z
    .object({
      annotations: Labels.optional(),
      tolerations: z.array(z.looseObject({})).optional(),
    })
    .optional(),
  /** Files for the nodes this runtime needs configured (runsc.toml): in the kit beside the manifests. */
  node_files: z.array(NodeFileSchema).default([]),
  mesh: RuntimeMeshSchema.optional(),
  document: asWritten(DocumentSchema.extend({ kind: z.literal('RuntimeClass'), handler: Text })),
});

export const MeshSchema = z.object({
  mode: z.enum(['ambient', 'sidecar']),
  /** Mesh policy documents (PeerAuthentication, AuthorizationPolicy, waypoint), in the mesh policy file. */
  documents: z.array(OtherTemplateSchema()).default([]),
  /** Text in a stack's commands that selects this mode. */
  markers: z.array(Text).min(1),
  /** Operators that select this mode when no command does. */
  operators: z.array(OperatorSymbol).min(1),
  /** True when the marker command itself puts the pods in the mesh; otherwise the namespace label does. */
  marker_enrolls: z.boolean(),
  labels: Labels,
  label_text: Prose,
  prerequisites: z.array(Prose),
  checks: Checks,
});

function OtherTemplateSchema() {
  return DocumentSchema.extend({
    metadata: z.looseObject({ name: Text, namespace: z.string().optional(), labels: Labels.optional() }),
  });
}

// The parts of the Deployment template the builder edits are typed; the rest passes through to the API schemas.
const ContainerTemplate = z.looseObject({
  name: Text,
  image: Text,
  securityContext: z.looseObject({}).optional(),
  resources: Resources.optional(),
});
const DeploymentTemplate = DocumentSchema.extend({
  kind: z.literal('Deployment'),
  metadata: z.looseObject({ name: Text, namespace: z.string().optional(), labels: Labels.optional() }),
  spec: z.looseObject({
    template: z.looseObject({
      spec: z.looseObject({
        runtimeClassName: z.string().optional(),
        securityContext: z.looseObject({}).optional(),
        containers: z.array(ContainerTemplate).min(1),
      }),
    }),
  }),
});
const OtherTemplate = OtherTemplateSchema();

export const DeploymentSectionSchema = z.object({
  files: z.array(z.object({ file: KitFileName, seccomp: z.enum(['localhost', 'runtime-default']) })).min(1),
  describes: Prose,
  where: Prose,
  runtime: Prose,
  checks: Checks,
  documents: asWritten(
    z
      .tuple([DeploymentTemplate], OtherTemplate)
      .refine((docs) => docs.slice(1).every((d) => d.kind !== 'Deployment'), 'exactly one Deployment, the first'),
  ),
});

export const KitTemplatesSchema = z
  .object({
    version: Text,
    seccomp: SeccompSchema,
    runtime_classes: z.array(RuntimeClassTemplateSchema),
    namespace: z.object({
      file: KitFileName,
      describes: Prose,
      document: asWritten(DocumentSchema.extend({ kind: z.literal('Namespace') })),
      /** The Pod Security Admission labels; `{pod_security}` is the level the kit's runtime and mesh allow. */
      pod_security: Labels,
    }),
    mesh_policy: z.object({ file: KitFileName, describes: Prose }),
    meshes: z.array(MeshSchema),
    deployment: DeploymentSectionSchema,
    tools: z.array(z.object({ command: Text, prerequisite: Prose })),
    command_notes: z.array(z.object({ contains: Text, text: Prose })),
    readme: z.object({ run_from: Prose, image: Prose, contract: Prose, remove: Prose }),
  })
  .superRefine((kit, ctx) => {
    const files = [
      kit.seccomp.file,
      kit.seccomp.installer.file,
      kit.namespace.file,
      kit.mesh_policy.file,
      ...kit.runtime_classes.flatMap((r) => [
        ...(r.file === undefined ? [] : [r.file]),
        ...r.node_files.map((n) => n.file),
      ]),
      ...kit.deployment.files.map((d) => d.file),
    ];
    const seen = new Set<string>();
    for (const file of files) {
      if (file === 'README.md') ctx.addIssue({ code: 'custom', message: 'README.md is written by the builder' });
      if (seen.has(file)) ctx.addIssue({ code: 'custom', message: `the file ${file} has two templates` });
      seen.add(file);
    }
    kit.runtime_classes.forEach((rc, i) => {
      if ((rc.owner === 'kit') !== (rc.file !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['runtime_classes', i, 'file'],
          message: 'a RuntimeClass the kit applies has a file; one an installer owns has none',
        });
      }
    });
    const owner = new Map<string, string>();
    for (const rc of kit.runtime_classes) {
      for (const op of rc.operators) {
        const other = owner.get(op);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `the operator ${op} has two RuntimeClasses: ${other} and ${rc.document.metadata.name}`,
          });
        }
        owner.set(op, rc.document.metadata.name);
      }
    }
  });

export type KitTemplates = z.infer<typeof KitTemplatesSchema>;
export type RuntimeClassTemplate = z.infer<typeof RuntimeClassTemplateSchema>;
export type Mesh = z.infer<typeof MeshSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type NodeFile = z.infer<typeof NodeFileSchema>;
export type SeccompProfile = z.infer<typeof SeccompProfileSchema>;
export type DeploymentSection = z.infer<typeof DeploymentSectionSchema>;
