import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { crdUnknownFields, isCustomResource } from './crd.js';

/**
 * Unknown-field detection for Kubernetes documents. kubernetes-models' validate() checks types, enums and required
 * fields but lets any extra key through, while `kubectl apply` (strict field validation, the default since 1.27)
 * rejects a misspelt field. The field names come from the same package's TypeScript declarations, which list every
 * property of every API type.
 */

const require = createRequire(import.meta.url);
const MODELS = dirname(require.resolve('kubernetes-models/package.json'));
const APIMACHINERY = dirname(
  createRequire(join(MODELS, 'package.json')).resolve('@kubernetes-models/apimachinery/package.json'),
);

interface Field {
  /** The declaration file of the field's object type, when it is one. */
  readonly file: string | undefined;
  readonly array: boolean;
}

const cache = new Map<string, Map<string, Field> | undefined>();

function declarationFile(spec: string, from: string): string {
  if (spec.startsWith('.')) return `${resolve(dirname(from), spec)}.d.ts`;
  const prefix = '@kubernetes-models/apimachinery/';
  if (spec.startsWith(prefix)) return `${join(APIMACHINERY, spec.slice(prefix.length))}.d.ts`;
  throw new Error(`unexpected import ${spec} in ${from}`);
}

/** The properties of the first interface a declaration file exports, or undefined for a type alias (a leaf). */
function fieldsOf(file: string): Map<string, Field> | undefined {
  if (cache.has(file)) return cache.get(file);
  const text = readFileSync(file, 'utf8');
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm))
    imports.set(m[1], declarationFile(m[2], file));
  const body = /^export interface \w+[^{]*\{\n([\s\S]*?)^\}/m.exec(text);
  let fields: Map<string, Field> | undefined;
  if (body) {
    fields = new Map();
    for (const m of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*)$/gm)) {
      const array = /^Array<(\w+)>;$/.exec(m[2]);
      const named = /^(\w+);$/.exec(m[2]);
      const type = array?.[1] ?? named?.[1];
      fields.set(m[1], { file: type === undefined ? undefined : imports.get(type), array: array !== null });
    }
  }
  cache.set(file, fields);
  return fields;
}

const ROOTS: Record<string, string> = {
  'apps/v1/Deployment': 'apps/v1/Deployment',
  'v1/Service': 'v1/Service',
  'v1/Namespace': 'v1/Namespace',
  'node.k8s.io/v1/RuntimeClass': 'node.k8s.io/v1/RuntimeClass',
  'v1/ServiceAccount': 'v1/ServiceAccount',
  'v1/ConfigMap': 'v1/ConfigMap',
  'apps/v1/DaemonSet': 'apps/v1/DaemonSet',
  'policy/v1/PodDisruptionBudget': 'policy/v1/PodDisruptionBudget',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy',
};

/** The paths of a document's fields that its API type does not have (`spec.template.spec.containers[0].bogus`). */
export function unknownFields(doc: { apiVersion: string; kind: string }): string[] {
  if (isCustomResource(doc)) return crdUnknownFields(doc);
  const root = ROOTS[`${doc.apiVersion}/${doc.kind}`];
  if (root === undefined) return [`(no declarations for ${doc.apiVersion} ${doc.kind})`];
  const found: string[] = [];
  const walk = (value: unknown, file: string | undefined, path: string) => {
    const fields = file === undefined ? undefined : fieldsOf(file);
    if (fields === undefined || typeof value !== 'object' || value === null) return;
    for (const [key, v] of Object.entries(value)) {
      const field = fields.get(key);
      const at = path === '' ? key : `${path}.${key}`;
      if (field === undefined) found.push(at);
      else if (field.array && Array.isArray(v)) {
        for (const [i, item] of v.entries()) walk(item, field.file, `${at}[${i}]`);
      } else walk(v, field.file, at);
    }
  };
  walk(doc, join(MODELS, `${root}.d.ts`), '');
  return found;
}
