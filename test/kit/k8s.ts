import { readFileSync } from 'node:fs';
import { DaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { RuntimeClass } from 'kubernetes-models/node.k8s.io/v1/RuntimeClass';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parseAllDocuments } from 'yaml';
import { buildKit } from '../../src/kit/build.js';
import type { Kit } from '../../src/kit/kit.js';
import { loadKitTemplates } from '../../src/kit/load.js';
import type { KitTemplates } from '../../src/kit/schema.js';
import { targetFor } from '../../src/knowledge/commands.js';
import type { Knowledge, Stack } from '../../src/knowledge/schema.js';
import type { Language } from '../../src/language.js';
import { say } from '../support.js';
import { crdProblems, isCustomResource } from './crd.js';

/** The built-in kit templates; a failure to load is a test failure. */
export function kitTemplates(): KitTemplates {
  const t = loadKitTemplates();
  if (!t.ok) throw new Error(say(t.error));
  return t.value;
}

/** The kit of a stack for the default target (or the given app), or a thrown error naming the failure. */
export function kitOf(
  kb: Knowledge,
  templates: KitTemplates,
  stack: Stack,
  app?: string,
  image?: string,
  language: Language = 'en',
): Kit {
  const kit = buildKit(kb, templates, stack.id, targetFor(stack, app, image), language);
  if (!kit.ok) throw new Error(`${stack.id}: ${kit.error.code}: ${say(kit.error)}`);
  return kit.value;
}

export type Doc = Record<string, unknown> & { kind: string; apiVersion: string; metadata: Record<string, unknown> };

export interface KitDocument {
  readonly file: string;
  readonly doc: Doc;
}

/** Every Kubernetes document of a kit's YAML files, with the file it came from. */
export function documentsOf(kit: Kit): KitDocument[] {
  return kit.files
    .filter((f) => f.path.endsWith('.yaml') || f.path.endsWith('.yml'))
    .flatMap((f) =>
      parseAllDocuments(f.content).map((d) => {
        if (d.errors.length > 0) throw new Error(`${f.path}: ${d.errors[0].message}`);
        return { file: f.path, doc: d.toJS() as Doc };
      }),
    );
}

// One kubernetes-models class per kind the kit may contain; an unknown kind is a test failure, not a pass.
const MODELS: Record<string, (doc: Doc) => { validate(): void }> = {
  'apps/v1/Deployment': (d) => new Deployment(d as never),
  'v1/Service': (d) => new Service(d as never),
  'v1/Namespace': (d) => new Namespace(d as never),
  'node.k8s.io/v1/RuntimeClass': (d) => new RuntimeClass(d as never),
  'v1/ServiceAccount': (d) => new ServiceAccount(d as never),
  'v1/ConfigMap': (d) => new ConfigMap(d as never),
  'apps/v1/DaemonSet': (d) => new DaemonSet(d as never),
  'policy/v1/PodDisruptionBudget': (d) => new PodDisruptionBudget(d as never),
  'networking.k8s.io/v1/NetworkPolicy': (d) => new NetworkPolicy(d as never),
};

/** Validates a document against the Kubernetes API schema of its kind; returns the problem, or undefined. */
export function schemaProblem(doc: Doc): string | undefined {
  // Istio and Gateway API kinds: the upstream CRD's openAPIV3Schema (test/kit/crd.ts).
  if (isCustomResource(doc)) {
    const problems = crdProblems(doc);
    return problems.length === 0 ? undefined : problems.join('; ');
  }
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (model === undefined) return `no schema for ${doc.apiVersion} ${doc.kind}`;
  try {
    model(doc).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Reads a nested field: at(doc, 'spec', 'template', 'spec'). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** Linux syscall names (test/fixtures/kit/syscall-names.txt). */
export const SYSCALLS: ReadonlySet<string> = new Set(
  readFileSync(new URL('../fixtures/kit/syscall-names.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')),
);

/** The files a command names, read independently of src/kit/references.ts: `-f FILE` and `seccomp=FILE`. */
export function filesNamedBy(command: string): string[] {
  return [...command.matchAll(/(?:-f\s+|seccomp=)([^\s|]+)/g)].map((m) => m[1]).filter((f) => f !== '-');
}
