import { describe, expect, it } from 'vitest';
import { parseWord } from '../../src/algebra/parse.js';
import { commandsFor, targetFor } from '../../src/knowledge/commands.js';
import { advisor, knowledge, say, seed } from '../support.js';
import { unknownFields } from './fields.js';
import { at, type Doc, documentsOf, filesNamedBy, kitOf, kitTemplates, schemaProblem } from './k8s.js';

const kb = knowledge();
const templates = kitTemplates();
const answers = advisor();
const CANONICAL = ['I∘C∘S∘M', 'V∘S∘C∘M', 'I∘C∘S∘W', 'I∘C∘S∘Am', 'V∘C∘S∘M'];
const HEADS = ['V', 'Kc', 'F', 'G', 'Cc'];

const operatorsOf = (form: string): string[] => {
  const w = parseWord(form);
  if (!w.ok) throw new Error(say(w.error));
  return [...w.value];
};
const kindOf = (docs: { doc: Doc }[], kind: string) => docs.filter((d) => d.doc.kind === kind).map((d) => d.doc);
/** The index of the first command that applies a file. */
const appliedAt = (commands: readonly string[], file: string) =>
  commands.findIndex((c) => filesNamedBy(c).includes(file));

describe('the unknown-field check', () => {
  it('catches a misspelt field, in objects and in lists', () => {
    const doc = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'a', labels: { any: 'key' }, nmespace: 'x' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { spec: { containers: [{ name: 'a', image: 'b', readOnlyRootFileSystem: true }] } },
      },
    };
    expect(unknownFields(doc)).toEqual([
      'metadata.nmespace',
      'spec.template.spec.containers[0].readOnlyRootFileSystem',
    ]);
  });
});

describe('the knowledge base has the five canonical stacks', () => {
  it.each(CANONICAL)('%s has a stack row', (form) => {
    expect(kb.stacks.some((s) => s.form === form)).toBe(true);
  });
});

describe.each(kb.stacks.map((s) => [s.id, s] as const))('the kit of %s', (_id, stack) => {
  const kit = kitOf(kb, templates, stack);
  const docs = documentsOf(kit);
  const paths = kit.files.map((f) => f.path);
  const operators = operatorsOf(stack.form);

  it('carries exactly the commands of the answer, in order', () => {
    expect(kit.commands).toEqual(commandsFor(stack, targetFor(stack)));
    const answer = answers.answer(stack.form);
    expect(answer.ok && answer.value.kind === 'simplification' && answer.value.stack.commands).toEqual(kit.commands);
  });

  it('contains every file a command names', () => {
    const named = kit.commands.flatMap(filesNamedBy);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(paths, `${file} named by the commands`).toContain(file);
  });

  it('contains nothing but the named files, README.md, custom.json when a manifest points at it, and node files', () => {
    const named = new Set(kit.commands.flatMap(filesNamedBy));
    const localhost = docs.some((d) => JSON.stringify(d.doc).includes('"Localhost"'));
    const nodeFiles = new Set(templates.runtime_classes.flatMap((rc) => rc.node_files.map((n) => n.file)));
    for (const path of paths) {
      const allowed =
        named.has(path) ||
        path === 'README.md' ||
        (path === 'custom.json' && localhost) ||
        (nodeFiles.has(path) && kit.files[0].content.includes(path));
      expect(allowed, `${path} is in the kit`).toBe(true);
    }
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('has Kubernetes documents that validate against the API schemas', () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const { file, doc } of docs) expect(schemaProblem(doc), `${file}: ${doc.kind}`).toBeUndefined();
  });

  it('has no field the API does not know (kubectl apply validates fields strictly)', () => {
    for (const { file, doc } of docs) expect(unknownFields(doc), `${file}: ${doc.kind}`).toEqual([]);
  });

  it('uses label keys and values the API accepts', () => {
    const value = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
    const key =
      /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
    const maps = docs.flatMap(({ doc }) => [
      doc.metadata.labels,
      at(doc, 'spec', 'selector'),
      at(doc, 'spec', 'selector', 'matchLabels'),
      at(doc, 'spec', 'template', 'metadata', 'labels'),
      at(doc, 'scheduling', 'nodeSelector'),
    ]);
    for (const m of maps.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null)) {
      for (const [k, v] of Object.entries(m)) {
        if (k === 'matchLabels') continue;
        expect(k).toMatch(key);
        expect(String(v)).toMatch(value);
        expect(String(v).length).toBeLessThanOrEqual(63);
      }
    }
  });

  it('names every object with a DNS label, and the Deployment selects its own pods', () => {
    for (const { doc } of docs) expect(String(doc.metadata.name)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    for (const rc of kindOf(docs, 'RuntimeClass'))
      expect(String(rc.handler)).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    for (const d of kindOf(docs, 'Deployment')) {
      const selector = at(d, 'spec', 'selector', 'matchLabels') as Record<string, string>;
      const labels = at(d, 'spec', 'template', 'metadata', 'labels') as Record<string, string>;
      expect(Object.keys(selector).length).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(selector)) expect(labels[k]).toBe(v);
      for (const s of kindOf(docs, 'Service')) {
        for (const [k, v] of Object.entries(at(s, 'spec', 'selector') as Record<string, string>))
          expect(labels[k]).toBe(v);
        const portNames = (at(d, 'spec', 'template', 'spec', 'containers', 0, 'ports') as { name: string }[]).map(
          (p) => p.name,
        );
        for (const p of at(s, 'spec', 'ports') as { targetPort: string }[]) expect(portNames).toContain(p.targetPort);
      }
    }
  });

  it('runs on a RuntimeClass the kit applies or the installer owns, exactly when the form has a head or Wasm', () => {
    const deployments = kindOf(docs, 'Deployment');
    const classes = kindOf(docs, 'RuntimeClass');
    const needsClass = operators.some((op) => HEADS.includes(op) || op === 'W' || op === 'We');
    for (const d of deployments) {
      const name = at(d, 'spec', 'template', 'spec', 'runtimeClassName');
      if (!needsClass) {
        expect(name).toBeUndefined();
        continue;
      }
      const workload = docs.find((x) => x.doc === d);
      const rc = docs.find((x) => x.doc.kind === 'RuntimeClass' && x.doc.metadata.name === name);
      if (rc && workload) {
        expect(appliedAt(kit.commands, rc.file)).toBeGreaterThanOrEqual(0);
        expect(appliedAt(kit.commands, rc.file)).toBeLessThan(appliedAt(kit.commands, workload.file));
      } else {
        // D5: an installer's RuntimeClass is checked before the Deployment, never re-applied.
        const checked = kit.commands.findIndex((c) => c === `kubectl get runtimeclass ${String(name)}`);
        expect(checked, `a command checks RuntimeClass ${String(name)} exists`).toBeGreaterThanOrEqual(0);
        expect(checked).toBeLessThan(appliedAt(kit.commands, workload?.file ?? ''));
      }
    }
    // D1/D5: every RuntimeClass the kit applies is its own, with a handler an installer registers.
    for (const c of classes) expect(at(c, 'metadata', 'labels', 'app.kubernetes.io/managed-by')).toBe('stack-advisor');
    const handlers = classes.map((c) => c.handler);
    if (operators.some((op) => op === 'V' || op === 'Kc')) expect(handlers).toEqual(['kata-qemu']);
    if (operators.includes('W')) expect(handlers).toEqual(['wasmedge']);
    if (operators.includes('F') || operators.includes('Cc')) expect(classes).toEqual([]);
  });

  it('puts namespaced objects in a namespace the kit creates earlier, labelled for the mesh its commands install', () => {
    const allNamespaces = docs.filter((x) => x.doc.kind === 'Namespace');
    for (const { file, doc } of docs.filter((x) => x.doc.kind !== 'Namespace' && x.doc.kind !== 'RuntimeClass')) {
      const ns = doc.metadata.namespace;
      if (ns === undefined) continue;
      const created = allNamespaces.find((n) => n.doc.metadata.name === ns);
      expect(created, `${doc.kind} in namespace ${String(ns)}`).toBeDefined();
      if (!created) continue;
      // Created earlier: by an earlier command, or earlier in the same file (kubectl applies a file in order).
      if (created.file === file) expect(docs.indexOf(created)).toBeLessThan(docs.findIndex((x) => x.doc === doc));
      else expect(appliedAt(kit.commands, created.file)).toBeLessThan(appliedAt(kit.commands, file));
    }
    // The application's namespace; the seccomp installer's own namespace is checked below.
    const namespaces = allNamespaces.filter(
      (n) => at(n.doc, 'metadata', 'labels', 'app.kubernetes.io/component') !== 'seccomp-installer',
    );
    const labels = namespaces.map((n) => (n.doc.metadata.labels ?? {}) as Record<string, string>);
    // D2: on Kata the mesh runs as sidecars whatever the commands install; ztunnel does not capture Kata pods.
    const kata = operators.includes('V') || operators.includes('Kc');
    const installsAmbient = kit.commands.some((c) => c.includes('--set profile=ambient'));
    const ambient = installsAmbient && !kata;
    const sidecar = kit.commands.some((c) => c.includes('istioctl kube-inject')) || (installsAmbient && kata);
    expect(labels.length, 'every kit has its namespace').toBe(1);
    for (const l of labels) {
      expect(l['istio.io/dataplane-mode'] === 'ambient').toBe(ambient);
      expect(l['istio.io/use-waypoint'] === 'waypoint').toBe(ambient);
      expect(l['istio-injection'] === 'enabled').toBe(sidecar);
      // Pod Security Admission: restricted, except where istio-init must run in a Kata guest.
      expect(l['pod-security.kubernetes.io/enforce']).toBe(sidecar && kata ? 'privileged' : 'restricted');
      expect(l['pod-security.kubernetes.io/warn']).toBe('restricted');
      expect(l['pod-security.kubernetes.io/audit']).toBe('restricted');
    }
  });

  it('delivers a Localhost profile to the nodes as a manifest: the same bytes, at the path the pods name (§5.6)', () => {
    const localhost = docs.some((d) => JSON.stringify(d.doc).includes('"Localhost"'));
    const installer = docs.filter((d) => d.file === 'seccomp-installer.yaml').map((d) => d.doc);
    expect(installer.length > 0).toBe(localhost);
    if (!localhost) return;
    const configMap = installer.find((d) => d.kind === 'ConfigMap');
    expect(at(configMap, 'data', 'custom.json')).toBe(kit.files.find((f) => f.path === 'custom.json')?.content);
    const daemonSet = installer.find((d) => d.kind === 'DaemonSet');
    const volumes = at(daemonSet, 'spec', 'template', 'spec', 'volumes') as { hostPath?: { path: string } }[];
    const dir = volumes.find((v) => v.hostPath !== undefined)?.hostPath?.path;
    expect(`${dir}/custom.json`).toBe(templates.seccomp.node_path);
    expect(templates.seccomp.node_path.endsWith(templates.seccomp.localhost_profile)).toBe(true);
    const ns = installer.find((d) => d.kind === 'Namespace');
    expect(at(ns, 'metadata', 'labels', 'pod-security.kubernetes.io/enforce')).toBe('privileged');
    expect(appliedAt(kit.commands, 'seccomp-installer.yaml')).toBeLessThan(
      appliedAt(kit.commands, 'deployment-with-seccomp.yaml'),
    );
  });

  it('has its own ServiceAccount, a PodDisruptionBudget and a default-deny NetworkPolicy (audit §5)', () => {
    const [d] = kindOf(docs, 'Deployment');
    const name = String(d.metadata.name);
    expect(at(d, 'spec', 'template', 'spec', 'serviceAccountName')).toBe(name);
    expect(kindOf(docs, 'ServiceAccount').map((x) => x.metadata.name)).toContain(name);
    const pdb = kindOf(docs, 'PodDisruptionBudget');
    expect(pdb).toHaveLength(1);
    expect(at(pdb[0], 'spec', 'minAvailable')).toBe(1);
    expect(at(pdb[0], 'spec', 'selector', 'matchLabels')).toEqual(at(d, 'spec', 'selector', 'matchLabels'));
    const deny = kindOf(docs, 'NetworkPolicy').find((p) => p.metadata.name === name);
    expect(at(deny, 'spec', 'policyTypes')).toEqual(['Ingress', 'Egress']);
    expect(at(d, 'spec', 'template', 'spec', 'topologySpreadConstraints')).toBeDefined();
  });

  it('enforces mTLS STRICT and denies by default in every mesh kit; an ambient kit has its waypoint', () => {
    const mesh = kit.commands.some((c) => c.includes('istioctl'));
    const peer = kindOf(docs, 'PeerAuthentication');
    const authz = kindOf(docs, 'AuthorizationPolicy');
    if (!mesh) {
      expect(peer).toEqual([]);
      return;
    }
    expect(peer.map((p) => at(p, 'spec', 'mtls', 'mode'))).toEqual(['STRICT']);
    expect(authz.some((a) => JSON.stringify(a.spec) === '{}')).toBe(true);
    expect(authz.some((a) => at(a, 'spec', 'action') === 'ALLOW')).toBe(true);
    const ambient = kindOf(docs, 'Namespace').some(
      (n) => at(n, 'metadata', 'labels', 'istio.io/dataplane-mode') === 'ambient',
    );
    const gateways = kindOf(docs, 'Gateway');
    expect(gateways.map((g) => at(g, 'spec', 'gatewayClassName'))).toEqual(ambient ? ['istio-waypoint'] : []);
    // The waypoint pod passes Pod Security restricted through Istio's deployment overlay (a ConfigMap).
    for (const g of gateways) {
      const ref = at(g, 'spec', 'infrastructure', 'parametersRef') as { kind: string; name: string };
      const overlay = kindOf(docs, 'ConfigMap').find((c) => c.metadata.name === ref.name);
      expect(String(at(overlay, 'data', 'deployment'))).toMatch(/seccompProfile:\s+type: RuntimeDefault/);
    }
  });

  it('configures the runtime as code: guest seccomp, runsc oci-seccomp, startup probes, tolerations (D3, §5)', () => {
    const [d] = kindOf(docs, 'Deployment');
    const annotations = at(d, 'spec', 'template', 'metadata', 'annotations') as Record<string, string> | undefined;
    const kataFamily = operators.some((op) => ['V', 'Kc', 'F', 'Cc'].includes(op));
    expect(annotations?.['io.katacontainers.config.runtime.disable_guest_seccomp']).toBe(
      kataFamily ? 'false' : undefined,
    );
    expect(at(d, 'spec', 'template', 'spec', 'containers', 0, 'startupProbe') !== undefined).toBe(kataFamily);
    const tainted = operators.some((op) => ['V', 'Kc', 'F', 'G'].includes(op));
    expect(at(d, 'spec', 'template', 'spec', 'tolerations') !== undefined).toBe(tainted);
    if (operators.includes('G')) {
      const runsc = kit.files.find((f) => f.path === 'runsc.toml');
      expect(runsc?.content).toMatch(/\[runsc_config\]\s+oci-seccomp = "true"/);
    }
  });

  it('hardens the application container', () => {
    for (const d of kindOf(docs, 'Deployment')) {
      const pod = at(d, 'spec', 'template', 'spec') as Record<string, unknown>;
      const app = at(pod, 'containers', 0) as Record<string, unknown>;
      const sc = app.securityContext as Record<string, unknown>;
      expect(sc.allowPrivilegeEscalation).toBe(false);
      expect(sc.readOnlyRootFilesystem).toBe(true);
      expect(sc.runAsNonRoot ?? at(pod, 'securityContext', 'runAsNonRoot')).toBe(true);
      expect(at(sc, 'capabilities', 'drop')).toContain('ALL');
      expect(at(app, 'resources', 'requests', 'memory')).toBeDefined();
      expect(at(app, 'resources', 'limits', 'memory')).toBeDefined();
      expect(app.readinessProbe).toBeDefined();
      expect(app.livenessProbe).toBeDefined();
      expect(app.image).toBe(kit.image);
      expect(pod.automountServiceAccountToken).toBe(false);
    }
  });

  it('sets the seccomp profile the form means, where A4 puts it', () => {
    const s = operators.indexOf('S');
    const c = operators.indexOf('C');
    for (const { file, doc } of docs.filter((x) => x.doc.kind === 'Deployment')) {
      const pod = at(doc, 'spec', 'template', 'spec', 'securityContext', 'seccompProfile') as
        | Record<string, string>
        | undefined;
      const container = at(doc, 'spec', 'template', 'spec', 'containers', 0, 'securityContext', 'seccompProfile') as
        | Record<string, string>
        | undefined;
      // D7/D8: the pod level always has a filter; the form's own profile sits where A4 puts it.
      if (s < 0 || s > c) {
        expect(pod).toEqual({ type: 'RuntimeDefault' });
      }
      if (s < 0) {
        expect(container).toBeUndefined();
        continue;
      }
      const profile = s < c ? pod : container;
      if (s < c) expect(container).toBeUndefined();
      expect(profile?.type).toBe(file === 'deployment-with-seccomp.yaml' ? 'Localhost' : 'RuntimeDefault');
      if (profile?.type === 'Localhost') {
        expect(profile.localhostProfile).toBe('profiles/custom.json');
        expect(paths).toContain('custom.json');
      } else {
        expect(profile?.localhostProfile).toBeUndefined();
      }
    }
  });

  it('has a well-formed seccomp profile that denies by default', () => {
    const file = kit.files.find((f) => f.path === 'custom.json');
    if (!stack.commands.some((cmd) => cmd.includes('seccomp=')) && file === undefined) return;
    expect(file).toBeDefined();
    const profile = JSON.parse(file?.content ?? '') as Record<string, unknown>;
    expect(['SCMP_ACT_ERRNO', 'SCMP_ACT_KILL', 'SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_TRAP']).toContain(
      profile.defaultAction,
    );
    expect((profile.architectures as string[]).length).toBeGreaterThan(0);
    expect((profile.syscalls as unknown[]).length).toBeGreaterThan(0);
  });

  it('has a README that lists the commands in order and says what each file is', () => {
    const readme = kit.files[0];
    expect(readme.path).toBe('README.md');
    const block = /## Commands, in order\n[\s\S]*?```sh\n([\s\S]*?)\n```/.exec(readme.content);
    expect(block?.[1].split('\n')).toEqual(kit.commands);
    for (const path of paths) expect(readme.content).toContain(`- \`${path}\` - `);
    expect(readme.content).toContain('## Check that it worked');
  });

  it('leaves no placeholder unfilled and never carries an invalid command', () => {
    for (const f of kit.files) {
      expect(f.content, f.path).not.toMatch(/\{[a-z][a-z_]*\}/);
      expect(f.content, f.path).not.toMatch(/--seccomp=|wasmedge\s+--seccomp/i);
    }
    for (const c of kit.commands) expect(c).not.toMatch(/--seccomp=|wasmedge\s+--seccomp/i);
  });

  it('tells what the cluster needs for its runtime and mesh', () => {
    const readme = kit.files[0].content;
    if (operators.includes('V') || operators.includes('Kc')) {
      expect(readme).toContain('Kata Containers');
      if (operators.includes('S')) expect(readme).toContain('disable_guest_seccomp = false');
    }
    if (operators.includes('W')) expect(readme).toContain('containerd-shim-wasmedge-v1');
    if (kit.commands.some((c) => c.includes('profile=ambient'))) expect(readme).toContain('ztunnel');
    if (docs.some((d) => JSON.stringify(d.doc).includes('"Localhost"'))) {
      expect(readme).toContain('/var/lib/kubelet/seccomp/profiles/custom.json');
    }
  });
});

describe('the seed cases', () => {
  it.each(seed.cases.map((c) => [c.id, c] as const))(
    '%s keeps the valid commands and corrects the invalid ones',
    (id, c) => {
      const stack = kb.stacks.find((s) => s.id === id);
      expect(stack?.form).toBe(c.normal_form);
      if (stack === undefined) return;
      const kit = kitOf(kb, templates, stack);
      for (const valid of c.commands.valid) expect(kit.commands).toContain(valid);
      for (const bad of c.commands.forbidden) expect(kit.commands.join('\n')).not.toContain(bad);
      if (c.commands.forbidden.length > 0) {
        const corrections = stack.corrections ?? [];
        expect(corrections.length).toBeGreaterThan(0);
        for (const fix of corrections) {
          expect(kit.commands).toContain(fix.right);
          expect(fix.reason.en.length).toBeGreaterThan(20);
          expect(fix.reason.zh.length).toBeGreaterThan(5);
        }
      }
    },
  );
});
