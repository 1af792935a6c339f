import { describe, expect, it } from 'vitest';
import { knowledge } from '../support.js';
import { crdProblems, crdUnknownFields } from './crd.js';
import { documentsOf, kitOf, kitTemplates, schemaProblem } from './k8s.js';

const kb = knowledge();
const templates = kitTemplates();
const docsOf = (id: string) => {
  const stack = kb.stacks.find((s) => s.id === id);
  if (stack === undefined) throw new Error(id);
  return documentsOf(kitOf(kb, templates, stack)).map((d) => d.doc);
};

describe('Istio and Gateway API objects against their upstream CRD schemas', () => {
  const ambient = docsOf('lightweight');
  const byKind = (kind: string) => {
    const doc = ambient.find((d) => d.kind === kind);
    if (doc === undefined) throw new Error(`no ${kind}`);
    return doc;
  };

  it.each(['PeerAuthentication', 'AuthorizationPolicy', 'Gateway'])('the ambient kit has a valid %s', (kind) => {
    const doc = byKind(kind);
    expect(crdProblems(doc)).toEqual([]);
    expect(crdUnknownFields(doc)).toEqual([]);
  });

  it('rejects a wrong enum, a wrong type and a misspelt field (negative control)', () => {
    const peer = byKind('PeerAuthentication');
    expect(crdProblems({ ...peer, spec: { mtls: { mode: 'STRIKT' } } }).join()).toContain('allowed values');
    const gateway = byKind('Gateway');
    const listeners = [{ name: 'mesh', port: '15008', protocol: 'HBONE' }];
    expect(crdProblems({ ...gateway, spec: { ...(gateway.spec as object), listeners } }).join()).toContain(
      'must be integer',
    );
    expect(crdUnknownFields({ ...peer, spec: { mtls: { mode: 'STRICT' }, mtlsMode: 'STRICT' } })).toEqual([
      'spec.mtlsMode',
    ]);
    expect(schemaProblem({ ...peer, spec: { mtls: { mode: 'STRIKT' } } })).toBeDefined();
  });
});
