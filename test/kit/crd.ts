import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The custom resources a kit may contain, checked against the openAPIV3Schema of their real CustomResourceDefinition
 * (test/fixtures/schemas, extracted from the upstream CRDs each file's $comment names): types, enums and required
 * fields with ajv, and unknown fields the way the API server's structural pruning would drop them silently.
 */

type Schema = Record<string, unknown>;

const FILES: Record<string, string> = {
  'security.istio.io/v1/PeerAuthentication': 'peerauthentication.security.istio.io.v1.schema.json',
  'security.istio.io/v1/AuthorizationPolicy': 'authorizationpolicy.security.istio.io.v1.schema.json',
  'gateway.networking.k8s.io/v1/Gateway': 'gateway.gateway.networking.k8s.io.v1.schema.json',
};

// Kubernetes extensions (x-kubernetes-*) are not JSON Schema keywords, and CEL rules need an API server: ajv checks
// what JSON Schema can say.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<string, { schema: Schema; validate: ValidateFunction }>();

function schemaOf(key: string): { schema: Schema; validate: ValidateFunction } | undefined {
  const file = FILES[key];
  if (file === undefined) return undefined;
  let entry = compiled.get(key);
  if (entry === undefined) {
    const { $comment: _source, ...schema } = JSON.parse(
      readFileSync(new URL(`../fixtures/schemas/${file}`, import.meta.url), 'utf8'),
    ) as Schema;
    entry = { schema, validate: ajv.compile(schema) };
    compiled.set(key, entry);
  }
  return entry;
}

/** True when a CRD schema is vendored for the document's apiVersion and kind. */
export function isCustomResource(doc: { apiVersion: string; kind: string }): boolean {
  return FILES[`${doc.apiVersion}/${doc.kind}`] !== undefined;
}

/** The document's problems against its CRD schema (ajv's messages), or an empty list. */
export function crdProblems(doc: { apiVersion: string; kind: string; [key: string]: unknown }): string[] {
  const entry = schemaOf(`${doc.apiVersion}/${doc.kind}`);
  if (entry === undefined) return [`no CRD schema for ${doc.apiVersion} ${doc.kind}`];
  if (entry.validate(doc)) return [];
  return (entry.validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/** Fields the CRD schema does not declare: the API server would prune them without a word. */
export function crdUnknownFields(doc: { apiVersion: string; kind: string; [key: string]: unknown }): string[] {
  const entry = schemaOf(`${doc.apiVersion}/${doc.kind}`);
  if (entry === undefined) return [`(no CRD schema for ${doc.apiVersion} ${doc.kind})`];
  const found: string[] = [];
  const walk = (value: unknown, schema: Schema | undefined, path: string) => {
    if (schema === undefined || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, schema.items as Schema | undefined, `${path}[${i}]`);
      return;
    }
    const properties = schema.properties as Record<string, Schema> | undefined;
    if (properties === undefined || schema['x-kubernetes-preserve-unknown-fields'] === true) return;
    for (const [key, v] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      // Every object has apiVersion, kind and metadata; Istio's CRD schemas declare only spec and status.
      if (path === '' && ['apiVersion', 'kind', 'metadata'].includes(key)) continue;
      const sub = properties[key] ?? (schema.additionalProperties as Schema | undefined);
      if (sub === undefined) found.push(at);
      else walk(v, sub, at);
    }
  };
  walk(doc, entry.schema, '');
  return found;
}
