import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { at, documentsOf, kitOf, kitTemplates } from '../kit/k8s.js';
import { knowledge } from '../support.js';
import {
  type Confinement,
  fetchPage,
  freePort,
  runtimes,
  start,
  syscallProbes,
  unavailableReason,
  writeBundle,
} from './oci.js';

// `npm run test:runtime`: every kit that carries a seccomp profile, under a real OCI runtime. In CI (CI=true) a
// missing runtime is a failure, not a skip: .ci/run installs crun and busybox-static first.

const kb = knowledge();
const templates = kitTemplates();
const kits = kb.stacks
  .map((stack) => kitOf(kb, templates, stack))
  .filter((kit) => kit.files.some((f) => f.path === templates.seccomp.file));
const reason = unavailableReason();
const inCi = process.env.CI === 'true';
const { probes, reason: noProbes } = syscallProbes();
const bundles: string[] = [];

afterAll(() => {
  for (const dir of bundles) rmSync(dir, { recursive: true, force: true });
});

/** The Deployment's identity and confinement for its application container, as the kit writes them. */
function confinementOf(kit: (typeof kits)[number], seccomp: unknown): Confinement {
  const deployment = documentsOf(kit).find((d) => d.doc.kind === 'Deployment');
  if (deployment === undefined) throw new Error(`${kit.stackId}: no Deployment`);
  const pod = at(deployment.doc, 'spec', 'template', 'spec');
  const container = at(pod, 'containers', 0, 'securityContext');
  const uid = Number(at(container, 'runAsUser') ?? at(pod, 'securityContext', 'runAsUser'));
  const gid = Number(at(container, 'runAsGroup') ?? at(pod, 'securityContext', 'runAsGroup'));
  const drop = at(container, 'capabilities', 'drop');
  return {
    uid,
    gid,
    readOnlyRoot: at(container, 'readOnlyRootFilesystem') === true,
    noNewPrivs: at(container, 'allowPrivilegeEscalation') === false,
    capabilities: Array.isArray(drop) && drop.includes('ALL') ? [] : ['CAP_NET_BIND_SERVICE'],
    seccomp,
  };
}

const script = (port: number) =>
  [
    "grep -E '^(Uid|CapEff|NoNewPrivs|Seccomp):' /proc/self/status",
    ...probes.map((p) => `/probe/${p.name}; echo "probe ${p.name}=$?"`),
    'unshare -U true 2>/dev/null; echo "probe unshare=$?"',
    'touch /written 2>/dev/null; echo "probe rootwrite=$?"',
    'echo ready',
    `exec httpd -f -p 127.0.0.1:${port} -h /www`,
  ].join('\n');

const field = (lines: readonly string[], key: string) =>
  lines
    .find((l) => l.startsWith(key))
    ?.slice(key.length)
    .trim();

describe('kit seccomp profiles under a real OCI runtime', () => {
  it('has an environment to run in, or says exactly why not', (ctx) => {
    expect(kits.length).toBeGreaterThan(0);
    if (reason !== undefined) {
      console.warn(`SKIPPED runtime tests: ${reason}`);
      expect(inCi, `CI=true but ${reason}`).toBe(false);
      ctx.skip(reason);
    }
  });

  if (noProbes !== undefined) console.warn(`runtime tests: no AF_ALG/fchmodat2 probes: ${noProbes}`);

  for (const runtime of reason === undefined ? runtimes() : []) {
    describe(`${runtime.name}${runtime.note === '' ? '' : ` (${runtime.note})`}`, () => {
      let control: Record<string, string> = {};
      // Set when this kernel or sandbox will not let the runtime start a container at all: the exact reason.
      let blocked: string | undefined;

      it('runs the probes without a filter first, so a refusal below is the profile and not the kernel', async (ctx) => {
        const port = await freePort();
        const kit = kits[0];
        const bundle = writeBundle(confinementOf(kit, undefined), ['sh', '-c', script(port)], probes);
        bundles.push(bundle);
        const run = await start(runtime, bundle, `control-${runtime.name}-${process.pid}`);
        try {
          if (run.exited && !inCi) {
            blocked = `${runtime.name} cannot start a container here: ${run.stderr.trim() || run.lines.join(' | ')}`;
            console.warn(`SKIPPED ${runtime.name} runtime tests: ${blocked}`);
            ctx.skip(blocked);
          }
          expect(run.exited, `the container exited: ${run.stderr}`).toBe(false);
          control = Object.fromEntries(
            run.lines.filter((l) => l.startsWith('probe ')).map((l) => l.slice(6).split('=') as [string, string]),
          );
          console.log(`${runtime.name} control (no filter): ${JSON.stringify(control)}`);
          expect(field(run.lines, 'Seccomp:')).toBe('0');
        } finally {
          await run.stop();
        }
      });

      it.for(kits.map((k) => [k.stackId, k] as const))(
        '%s: serves a page under its profile and is refused denied calls',
        async ([, kit], ctx) => {
          if (blocked !== undefined) ctx.skip(blocked);
          const file = kit.files.find((f) => f.path === templates.seccomp.file);
          if (file === undefined) throw new Error('no profile');
          const confinement = confinementOf(kit, JSON.parse(file.content));
          expect(confinement).toMatchObject({ uid: 10001, readOnlyRoot: true, noNewPrivs: true, capabilities: [] });
          const port = await freePort();
          const bundle = writeBundle(confinement, ['sh', '-c', script(port)], probes);
          bundles.push(bundle);
          const run = await start(runtime, bundle, `${kit.stackId}-${runtime.name}-${process.pid}`);
          try {
            expect(run.exited, `the container exited early: ${run.lines.join(' | ')} ${run.stderr}`).toBe(false);
            const page = await fetchPage(`http://127.0.0.1:${port}/index.html`);
            const probe = (name: string) => field(run.lines, `probe ${name}=`);
            console.log(
              `${runtime.name} ${kit.stackId}: HTTP ${page.status}; ${run.lines.filter((l) => !l.startsWith('probe')).join(', ')}; ${run.lines.filter((l) => l.startsWith('probe')).join(', ')}`,
            );
            expect(page.status).toBe(200);
            expect(page.body).toContain('served under the kit profile');
            // The Deployment's identity: its UID, no capabilities, no_new_privs, seccomp in filter mode.
            expect(field(run.lines, 'Uid:')?.split(/\s+/)[0]).toBe(String(confinement.uid));
            expect(field(run.lines, 'CapEff:')).toBe('0000000000000000');
            expect(field(run.lines, 'NoNewPrivs:')).toBe('1');
            expect(field(run.lines, 'Seccomp:')).toBe('2');
            expect(probe('rootwrite'), 'the root filesystem is read-only').not.toBe('0');
            // unshare(CLONE_NEWUSER): the profile allows neither unshare nor clone with namespace flags.
            expect(probe('unshare'), 'unshare -U is refused').not.toBe('0');
            if (control.unshare === '0') expect(probe('unshare')).toBe('1');
            if (probes.some((p) => p.name === 'af_alg')) {
              expect(probe('af_alg'), 'socket(AF_ALG) answers EPERM').toBe('1');
              expect(control.af_alg, 'without the filter the kernel answers otherwise').not.toBe('1');
            }
            if (probes.some((p) => p.name === 'fchmodat2')) {
              expect(probe('fchmodat2'), 'fchmodat2 reaches the kernel (D6)').not.toBe('1');
            }
          } finally {
            await run.stop();
          }
        },
      );
    });
  }
});
