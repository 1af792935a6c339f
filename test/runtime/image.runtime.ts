import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { carryOutImage, envOf } from '../deploy/carry-out.js';
import { readDockerfile } from '../deploy/dockerfile.js';
import { FakeSlack } from '../e2e/fake-slack.js';
import { eventBody, JSON_TYPE, mentionEvent, SIGNING_SECRET, send } from '../e2e/slack-requests.js';
import { at } from '../kit/k8s.js';
import { BASE_MOUNTS, fetchPage, freePort, runtimes, start, unavailableReason } from './oci.js';

/**
 * `npm run test:runtime`: the bot's image as deploy/kubernetes runs it, under a real OCI runtime — the runtime stage
 * carried out (test/deploy/carry-out.ts) and mounted at /app, this machine's /usr (node and its libraries) read-only,
 * the Deployment's user, no capabilities, no_new_privs, a read-only root with /tmp a small tmpfs. It must start,
 * answer /healthz and a signed Slack event, and be refused a write anywhere but /tmp. (The RuntimeDefault seccomp
 * profile is the container runtime's own and is not reproduced here.)
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const reason = unavailableReason();
const inCi = process.env.CI === 'true';
const runtime = readDockerfile(join(ROOT, 'Dockerfile')).at(-1);
const deployment = parseAllDocuments(readFileSync(join(ROOT, 'deploy/kubernetes/deployment.yaml'), 'utf8'))
  .map((d) => d.toJS() as Record<string, unknown>)
  .find((d) => d.kind === 'Deployment');
const pod = at(deployment, 'spec', 'template', 'spec');
const container = at(pod, 'containers', 0) as {
  securityContext: Record<string, unknown>;
  env: { name: string; value: string }[];
};

const fake = new FakeSlack();
let work = '';

beforeAll(async () => {
  await fake.start();
  work = mkdtempSync(join(tmpdir(), 'stack-advisor-image-oci-'));
  chmodSync(work, 0o755);
}, 120_000);

afterAll(async () => {
  await fake.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

/** The OCI bundle: an empty read-only root with mount points, the app and /usr bound in read-only. */
function bundle(app: string, args: string[], env: Record<string, string>): string {
  const dir = join(work, 'bundle');
  const rootfs = join(dir, 'rootfs');
  for (const sub of ['usr', 'app', 'proc', 'dev', 'tmp', 'etc']) mkdirSync(join(rootfs, sub), { recursive: true });
  for (const link of ['bin', 'lib', 'lib64', 'sbin']) symlinkSync(`usr/${link}`, join(rootfs, link));
  chmodSync(join(rootfs, 'tmp'), 0o1777);
  const uid = Number(at(pod, 'securityContext', 'runAsUser'));
  const gid = Number(at(pod, 'securityContext', 'runAsGroup'));
  writeFileSync(join(rootfs, 'etc', 'passwd'), `root:x:0:0::/root:/bin/sh\nnode:x:${uid}:${gid}::/home/node:/bin/sh\n`);
  const drop = at(container.securityContext, 'capabilities', 'drop');
  const caps: string[] = Array.isArray(drop) && drop.includes('ALL') ? [] : ['CAP_NET_BIND_SERVICE'];
  const bind = (source: string, destination: string) => ({
    destination,
    type: 'bind',
    source,
    options: ['rbind', 'ro'],
  });
  const config = {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: { uid, gid },
      args,
      env: Object.entries(env).map(([k, v]) => `${k}=${v}`),
      cwd: at(
        runtime?.instructions.find((i) => i.keyword === 'WORKDIR'),
        'rest',
      ),
      capabilities: { bounding: caps, effective: caps, inheritable: [], permitted: caps, ambient: [] },
      rlimits: [{ type: 'RLIMIT_NOFILE', hard: 4096, soft: 4096 }],
      noNewPrivileges: container.securityContext.allowPrivilegeEscalation === false,
    },
    root: { path: rootfs, readonly: container.securityContext.readOnlyRootFilesystem === true },
    hostname: 'stack-advisor',
    mounts: [
      ...BASE_MOUNTS,
      bind('/usr', '/usr'),
      bind(app, '/app'),
      bind(realpathSync(join(ROOT, 'node_modules')), '/app/node_modules'),
    ],
    linux: {
      // No network namespace: the bot listens on the host's loopback and reaches the fake Slack there.
      namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }],
      maskedPaths: ['/proc/kcore', '/proc/keys', '/proc/timer_list', '/sys/firmware'],
      readonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
  };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

const field = (lines: readonly string[], key: string) =>
  lines
    .find((l) => l.startsWith(key))
    ?.slice(key.length)
    .trim();

describe("the bot's image under a real OCI runtime, confined as deploy/kubernetes says", () => {
  it('has an environment to run in, or says exactly why not', (ctx) => {
    if (reason !== undefined) {
      console.warn(`SKIPPED image runtime test: ${reason}`);
      expect(inCi, `CI=true but ${reason}`).toBe(false);
      ctx.skip(reason);
    }
  });

  const oci = reason === undefined ? runtimes()[0] : undefined;
  it.skipIf(oci === undefined)(
    'starts with a read-only root as the non-root user, answers /healthz and an event, and writes only to /tmp',
    async (ctx) => {
      if (oci === undefined || runtime === undefined) return;
      const app = carryOutImage(ROOT, join(work, 'image'), { nodeModules: 'none' });
      const port = await freePort();
      const cmd = runtime.instructions.find((i) => i.keyword === 'CMD')?.exec ?? [];
      expect(cmd[0]).toBe('node');
      const env: Record<string, string> = {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        ...envOf(runtime),
        ...Object.fromEntries(container.env.map((e) => [e.name, e.value])),
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-image-runtime',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      };
      // The shell reports the process's identity and tries two writes, then becomes the image's CMD.
      const script = [
        "grep -E '^(Uid|CapEff|NoNewPrivs):' /proc/self/status",
        'touch /app/written 2>/dev/null; echo "probe appwrite=$?"',
        'touch /written 2>/dev/null; echo "probe rootwrite=$?"',
        'touch /tmp/written 2>/dev/null; echo "probe tmpwrite=$?"',
        'echo ready',
        `exec ${cmd.map((c) => `'${c}'`).join(' ')}`,
      ].join('\n');
      const dir = bundle(app, ['/bin/sh', '-c', script], env);
      const run = await start(oci, dir, `stack-advisor-image-${process.pid}`);
      try {
        if (run.exited && !inCi) {
          const blocked = `${oci.name} cannot start a container here: ${run.stderr.trim() || run.lines.join(' | ')}`;
          console.warn(`SKIPPED image runtime test: ${blocked}`);
          ctx.skip(blocked);
        }
        expect(run.exited, `the container exited: ${run.lines.join(' | ')} ${run.stderr}`).toBe(false);
        expect(field(run.lines, 'Uid:')?.split(/\s+/)[0]).toBe(String(at(pod, 'securityContext', 'runAsUser')));
        expect(field(run.lines, 'CapEff:')).toBe('0000000000000000');
        expect(field(run.lines, 'NoNewPrivs:')).toBe('1');
        expect(field(run.lines, 'probe appwrite=')).not.toBe('0');
        expect(field(run.lines, 'probe rootwrite=')).not.toBe('0');
        expect(field(run.lines, 'probe tmpwrite=')).toBe('0');

        const health = await fetchPage(`http://127.0.0.1:${port}/healthz`, 100);
        expect(health.status).toBe(200);
        expect(JSON.parse(health.body)).toMatchObject({ ok: true, knowledge: expect.any(String) });
        // The image's own HEALTHCHECK command, as Docker would run it inside the container.
        const check = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')?.exec ?? [];
        const state = join(dir, 'state');
        const exec = spawnSync(
          oci.binary,
          [
            '--root',
            state,
            'exec',
            '--env',
            `PORT=${port}`,
            `stack-advisor-image-${process.pid}`,
            '/usr/bin/node',
            ...check.slice(1),
          ],
          { encoding: 'utf8', timeout: 15_000 },
        );
        expect(exec.status, exec.stderr).toBe(0);

        const res = await send(
          `http://127.0.0.1:${port}/slack/events`,
          eventBody(mentionEvent(fake, 'edge, cold start < 10ms', fake.nextTs())),
          JSON_TYPE,
        );
        expect(res.status).toBe(200);
        for (let i = 0; i < 100 && fake.callsTo('chat.postMessage').length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
        console.log(`${oci.name}: ${run.lines.join(', ')}; /healthz ${health.status}; HEALTHCHECK exit ${exec.status}`);
      } finally {
        await run.stop();
      }
    },
    120_000,
  );
});
