import { describe, expect, it } from 'vitest';
import { buildKit } from '../../src/kit/build.js';
import type { KitFailure } from '../../src/kit/kit.js';
import { planKit } from '../../src/kit/plan.js';
import { referencedFiles, toolsOf } from '../../src/kit/references.js';
import type { Knowledge, Stack } from '../../src/knowledge/schema.js';
import { knowledge, say } from '../support.js';
import { kitTemplates } from './k8s.js';

const kb = knowledge();
const templates = kitTemplates();
const base = kb.stacks[0];

/** A knowledge base with one extra stack, as an overlay could add it. */
function withStack(fields: Partial<Stack>): { kb: Knowledge; stack: Stack } {
  const stack: Stack = { ...base, id: 'probe', corrections: undefined, ...fields };
  return { kb: { ...kb, stacks: [...kb.stacks, stack] }, stack };
}

function failure(fields: Partial<Stack>): KitFailure | undefined {
  const { kb: k, stack } = withStack(fields);
  const kit = buildKit(k, templates, stack.id, { app: 'myapp', image: 'myapp:v1.0' }, 'en');
  return kit.ok ? undefined : kit.error;
}

describe('the files a command names', () => {
  it.each([
    ['kubectl apply -f deployment.yaml', ['deployment.yaml']],
    ['istioctl kube-inject -f deployment.yaml | kubectl apply -f -', ['deployment.yaml']],
    ['kubectl apply --filename=ns.yaml --filename x.yaml', ['ns.yaml', 'x.yaml']],
    ['kubectl apply -f=a.yaml', ['a.yaml']],
    ['docker run --security-opt seccomp=custom.json myapp:v1.0', ['custom.json']],
    ['docker run --security-opt=seccomp=p.json x', ['p.json']],
    ['docker run --security-opt seccomp=unconfined x', []],
    ['docker build -t myapp:v1.0 .', []],
    ['istioctl install --set profile=ambient', []],
  ])('%s → %j', (command, files) => {
    expect(referencedFiles(command)).toEqual(files);
  });

  it('finds the tools on both sides of a pipe', () => {
    expect(toolsOf('istioctl kube-inject -f deployment.yaml | kubectl apply -f -')).toEqual(['istioctl', 'kubectl']);
  });
});

describe('a stack the templates cannot serve gets a reason, not a broken kit', () => {
  it('a file without a template', () => {
    const e = failure({ commands: ['kubectl apply -f service-monitor.yaml'] });
    expect(e?.code).toBe('kit-no-template');
    expect(e && say(e)).toContain('service-monitor.yaml');
  });

  it('a path that would leave the kit directory', () => {
    expect(failure({ commands: ['kubectl apply -f ../../etc/passwd'] })?.code).toBe('kit-no-template');
  });

  it('a head without a RuntimeClass template (gVisor, in templates without its class)', () => {
    const { kb: k, stack } = withStack({ form: 'G∘C∘S', commands: ['kubectl apply -f deployment.yaml'] });
    const without = {
      ...templates,
      runtime_classes: templates.runtime_classes.filter((rc) => !rc.operators.includes('G')),
    };
    const kit = buildKit(k, without, stack.id, { app: 'myapp', image: 'myapp:v1.0' }, 'en');
    expect(kit.ok === false && kit.error.code).toBe('kit-unsupported');
    expect(kit.ok === false && say(kit.error)).toContain('G');
  });

  it('a head whose RuntimeClass no command applies', () => {
    const e = failure({ form: 'V∘S∘C', commands: ['kubectl apply -f deployment-with-seccomp.yaml'] });
    expect(e?.code).toBe('kit-inconsistent');
    expect(e && say(e)).toContain('kata-runtimeclass.yaml');
  });

  it('a RuntimeClass the form does not run on', () => {
    const e = failure({
      form: 'I∘C∘S',
      commands: ['kubectl apply -f kata-runtimeclass.yaml', 'kubectl apply -f deployment.yaml'],
    });
    expect(e?.code).toBe('kit-inconsistent');
  });

  it('an ambient mesh without the namespace that enrolls the pods', () => {
    const e = failure({
      form: 'I∘C∘S∘Am',
      commands: ['istioctl install --set profile=ambient', 'kubectl apply -f deployment.yaml'],
    });
    expect(e?.code).toBe('kit-inconsistent');
    expect(e && say(e)).toContain('namespace.yaml');
  });

  it('a Localhost profile on a form without S', () => {
    const e = failure({
      form: 'V∘C∘M',
      commands: ['kubectl apply -f kata-runtimeclass.yaml', 'kubectl apply -f deployment-with-seccomp.yaml'],
    });
    expect(e?.code).toBe('kit-inconsistent');
  });

  it('two Deployments of one app', () => {
    const e = failure({
      commands: ['kubectl apply -f deployment.yaml', 'kubectl apply -f deployment-with-seccomp.yaml'],
    });
    expect(e?.code).toBe('kit-inconsistent');
  });

  it('an unknown stack id', () => {
    const kit = buildKit(kb, templates, 'nope', { app: 'myapp', image: 'myapp:v1.0' }, 'en');
    expect(!kit.ok && kit.error.code).toBe('unknown-stack');
  });
});

describe('the plan follows the commands, then the form', () => {
  const plan = (id: string) => {
    const stack = kb.stacks.find((s) => s.id === id);
    if (stack === undefined) throw new Error(id);
    const p = planKit(stack, templates);
    if (!p.ok) throw new Error(say(p.error));
    return p.value;
  };

  it('V∘S∘C∘M runs sidecars on Kata although its commands install ambient (D2), profile on the pod (S before C)', () => {
    const p = plan('strong-isolation');
    expect(p.mesh?.mode).toBe('sidecar');
    expect(p.meshPolicy).toBe(true);
    expect(p.workload).toEqual({ file: 'deployment-with-seccomp.yaml', seccomp: 'localhost', placement: 'pod' });
  });

  it('I∘C∘S∘Am runs ambient, as its commands install it', () => {
    expect(plan('lightweight').mesh?.mode).toBe('ambient');
  });

  it('F∘S∘C and Cc∘S∘C run on the installer RuntimeClass, which the kit checks and never ships (D5)', () => {
    for (const id of ['firecracker', 'confidential']) {
      const p = plan(id);
      expect(p.runtimeClass?.owner).toBe('installer');
      expect(p.runtimeClass?.file).toBeUndefined();
    }
  });

  it('V∘C∘S∘M puts RuntimeDefault on the container (S after C)', () => {
    expect(plan('hybrid').workload).toEqual({
      file: 'deployment.yaml',
      seccomp: 'runtime-default',
      placement: 'container',
    });
  });

  it('V∘C∘M has no S and so no profile', () => {
    expect(plan('kata-mesh').workload?.seccomp).toBe('none');
    expect(plan('kata-mesh').seccompFile).toBe(false);
  });

  it('I∘C∘S∘M runs sidecars (kube-inject) and needs custom.json only for docker run', () => {
    const p = plan('standard-microservice');
    expect(p.mesh?.mode).toBe('sidecar');
    expect(p.seccompFile).toBe(true);
    expect(p.runtimeClass).toBeUndefined();
  });

  it('a form with M and no Istio command falls back to the operator', () => {
    const { stack } = withStack({
      form: 'I∘C∘S∘M',
      commands: ['kubectl apply -f namespace.yaml', 'kubectl apply -f deployment.yaml'],
    });
    const p = planKit(stack, templates);
    expect(p.ok && p.value.mesh?.mode).toBe('sidecar');
  });
});
