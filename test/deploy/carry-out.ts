import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { contextFiles, copyArguments, dockerignore, readDockerfile, type Stage } from './dockerfile.js';

/**
 * The Dockerfile carried out on this machine, without a daemon: each stage gets a folder standing for its root, COPY
 * copies from the build context (as .dockerignore leaves it) or from an earlier stage's folder, and the RUN commands
 * it knows are done here (`npm ci` links this checkout's node_modules, `npm run build` runs). An unknown RUN fails.
 * Returns the runtime stage's WORKDIR.
 */
export function carryOutImage(root: string, work: string, options: { nodeModules?: 'link' | 'none' } = {}): string {
  const stages = readDockerfile(join(root, 'Dockerfile'));
  const ignored = dockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  const context = contextFiles(root, ignored);
  const rootOf = (stage: Stage) => join(work, stage.name ?? `stage-${stages.indexOf(stage)}`);
  let workdir = work;
  for (const stage of stages) {
    const base = rootOf(stage);
    workdir = base;
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'WORKDIR') {
        workdir = join(base, instruction.rest);
        mkdirSync(workdir, { recursive: true });
      } else if (instruction.keyword === 'COPY') {
        const { sources, destination } = copyArguments(instruction);
        const target = join(workdir, destination);
        const from = instruction.flags.from;
        for (const source of sources) {
          if (from !== undefined) {
            const other = stages.find((s) => s.name === from);
            if (other === undefined) throw new Error(`COPY --from=${from}: no such stage`);
            cpSync(join(rootOf(other), source), target, { recursive: true });
            continue;
          }
          // A folder's contents go into the destination; a file goes into it when it names a folder.
          const folder = source === '.' ? '' : source.replace(/\/$/, '');
          const intoFolder = sources.length > 1 || /\/$|^\.$/.test(destination);
          for (const file of context) {
            if (folder !== '' && file !== folder && !file.startsWith(`${folder}/`)) continue;
            const to =
              file !== folder
                ? join(target, folder === '' ? file : relative(folder, file))
                : intoFolder
                  ? join(target, file.split('/').at(-1) ?? '')
                  : target;
            mkdirSync(dirname(to), { recursive: true });
            cpSync(join(root, file), to);
          }
        }
      } else if (instruction.keyword === 'RUN') {
        for (const command of instruction.rest.split('&&').map((c) => c.trim())) {
          if (/^npm ci\b/.test(command)) {
            // This checkout's dependencies stand for the installed ones (the tests check that the runtime's compiled
            // imports are production dependencies); 'none' leaves an empty folder for a bind mount.
            const modules = join(workdir, 'node_modules');
            if (existsSync(modules)) continue;
            if (options.nodeModules === 'none' && stage === stages.at(-1)) mkdirSync(modules);
            else symlinkSync(join(root, 'node_modules'), modules, 'dir');
          } else if (command === 'npm run build') {
            execFileSync('npm', ['run', 'build', '--silent'], { cwd: workdir, stdio: 'pipe' });
          } else if (!/^npm cache clean\b/.test(command)) {
            throw new Error(`RUN ${command}: carryOutImage does not know how to carry it out; teach it`);
          }
        }
      }
    }
  }
  return workdir;
}

/** The ENV a stage sets (KEY=value forms). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    for (const m of instruction.rest.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(\S*)/g)) env[m[1]] = m[2];
  }
  return env;
}
