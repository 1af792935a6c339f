import { describe, expect, it } from 'vitest';
import { KitTemplatesSchema } from '../../src/kit/schema.js';
import { LANGUAGES } from '../../src/language.js';
import { messages } from '../../src/render/messages/index.js';
import { knowledge } from '../support.js';
import { kitOf, kitTemplates } from './k8s.js';
import { chineseLeaks, englishLeaks } from './prose.js';

/**
 * The kit README is whole in the asker's language: the frame from the catalogs, the prose from knowledge/kit.yaml's
 * `{ en, zh }` texts, the stack's reason and corrections from the knowledge base. Only README.md depends on the
 * language: the manifests, the seccomp profile and the node files are the same bytes in both.
 */

const kb = knowledge();
const templates = kitTemplates();
const readmeOf = (files: readonly { path: string; content: string }[]): string =>
  files.find((f) => f.path === 'README.md')?.content ?? '';

describe.each(kb.stacks.map((s) => [s.id, s] as const))('the kit README of %s', (_id, stack) => {
  const en = kitOf(kb, templates, stack, undefined, undefined, 'en');
  const zh = kitOf(kb, templates, stack, undefined, undefined, 'zh');

  it('in Chinese has no English prose outside code, commands, file names and product names', () => {
    const readme = readmeOf(zh.files);
    expect(englishLeaks(readme)).toEqual([]);
    const m = messages('zh').kitReadme;
    expect(readme.startsWith(`# ${m.title(stack.name, stack.form)}\n`)).toBe(true);
    for (const heading of [m.files, m.beforeYouStart, m.commandsInOrder]) expect(readme).toContain(`## ${heading}\n`);
    expect(readme).toContain(stack.why.zh);
  });

  it('in English has no Chinese', () => {
    const readme = readmeOf(en.files);
    expect(chineseLeaks(readme)).toEqual([]);
    expect(readme.startsWith(`# Deploy kit: ${stack.name} (${stack.form})\n`)).toBe(true);
    expect(readme).toContain(stack.why.en);
  });

  it('differs only in README.md: every other file is the same bytes in both languages', () => {
    expect(zh.files.map((f) => f.path)).toEqual(en.files.map((f) => f.path));
    expect(zh.commands).toEqual(en.commands);
    for (const [i, f] of en.files.entries()) {
      if (f.path === 'README.md') expect(zh.files[i].content, f.path).not.toBe(f.content);
      else expect(zh.files[i].content, f.path).toBe(f.content);
    }
  });

  it('names every file and lists every command in both languages, in the same order', () => {
    for (const language of LANGUAGES) {
      const kit = language === 'en' ? en : zh;
      const readme = readmeOf(kit.files);
      const block = /```sh\n([\s\S]*?)\n```/.exec(readme);
      expect(block?.[1].split('\n')).toEqual([...kit.commands]);
      for (const f of kit.files) expect(readme).toContain(`\`${f.path}\``);
    }
  });
});

describe('the corrections to the sources', () => {
  it('are given with their reason in the README’s language', () => {
    const corrected = kb.stacks.filter((s) => (s.corrections ?? []).length > 0);
    for (const stack of corrected) {
      const zh = readmeOf(kitOf(kb, templates, stack, undefined, undefined, 'zh').files);
      const en = readmeOf(kitOf(kb, templates, stack, undefined, undefined, 'en').files);
      for (const c of stack.corrections ?? []) {
        expect(zh).toContain(messages('zh').kitReadme.correction(c.right, c.reason.zh));
        expect(en).toContain(messages('en').kitReadme.correction(c.right, c.reason.en));
      }
    }
  });
});

describe('the prose of knowledge/kit.yaml', () => {
  it('is refused in one language only: both en and zh are required', () => {
    const remove = templates.readme.remove;
    for (const bad of ['English only', { en: remove.en }, { zh: remove.zh }, { en: remove.en, zh: '' }]) {
      const parsed = KitTemplatesSchema.safeParse({ ...templates, readme: { ...templates.readme, remove: bad } });
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
    }
    const check = { ...templates.deployment.checks[0], expect: 'plain English' };
    const withCheck = { ...templates, deployment: { ...templates.deployment, checks: [check] } };
    expect(KitTemplatesSchema.safeParse(withCheck).success).toBe(false);
  });

  it('keeps the placeholders, code spans and commands of the English text in the Chinese one', () => {
    const texts: { en: string; zh: string }[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, unknown>;
        if (typeof o.en === 'string' && typeof o.zh === 'string' && Object.keys(o).length === 2) {
          texts.push({ en: o.en, zh: o.zh });
        } else Object.values(o).forEach(walk);
      }
    };
    walk(templates);
    expect(texts.length).toBeGreaterThan(80);
    const placeholders = (t: string) => [...t.matchAll(/\{[a-z][a-z_]*\}/g)].map((m) => m[0]).sort();
    const spans = (t: string) => [...t.matchAll(/`[^`]+`/g)].map((m) => m[0]);
    for (const t of texts) {
      expect(placeholders(t.zh), t.en).toEqual(placeholders(t.en));
      // Every code span of the English text is in the Chinese one as written (the Chinese may add more), except a
      // span whose `<value described in words>` the Chinese says in Chinese around the code.
      for (const span of spans(t.en)) if (!/<[^>]* [^>]*>/.test(span)) expect(t.zh, t.en).toContain(span);
      expect(englishLeaks(t.zh), t.zh).toEqual([]);
      expect(chineseLeaks(t.en)).toEqual([]);
    }
  });
});
