import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadKitTemplates } from '../../src/kit/load.js';
import { KitTemplatesSchema, SeccompProfileSchema } from '../../src/kit/schema.js';
import { say } from '../support.js';
import { kitTemplates, SYSCALLS } from './k8s.js';

const templates = kitTemplates();
const profile = templates.seccomp.profile;
const allowed = (name: string) =>
  profile.syscalls.some((r) => r.action === 'SCMP_ACT_ALLOW' && r.names.includes(name) && r.args === undefined);
const mentioned = (name: string) => profile.syscalls.filter((r) => r.names.includes(name));

describe('the seccomp profile of the kit', () => {
  it('denies by default and names architectures', () => {
    expect(profile.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(profile.architectures).toEqual(expect.arrayContaining(['SCMP_ARCH_X86_64', 'SCMP_ARCH_AARCH64']));
  });

  it('names only real syscalls (a runtime skips a name it cannot resolve, so a typo would deny silently)', () => {
    const names = profile.syscalls.flatMap((r) => r.names);
    expect(names.length).toBeGreaterThan(250);
    expect(names.filter((n) => !SYSCALLS.has(n))).toEqual([]);
  });

  it.each([
    'read',
    'write',
    'openat',
    'close',
    'mmap',
    'mprotect',
    'brk',
    'execve',
    'exit_group',
    'futex',
    'epoll_pwait',
    'epoll_ctl',
    'rt_sigaction',
    'rt_sigreturn',
    'accept4',
    'bind',
    'listen',
    'connect',
    'sendto',
    'recvfrom',
    'getrandom',
    'clock_gettime',
    'nanosleep',
    'arch_prctl',
    'set_robust_list',
    'rseq',
    'prlimit64',
    'newfstatat',
    'statx',
    'getdents64',
  ])('allows %s, which a typical runtime needs', (name) => {
    expect(allowed(name)).toBe(true);
  });

  it.each([
    'mount',
    'umount2',
    'unshare',
    'setns',
    'pivot_root',
    'ptrace',
    'process_vm_readv',
    'bpf',
    'perf_event_open',
    'kexec_load',
    'init_module',
    'finit_module',
    'delete_module',
    'reboot',
    'swapon',
    'keyctl',
    'add_key',
    'request_key',
    'userfaultfd',
    'open_by_handle_at',
    'io_uring_setup',
    'chroot',
    'acct',
    'syslog',
    'settimeofday',
    'clock_settime',
    'modify_ldt',
  ])('does not allow %s', (name) => {
    expect(mentioned(name)).toEqual([]);
  });

  it('allows clone only without namespace flags, answers clone3 with ENOSYS, and socket except AF_ALG and AF_VSOCK', () => {
    const clone = mentioned('clone');
    expect(clone).toHaveLength(1);
    expect(clone[0].args).toEqual([{ index: 0, value: 0x7e020000, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }]);
    expect(mentioned('clone3')).toEqual([{ action: 'SCMP_ACT_ERRNO', errnoRet: 38, names: ['clone3'] }]);
    expect(mentioned('socket')).toEqual([
      { action: 'SCMP_ACT_ALLOW', names: ['socket'], args: [{ index: 0, value: 38, op: 'SCMP_CMP_LT' }] },
      { action: 'SCMP_ACT_ALLOW', names: ['socket'], args: [{ index: 0, value: 39, op: 'SCMP_CMP_EQ' }] },
      { action: 'SCMP_ACT_ALLOW', names: ['socket'], args: [{ index: 0, value: 40, op: 'SCMP_CMP_GT' }] },
    ]);
  });

  it("allows every call of moby's current default allow list but the documented exclusions (D6)", () => {
    const moby = readFileSync(new URL('../fixtures/kit/moby-default-allow-v0.2.3.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const excluded = [
      'epoll_ctl_old',
      'epoll_wait_old',
      'fanotify_mark',
      'name_to_handle_at',
      'remap_file_pages',
      'riscv_hwprobe',
    ];
    expect(moby.length).toBeGreaterThan(350);
    expect(moby.filter((n) => !excluded.includes(n) && !allowed(n))).toEqual([]);
    for (const n of ['fchmodat2', 'cachestat', 'futex_wake', 'mseal', 'statmount', 'map_shadow_stack']) {
      expect(allowed(n), n).toBe(true);
    }
  });
});

describe('the kit templates schema', () => {
  it('rejects a profile that allows by default', () => {
    expect(SeccompProfileSchema.safeParse({ ...profile, defaultAction: 'SCMP_ACT_ALLOW' }).success).toBe(false);
    expect(SeccompProfileSchema.safeParse({ ...profile, defaultAction: 'SCMP_ACT_LOG' }).success).toBe(false);
  });

  it('rejects Docker-only fields that containerd would drop, widening the filter', () => {
    const gated = { action: 'SCMP_ACT_ALLOW', names: ['mount'], includes: { caps: ['CAP_SYS_ADMIN'] } };
    expect(SeccompProfileSchema.safeParse({ ...profile, syscalls: [...profile.syscalls, gated] }).success).toBe(false);
    expect(SeccompProfileSchema.safeParse({ ...profile, archMap: [] }).success).toBe(false);
  });

  it('rejects a template file name that could leave the kit directory', () => {
    const bad = { ...templates, namespace: { ...templates.namespace, file: '../namespace.yaml' } };
    expect(KitTemplatesSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects two RuntimeClasses for one operator', () => {
    const [kata] = templates.runtime_classes;
    const bad = { ...templates, runtime_classes: [...templates.runtime_classes, { ...kata, file: 'other.yaml' }] };
    expect(KitTemplatesSchema.safeParse(bad).success).toBe(false);
  });

  it('keeps a document template as written, keys in order', () => {
    const deployment = templates.deployment.documents[0];
    expect(Object.keys(deployment)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(deployment.spec).slice(0, 3)).toEqual(['replicas', 'revisionHistoryLimit', 'selector']);
  });

  it('reports a broken file with its path and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-templates-'));
    const file = join(dir, 'kit.yaml');
    writeFileSync(
      file,
      stringify({ ...templates, seccomp: { ...templates.seccomp, profile: { defaultAction: 'X' } } }),
    );
    const result = loadKitTemplates(file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('kit-templates-invalid');
      expect(say(result.error)).toContain('seccomp.profile');
    }
    const missing = loadKitTemplates(join(dir, 'nope.yaml'));
    expect(!missing.ok && missing.error.code).toBe('kit-templates-unreadable');
  });
});
