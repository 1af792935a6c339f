import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { DISTRIBUTION_SETTINGS, loadConfig } from '../../src/slack/config.js';
import { HEALTH_PATH, METRICS_PATH, READY_PATH } from '../../src/slack/probes.js';
import { DRAIN_MS, STOP_BUDGET_MS } from '../../src/slack/shutdown.js';
import { at, type Doc } from '../kit/k8s.js';
import { readDockerfile } from './dockerfile.js';

/**
 * deploy/kubernetes/: every document against the Kubernetes API schema of its kind (kubernetes-models, as the deploy
 * kits are checked), then what must hold across the files and with the app: probe paths and ports, the Secret's keys
 * (settings the bot reads), labels and selectors, the grace period against the bot's stop budget, the image's user.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'deploy/kubernetes');

interface Loaded {
  readonly file: string;
  readonly doc: Doc;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const loaded: Loaded[] = files
  .filter((f) => f !== 'kustomization.yaml')
  .flatMap((file) =>
    parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0].message}`);
      return { file, doc: d.toJS() as Doc };
    }),
  );

const MODELS: Record<string, (doc: Doc) => { validate(): void }> = {
  'apps/v1/Deployment': (d) => new Deployment(d as never),
  'v1/Service': (d) => new Service(d as never),
  'policy/v1/PodDisruptionBudget': (d) => new PodDisruptionBudget(d as never),
  'v1/Secret': (d) => new Secret(d as never),
};

function schemaProblem(doc: Doc): string | undefined {
  const model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (model === undefined) return `no schema for ${doc.apiVersion} ${doc.kind}`;
  try {
    model(doc).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function one(kind: string): Loaded {
  const found = loaded.filter((l) => l.doc.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0];
}

const deployment = () => one('Deployment').doc;
const pod = () => at(deployment(), 'spec', 'template') as { metadata: Doc['metadata']; spec: Record<string, unknown> };
type Probe = { httpGet: { path: string; port: string | number } };
type Container = {
  name: string;
  image: string;
  ports: { name?: string; containerPort: number }[];
  env: { name: string; value?: string }[];
  envFrom: { secretRef?: { name: string } }[];
  livenessProbe: Probe;
  readinessProbe: Probe;
  startupProbe?: Probe;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: Record<string, unknown>;
  volumeMounts: { name: string; mountPath: string }[];
};
const container = () => (pod().spec.containers as Container[])[0];

/** A probe's port as a number: named ports are looked up in the container. */
const portOf = (c: Container, port: string | number) =>
  typeof port === 'number' ? port : c.ports.find((p) => p.name === port)?.containerPort;

const labelsMatch = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('deploy/kubernetes: the schemas', () => {
  it('has a Deployment, a Service, a PodDisruptionBudget and the Secret, each valid against its Kubernetes schema', () => {
    expect(loaded.map((l) => l.doc.kind).sort()).toEqual(['Deployment', 'PodDisruptionBudget', 'Secret', 'Service']);
    for (const { file, doc } of loaded) expect(schemaProblem(doc), `${file}: ${doc.kind}`).toBeUndefined();
  });

  it('would catch a broken document', () => {
    const broken = structuredClone(deployment());
    (broken.spec as Record<string, unknown>).replicas = 'two';
    expect(schemaProblem(broken)).toBeDefined();
    const noSelector = structuredClone(one('PodDisruptionBudget').doc);
    (noSelector.spec as Record<string, unknown>).minAvailable = { one: 1 };
    expect(schemaProblem(noSelector)).toBeDefined();
  });

  it('kustomization.yaml applies every manifest but the Secret template, which the operator fills in', () => {
    const k = parse(readFileSync(join(DIR, 'kustomization.yaml'), 'utf8')) as {
      apiVersion: string;
      kind: string;
      resources: string[];
      images: { name: string; newTag?: string }[];
    };
    expect(k.kind).toBe('Kustomization');
    expect(k.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
    const secretFile = one('Secret').file;
    expect(k.resources.sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml' && f !== secretFile).sort());
    expect(k.images.map((i) => i.name)).toEqual([container().image.split(':')[0]]);
    // The image's tag is the package's version, in both places.
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(container().image).toBe(`stack-advisor:${version}`);
    expect(k.images[0].newTag).toBe(version);
  });
});

describe('deploy/kubernetes: the Deployment', () => {
  it('runs two replicas, rolls without going below two, and a disruption budget keeps one', () => {
    expect(deployment().spec).toMatchObject({
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } },
    });
    expect(at(one('PodDisruptionBudget').doc, 'spec', 'minAvailable')).toBe(1);
  });

  it('probes the routes the app serves, on the port it listens on: /healthz for life, /readyz for traffic', () => {
    const c = container();
    expect(c.livenessProbe.httpGet.path).toBe(HEALTH_PATH);
    expect(c.readinessProbe.httpGet.path).toBe(READY_PATH);
    expect(c.startupProbe?.httpGet.path).toBe(HEALTH_PATH);
    const port = Number(c.env.find((e) => e.name === 'PORT')?.value);
    // PORT as the bot reads it.
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: String(port) });
    expect(config.ok && config.value.port).toBe(port);
    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
      expect(portOf(c, probe?.httpGet.port ?? 0)).toBe(port);
    }
    // The image listens there too.
    const runtime = readDockerfile(join(ROOT, 'Dockerfile')).at(-1);
    expect(runtime?.instructions.find((i) => i.keyword === 'EXPOSE')?.rest).toBe(String(port));
    // Prometheus scrapes /metrics on the same port.
    expect(pod().metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(port),
      'prometheus.io/path': METRICS_PATH,
    });
  });

  it("gives the bot's 25-second stop budget room inside the grace period, and the drain room inside the budget", () => {
    const budget = STOP_BUDGET_MS;
    expect(budget).toBe(25_000);
    const grace = pod().spec.terminationGracePeriodSeconds as number;
    expect(grace).toBe(30);
    expect(grace * 1000).toBeGreaterThan(budget);
    expect(DRAIN_MS).toBeLessThan(budget);
  });

  it('is locked down: RuntimeDefault seccomp, the image’s non-root user, no privileges, a read-only root', () => {
    const spec = pod().spec;
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(spec.automountServiceAccountToken).toBe(false);
    const runtime = readDockerfile(join(ROOT, 'Dockerfile')).at(-1);
    const [uid, gid] = (runtime?.instructions.find((i) => i.keyword === 'USER')?.rest ?? '').split(':').map(Number);
    expect(spec.securityContext).toMatchObject({ runAsUser: uid, runAsGroup: gid });
    const c = container();
    expect(c.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.securityContext).not.toHaveProperty('capabilities.add');
    // With a read-only root, /tmp is a volume of its own.
    const tmp = c.volumeMounts.find((m) => m.mountPath === '/tmp');
    expect((spec.volumes as { name: string; emptyDir?: unknown }[]).find((v) => v.name === tmp?.name)).toHaveProperty(
      'emptyDir.sizeLimit',
    );
  });

  it('asks for and is limited in CPU and memory', () => {
    const { requests, limits } = container().resources;
    for (const r of ['cpu', 'memory']) {
      expect(requests[r], `requests.${r}`).toBeDefined();
      expect(limits[r], `limits.${r}`).toBeDefined();
    }
    const mi = (v: string) => Number(v.replace(/Mi$/, ''));
    expect(mi(limits.memory)).toBeGreaterThanOrEqual(mi(requests.memory));
  });

  it('reads its settings from the Secret, and sets nothing secret in plain env', () => {
    const c = container();
    expect(c.envFrom).toEqual([{ secretRef: { name: one('Secret').doc.metadata.name } }]);
    for (const e of c.env) expect(e.name).not.toMatch(/TOKEN|SECRET|KEY|DATABASE_URL|CLIENT_ID/);
    expect(c.env.find((e) => e.name === 'LOG_FORMAT')?.value).toMatch(/^(json|pretty)$/);
    const level = c.env.find((e) => e.name === 'LOG_LEVEL')?.value;
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', LOG_LEVEL: level });
    expect(config.ok && config.value.logLevel).toBe(level);
  });
});

describe('deploy/kubernetes: across the files', () => {
  it('the Deployment, the Service and the budget select the same pods', () => {
    const labels = pod().metadata.labels as Record<string, string>;
    expect(labelsMatch(at(deployment(), 'spec', 'selector', 'matchLabels') as Record<string, string>, labels)).toBe(
      true,
    );
    expect(labelsMatch(at(one('Service').doc, 'spec', 'selector') as Record<string, string>, labels)).toBe(true);
    expect(
      labelsMatch(
        at(one('PodDisruptionBudget').doc, 'spec', 'selector', 'matchLabels') as Record<string, string>,
        labels,
      ),
    ).toBe(true);
    // The Service reaches the container's port by its name.
    const target = (at(one('Service').doc, 'spec', 'ports') as { targetPort: string | number }[])[0].targetPort;
    expect(portOf(container(), target)).toBe(3000);
  });
});

describe('deploy/kubernetes: the Secret template', () => {
  const data = () => at(one('Secret').doc, 'stringData') as Record<string, string>;
  /** A well-formed value for each setting, standing for what the operator puts in. */
  const WELL_FORMED: Record<string, string> = {
    SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
    SLACK_CLIENT_ID: '1234.5678',
    SLACK_CLIENT_SECRET: 'client-secret-abc',
    SLACK_STATE_SECRET: 'state-secret-0123456789',
    DATABASE_URL: 'postgres://bot:pw@db:5432/stackadvisor',
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
    SLACK_APP_TOKEN: 'xapp-1-A1-2-abc',
  };
  const problems = (env: Record<string, string>) => {
    const config = loadConfig(env);
    return config.ok ? [] : config.error.params.problems.map((p) => p.name);
  };

  it('names settings the bot reads: a malformed value of each is reported by its name', () => {
    for (const key of Object.keys(data())) {
      const env = Object.fromEntries(Object.keys(data()).map((k) => [k, WELL_FORMED[k]]));
      expect(problems(env), 'well-formed').toEqual([]);
      expect(problems({ ...env, [key]: 'two words' }), key).toContain(key);
    }
  });

  it('holds the signing secret and all five distribution settings, with placeholders only', () => {
    expect(Object.keys(data()).sort()).toEqual(['SLACK_SIGNING_SECRET', ...DISTRIBUTION_SETTINGS].sort());
    for (const [key, value] of Object.entries(data())) expect(value, key).toMatch(/^<.+>$/);
    // Applied as it is, the bot refuses to start and names every placeholder.
    expect(problems(data()).sort()).toEqual(Object.keys(data()).sort());
    // Filled in, it starts distributed in HTTP mode.
    const filled = loadConfig(Object.fromEntries(Object.keys(data()).map((k) => [k, WELL_FORMED[k]])));
    expect(filled.ok && filled.value.mode).toBe('http');
    expect(filled.ok && filled.value.distribution?.clientId).toBe('1234.5678');
  });

  it('shows the single-workspace and Socket Mode alternatives, which start as they say', () => {
    const text = readFileSync(join(DIR, one('Secret').file), 'utf8');
    expect(text).toMatch(/^\s*# SLACK_BOT_TOKEN: /m);
    expect(text).toMatch(/^\s*# SLACK_APP_TOKEN: /m);
    const single = loadConfig({
      SLACK_SIGNING_SECRET: WELL_FORMED.SLACK_SIGNING_SECRET,
      SLACK_BOT_TOKEN: WELL_FORMED.SLACK_BOT_TOKEN,
    });
    expect(single.ok && single.value.botToken).toBe(WELL_FORMED.SLACK_BOT_TOKEN);
    const socket = loadConfig(
      Object.fromEntries([...Object.keys(data()), 'SLACK_APP_TOKEN'].map((k) => [k, WELL_FORMED[k]])) as Record<
        string,
        string
      >,
    );
    expect(socket.ok && socket.value.mode).toBe('socket');
  });
});
