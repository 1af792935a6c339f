import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real OCI runtime (crun or runc) driven the way the audit's appendix does it: a bundle with a busybox rootfs, the
 * kit's seccomp profile in linux.seccomp, the Deployment's identity (UID, no capabilities, read-only root,
 * no_new_privs), no network namespace so the test reaches the server on 127.0.0.1.
 */

export type RuntimeName = 'crun' | 'runc';

export interface Runtime {
  readonly name: RuntimeName;
  readonly binary: string;
  /** How to start `run`: crun 1.8 refuses hybrid cgroups, so it runs in a mount namespace without cgroup2. */
  readonly wrap: (argv: readonly string[]) => readonly string[];
  readonly note: string;
}

const which = (name: string): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const file = join(dir, name);
    if (dir !== '' && existsSync(file)) return file;
  }
  return undefined;
};

/** True on a hybrid cgroup host: cgroup v1 controllers and a cgroup2 mount at /sys/fs/cgroup/unified. */
function hybridCgroups(): boolean {
  if (!existsSync('/proc/self/mounts')) return false;
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .some((line) => {
      const [, target, type] = line.split(' ');
      return type === 'cgroup2' && target === '/sys/fs/cgroup/unified';
    });
}

/** Why no runtime test can run here, or undefined: the exact reason, for a visible skip. */
export function unavailableReason(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform}): OCI runtimes need a Linux kernel`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `not root (uid ${process.getuid()}): crun and runc need root to create namespaces and mounts here`;
  }
  if (busybox() === undefined) return 'no static busybox (Debian: apt-get install busybox-static)';
  if (runtimes().length === 0) return 'neither crun nor runc is installed (Debian: apt-get install crun runc)';
  return undefined;
}

/** A statically linked busybox, which runs in an empty rootfs. */
export function busybox(): string | undefined {
  for (const file of ['/bin/busybox', '/usr/bin/busybox']) {
    if (!existsSync(file)) continue;
    const out = spawnSync('file', ['-L', file], { encoding: 'utf8' });
    // Without `file`, trust Debian's busybox-static, which installs /bin/busybox.
    if (out.error !== undefined || /statically linked|static-pie/.test(out.stdout)) return file;
  }
  return undefined;
}

/** The OCI runtimes installed here, crun first (what CI installs). */
export function runtimes(): Runtime[] {
  const found: Runtime[] = [];
  const crun = which('crun');
  if (crun !== undefined) {
    const hybrid = hybridCgroups();
    found.push({
      name: 'crun',
      binary: crun,
      // The audit's appendix: crun 1.8.1 says "cgroups in hybrid mode not supported, drop all controllers from
      // cgroupv2"; unmounting the cgroup2 mount in a private mount namespace is enough.
      wrap: hybrid
        ? (argv) => [
            'unshare',
            '-m',
            '--propagation',
            'private',
            'sh',
            '-c',
            'umount /sys/fs/cgroup/unified && exec "$@"',
            'sh',
            ...argv,
          ]
        : (argv) => argv,
      note: hybrid ? 'hybrid cgroups: run in a mount namespace without /sys/fs/cgroup/unified' : '',
    });
  }
  const runc = which('runc');
  if (runc !== undefined) found.push({ name: 'runc', binary: runc, wrap: (argv) => argv, note: '' });
  return found;
}

/** A probe: one syscall with fixed arguments; the program exits with the errno it got (0 on success). */
export interface SyscallProbe {
  readonly name: string;
  readonly nr: number;
  readonly args: readonly [number, number, number, number];
}

const X86_64_PROBES: readonly SyscallProbe[] = [
  // socket(AF_ALG, SOCK_SEQPACKET, 0): the profile denies family 38.
  { name: 'af_alg', nr: 41, args: [38, 5, 0, 0] },
  // fchmodat2(AT_FDCWD, NULL, 0, 0): allowed since the re-sync, so the kernel answers (EFAULT), never EPERM.
  { name: 'fchmodat2', nr: 452, args: [0xffffff9c, 0, 0, 0] },
];

/** The syscall probes this architecture can build (a few bytes of x86-64 machine code), with why if none. */
export function syscallProbes(): { probes: readonly SyscallProbe[]; reason?: string } {
  if (arch() === 'x64') return { probes: X86_64_PROBES };
  return { probes: [], reason: `the raw syscall probes are x86-64 machine code; this machine is ${arch()}` };
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/** A static x86-64 ELF that makes one syscall and exits with its errno (0 when it succeeds). */
export function probeElf(probe: SyscallProbe): Buffer {
  const [a, b, c, d] = probe.args;
  const code = Buffer.concat([
    Buffer.from([0xbf]),
    u32(a), // mov edi, a
    Buffer.from([0xbe]),
    u32(b), // mov esi, b
    Buffer.from([0xba]),
    u32(c), // mov edx, c
    Buffer.from([0x41, 0xba]),
    u32(d), // mov r10d, d
    Buffer.from([0xb8]),
    u32(probe.nr), // mov eax, nr
    Buffer.from([0x0f, 0x05]), // syscall
    Buffer.from([0x48, 0x85, 0xc0]), // test rax, rax
    Buffer.from([0x78, 0x02]), // js +2 (keep -errno)
    Buffer.from([0x31, 0xc0]), // xor eax, eax (success)
    Buffer.from([0xf7, 0xd8]), // neg eax
    Buffer.from([0x89, 0xc7]), // mov edi, eax
    Buffer.from([0xb8]),
    u32(60), // mov eax, SYS_exit
    Buffer.from([0x0f, 0x05]), // syscall
  ]);
  const base = 0x400000;
  const headers = 64 + 56;
  const size = headers + code.length;
  const ehdr = Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    u16(2), // ET_EXEC
    u16(0x3e), // EM_X86_64
    u32(1),
    u64(base + headers), // e_entry
    u64(64), // e_phoff
    u64(0), // e_shoff
    u32(0),
    u16(64),
    u16(56),
    u16(1),
    u16(0),
    u16(0),
    u16(0),
  ]);
  const phdr = Buffer.concat([u32(1), u32(5), u64(0), u64(base), u64(base), u64(size), u64(size), u64(0x1000)]);
  return Buffer.concat([ehdr, phdr, code]);
}

/** The identity and confinement of the Deployment's application container, read from the kit. */
export interface Confinement {
  readonly uid: number;
  readonly gid: number;
  readonly readOnlyRoot: boolean;
  readonly noNewPrivs: boolean;
  readonly capabilities: readonly string[];
  readonly seccomp: unknown | undefined;
}

const APPLETS = ['sh', 'httpd', 'grep', 'echo', 'unshare', 'touch', 'true', 'cat', 'id'];

/** What every container here gets: /proc, a small /dev and a writable /tmp, both tmpfs. */
export const BASE_MOUNTS = [
  { destination: '/proc', type: 'proc', source: 'proc' },
  {
    destination: '/dev',
    type: 'tmpfs',
    source: 'tmpfs',
    options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
  },
  { destination: '/tmp', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'mode=1777', 'size=16m'] },
] as const;

/** Writes a bundle (rootfs + config.json) under a fresh directory and returns its path. */
export function writeBundle(
  confinement: Confinement,
  args: readonly string[],
  probes: readonly SyscallProbe[],
): string {
  const dir = mkdtempSync(join(tmpdir(), 'kit-oci-'));
  chmodSync(dir, 0o755);
  const rootfs = join(dir, 'rootfs');
  for (const sub of ['bin', 'proc', 'dev', 'tmp', 'www', 'etc', 'probe'])
    mkdirSync(join(rootfs, sub), { recursive: true });
  chmodSync(join(rootfs, 'tmp'), 0o1777); // runc keeps the mount point's mode for the tmpfs
  const bb = busybox();
  if (bb === undefined) throw new Error('no static busybox');
  copyFileSync(bb, join(rootfs, 'bin', 'busybox'));
  chmodSync(join(rootfs, 'bin', 'busybox'), 0o755);
  for (const applet of APPLETS) symlinkSync('busybox', join(rootfs, 'bin', applet));
  writeFileSync(join(rootfs, 'www', 'index.html'), '<h1>served under the kit profile</h1>\n');
  writeFileSync(
    join(rootfs, 'etc', 'passwd'),
    `root:x:0:0::/:/bin/sh\napp:x:${confinement.uid}:${confinement.gid}::/tmp:/bin/sh\n`,
  );
  for (const probe of probes) writeFileSync(join(rootfs, 'probe', probe.name), probeElf(probe), { mode: 0o755 });
  const caps = [...confinement.capabilities];
  const config = {
    ociVersion: '1.0.2',
    process: {
      terminal: false,
      user: { uid: confinement.uid, gid: confinement.gid },
      args,
      env: ['PATH=/bin'],
      cwd: '/',
      capabilities: { bounding: caps, effective: caps, inheritable: [], permitted: caps, ambient: [] },
      rlimits: [{ type: 'RLIMIT_NOFILE', hard: 1024, soft: 1024 }],
      noNewPrivileges: confinement.noNewPrivs,
    },
    root: { path: rootfs, readonly: confinement.readOnlyRoot },
    hostname: 'kit',
    mounts: [...BASE_MOUNTS],
    linux: {
      // No network namespace: the server listens on the host's loopback, where the test fetches from.
      namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }],
      maskedPaths: ['/proc/kcore', '/proc/keys', '/proc/timer_list', '/sys/firmware'],
      readonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
      ...(confinement.seccomp === undefined ? {} : { seccomp: confinement.seccomp }),
    },
  };
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Run {
  /** Lines the container printed until it said `ready` (or exited). */
  readonly lines: readonly string[];
  readonly exited: boolean;
  readonly stderr: string;
  /** Stops the container (SIGKILL through the runtime) and removes it. */
  readonly stop: () => Promise<void>;
}

/** Starts a container and waits for its `ready` line, or its exit. */
export function start(runtime: Runtime, bundle: string, id: string, timeoutMs = 15_000): Promise<Run> {
  const state = join(bundle, 'state');
  mkdirSync(state, { recursive: true });
  const cli = (...rest: string[]) => [runtime.binary, '--root', state, ...rest];
  const [cmd, ...argv] = runtime.wrap(cli('run', '--bundle', bundle, id));
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  let exited = false;
  const stop = async () => {
    spawnSync(runtime.binary, ['--root', state, 'kill', id, 'KILL']);
    await new Promise<void>((resolve) => {
      if (exited) resolve();
      else {
        const timer = setTimeout(resolve, 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      }
    });
    spawnSync(runtime.binary, ['--root', state, 'delete', '-f', id]);
  };
  return new Promise((resolve) => {
    const done = () => resolve({ lines: [...lines], exited, stderr, stop });
    const timer = setTimeout(done, timeoutMs);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line === 'ready') {
          clearTimeout(timer);
          done();
        }
      }
    });
    child.once('exit', () => {
      exited = true;
      if (buffer !== '') lines.push(buffer);
      clearTimeout(timer);
      done();
    });
  });
}

/** Fetches a page, retrying while the server starts. */
export async function fetchPage(url: string, attempts = 40): Promise<{ status: number; body: string }> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const response = await fetch(url);
      return { status: response.status, body: await response.text() };
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url}: ${String(last)}`);
}
