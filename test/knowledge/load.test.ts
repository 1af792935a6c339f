import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KnowledgeFailure } from '../../src/knowledge/load.js';
import { BUILTIN_PATH, loadKnowledge } from '../../src/knowledge/load.js';

/** Where a knowledge failure points: file, path, line (whichever its code has). */
const info = (e: KnowledgeFailure) => e.params as { file?: string; path?: string; line?: number };

import { missingTranslations } from '../../src/knowledge/schema.js';
import { say } from '../support.js';

const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-kb-'));
const builtin = readFileSync(BUILTIN_PATH, 'utf8');

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function knowledgeStacks() {
  const kb = loadKnowledge();
  if (!kb.ok) throw new Error(say(kb.error));
  return kb.value.stacks;
}

/** The 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('the built-in knowledge base', () => {
  it('validates, with the 20 operators, the metric table and the five canonical stacks', () => {
    const kb = loadKnowledge();
    expect(kb.ok).toBe(true);
    if (!kb.ok) return;
    expect(kb.value.operators).toHaveLength(20);
    expect(kb.value.version).toMatch(/^\d{4}\./);
    for (const form of ['I∘C∘S∘M', 'V∘S∘C∘M', 'I∘C∘S∘W', 'I∘C∘S∘Am', 'V∘C∘S∘M']) {
      expect(kb.value.stacks.some((s) => s.form === form)).toBe(true);
      expect(kb.value.metrics.some((m) => m.form === form)).toBe(true);
    }
  });

  it('never carries the invalid flags of the sources in a command', () => {
    const kb = loadKnowledge();
    if (!kb.ok) throw new Error(say(kb.error));
    for (const command of kb.value.stacks.flatMap((s) => s.commands)) {
      expect(command).not.toMatch(/--seccomp=|wasmedge\s+--seccomp/);
    }
  });

  it('corrects the Firecracker cold start against its primary source', () => {
    const kb = loadKnowledge();
    if (!kb.ok) throw new Error(say(kb.error));
    const f = kb.value.operators.find((o) => o.symbol === 'F');
    expect(f?.figures.find((x) => x.quantity === 'cold_start')).toMatchObject({ value: 125, unit: 'ms' });
  });
});

describe('a broken copy fails with the file, the path inside it and the line', () => {
  it('a forbidden command', () => {
    const broken = builtin.replace(
      '      - docker run --security-opt seccomp=custom.json {image}\n      - kubectl apply -f namespace.yaml',
      '      - docker run --seccomp=custom.json {image}\n      - kubectl apply -f namespace.yaml',
    );
    expect(broken).not.toBe(builtin);
    const path = write('forbidden.yaml', broken);
    const result = loadKnowledge({ basePath: path });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(info(result.error).path).toBe('stacks[0].commands[1]');
    expect(info(result.error).line).toBe(lineOf(broken, '--seccomp=custom.json {image}'));
    expect(say(result.error)).toContain(
      `${path}:${info(result.error).line}: stacks[0].commands[1]: docker has no --seccomp flag`,
    );
  });

  it('a metric out of range', () => {
    const broken = builtin.replace('{ form: I∘C∘S∘W, vector: [5, 4, 4]', '{ form: I∘C∘S∘W, vector: [5, 9, 4]');
    const path = write('range.yaml', broken);
    const result = loadKnowledge({ basePath: path });
    expect(result.ok === false && info(result.error).path).toBe('metrics[2].vector[1]');
    expect(result.ok === false && info(result.error).line).toBe(lineOf(broken, '[5, 9, 4]'));
  });

  it('a form that is not a normal form', () => {
    const broken = builtin.replace('{ form: C∘S, vector', '{ form: S∘C, vector');
    const result = loadKnowledge({ basePath: write('form.yaml', broken) });
    expect(result.ok === false && say(result.error)).toMatch(/"S∘C" is not a normal form: it normalizes to C∘S/);
  });

  it('an unknown key (a typo, or a comma that split a flow mapping) is an error, not silently dropped', () => {
    const broken = builtin.replace(
      'title: { en: Edge computing, zh: 边缘计算 }',
      'title: { en: Edge, computing, zh: 边缘计算 }',
    );
    expect(broken).not.toBe(builtin);
    const result = loadKnowledge({ basePath: write('split.yaml', broken) });
    const edge = knowledgeStacks().findIndex((s) => s.id === 'edge');
    expect(result.ok === false && info(result.error).path).toBe(`stacks[${edge}].title`);
    expect(result.ok === false && say(result.error)).toMatch(/computing/);
  });

  it('a YAML syntax error names its line', () => {
    const result = loadKnowledge({ basePath: write('syntax.yaml', 'version: "1"\noperators: [\n  - x\n') });
    expect(result.ok === false && result.error.code).toBe('knowledge-syntax');
    expect(result.ok === false && info(result.error).line).toBeGreaterThan(0);
  });

  it('a missing file', () => {
    const result = loadKnowledge({ basePath: join(dir, 'nope.yaml') });
    expect(result.ok === false && say(result.error)).toMatch(
      /nope\.yaml: cannot read the knowledge file \(no such file\)/,
    );
  });
});

describe('KNOWLEDGE_PATH overlays (merge rules in the README)', () => {
  it('adds a stack, replaces fields of an existing one, unions word lists and stamps the version', () => {
    const overlay = write(
      'overlay.yaml',
      `version: acme-3
stacks:
  - id: edge
    name: ACME Edge (WasmEdge)
  - id: gvisor-plain
    form: G∘I∘C∘S
    name: gVisor + seccomp
    title: { en: gVisor sandbox, zh: gVisor 沙盒 }
    implementation: [gVisor runsc]
    image: "{app}:v1"
    figures: []
    commands: [kubectl apply -f gvisor.yaml]
    why: { en: Lighter than a VM., zh: 比虚拟机轻。 }
filler:
  en: [acme]
`,
    );
    const result = loadKnowledge({ overlayPath: overlay });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toMatch(/\+acme-3$/);
    const edge = result.value.stacks.find((s) => s.id === 'edge');
    expect(edge?.name).toBe('ACME Edge (WasmEdge)');
    expect(edge?.form).toBe('I∘C∘S∘W');
    expect(result.value.stacks.at(-1)?.id).toBe('gvisor-plain');
    expect(result.value.filler.en).toContain('acme');
    expect(result.value.filler.en).toContain('we');
  });

  it('removes an entry with remove: true', () => {
    const overlay = write(
      'remove.yaml',
      'corrections:\n  - wrong: "Firecracker cold start < 2 ms"\n    remove: true\n',
    );
    const result = loadKnowledge({ overlayPath: overlay });
    expect(result.ok && result.value.corrections.some((c) => c.wrong.includes('Firecracker'))).toBe(false);
  });

  it('an invalid overlay entry is reported in the overlay file, at its own path and line', () => {
    const text = 'stacks:\n  - id: edge\n    commands:\n      - wasmedge --seccomp custom.json app.wasm\n';
    const overlay = write('bad-overlay.yaml', text);
    const result = loadKnowledge({ overlayPath: overlay });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(info(result.error).file).toBe(overlay);
    expect(info(result.error).path).toBe('stacks[0].commands[0]');
    expect(info(result.error).line).toBe(4);
  });
});

describe('words a user reads, in both languages', () => {
  it('the built-in file gives every one of them in English and Chinese', () => {
    expect(missingTranslations(parse(builtin))).toEqual([]);
  });

  it('a base file that gives one in English only fails with its path and line', () => {
    const broken = builtin.replace('stack_part: { en: Kata VM, zh: Kata 虚拟机 }', 'stack_part: Kata VM');
    expect(broken).not.toBe(builtin);
    const result = loadKnowledge({ basePath: write('one-language.yaml', broken) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(info(result.error).path).toBe('operators[0].stack_part');
    expect(info(result.error).line).toBe(lineOf(broken, 'stack_part: Kata VM'));
    expect(say(result.error)).toMatch(/English and Chinese/);
  });

  it('an overlay written in one language loads, and both languages show its text as written', () => {
    const overlay = write(
      'english-overlay.yaml',
      'operators:\n  - symbol: W\n    when: Our own words for Wasm.\n    maps: { from: { zh: 源代码 }, to: a module }\n',
    );
    const result = loadKnowledge({ overlayPath: overlay });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const w = result.value.operators.find((o) => o.symbol === 'W');
    expect(w?.when).toEqual({ en: 'Our own words for Wasm.', zh: 'Our own words for Wasm.' });
    expect(w?.maps).toEqual({ from: { en: '源代码', zh: '源代码' }, to: { en: 'a module', zh: 'a module' } });
  });
});
