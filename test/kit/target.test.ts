import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildKit } from '../../src/kit/build.js';
import { checkTarget, isDnsLabel, isImageReference, toDnsLabel } from '../../src/kit/target.js';
import { targetFor } from '../../src/knowledge/commands.js';
import { knowledge, say } from '../support.js';
import { documentsOf, kitTemplates, schemaProblem } from './k8s.js';

const kb = knowledge();
const templates = kitTemplates();
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

describe('app names are DNS labels', () => {
  it.each(['My App!', '', 'My-App', 'my_app', '-app', 'app-', 'app.v1', 'a'.repeat(64), 'app name', 'äpp', 'app;rm'])(
    'refuses %j with a reason that says Kubernetes names are DNS labels',
    (app) => {
      for (const stack of kb.stacks) {
        const kit = buildKit(kb, templates, stack.id, { app, image: 'myapp:v1.0' }, 'en');
        expect(kit.ok).toBe(false);
        if (!kit.ok) {
          expect(kit.error.code).toBe('invalid-app');
          expect(say(kit.error)).toContain('DNS label');
          expect(say(kit.error)).toContain('63 characters');
          expect(say(kit.error).split('\n')).toHaveLength(1);
        }
      }
    },
  );

  it('suggests a name that is one', () => {
    const r = checkTarget({ app: 'My App!', image: 'x:1' });
    expect(!r.ok && say(r.error)).toContain('"my-app"');
    expect(toDnsLabel('My App!')).toBe('my-app');
    expect(isDnsLabel(toDnsLabel('__Weird__Name__With_Underscores__'))).toBe(true);
  });

  it.each(['a', 'my-app', 'app1', '1app', 'a'.repeat(63), 'a-b-c'])('accepts %j', (app) => {
    expect(isDnsLabel(app)).toBe(true);
  });

  it('accepts exactly the DNS labels (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (s) => {
        expect(isDnsLabel(s)).toBe(DNS_LABEL.test(s));
      }),
    );
  });
});

describe('images are references docker and the kubelet accept', () => {
  it.each([
    'myapp:v1.0',
    'myapp',
    'registry.example.com/team/myapp:1.4.2',
    'localhost:5000/myapp:wasm',
    `ghcr.io/org/app@sha256:${'a'.repeat(64)}`,
    `ghcr.io/org/app:v2@sha256:${'0'.repeat(64)}`,
  ])('accepts %s', (image) => {
    expect(isImageReference(image)).toBe(true);
  });

  it.each(['My App:v1', 'app:', ':v1', 'app name:v1', 'app:v1;rm -rf /', 'app:$(id)', 'app:v1 --privileged', '-app'])(
    'refuses %j',
    (image) => {
      expect(isImageReference(image)).toBe(false);
      const r = checkTarget({ app: 'myapp', image });
      expect(!r.ok && r.error.code).toBe('invalid-image');
    },
  );
});

describe('any valid app name gives valid kits (property)', () => {
  it('builds every stack for generated DNS labels, and every document validates', () => {
    fc.assert(
      fc.property(fc.stringMatching(DNS_LABEL), (app) => {
        fc.pre(!app.includes('myapp'));
        for (const stack of kb.stacks) {
          const kit = buildKit(kb, templates, stack.id, targetFor(stack, app), 'en');
          expect(kit.ok).toBe(true);
          if (!kit.ok) return;
          expect(kit.value.commands.join('\n')).not.toContain('myapp');
          for (const { doc } of documentsOf(kit.value)) expect(schemaProblem(doc)).toBeUndefined();
        }
      }),
      { numRuns: 40 },
    );
  });
});
