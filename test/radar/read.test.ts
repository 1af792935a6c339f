import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRadar, radarFromText } from '../../src/radar/load.js';
import { csvRecords, parseRadar } from '../../src/radar/model.js';
import { en } from '../../src/render/messages/en.js';
import { zh } from '../../src/render/messages/zh.js';
import { knowledge } from '../support.js';
import { BACKSTAGE, BYOR, csvRadar, MODIFIED, radarFile, radarOf } from './support.js';

/** Reading radar files: both formats into one model, matched to the knowledge base, invalid files refused. */

const kb = knowledge();
const titled = (book: ReturnType<typeof radarOf>, title: string) => book.marks.find((m) => m.title === title);

describe('a Backstage Tech Radar JSON', () => {
  const book = radarOf(radarFile(BACKSTAGE));

  it('is read entry by entry: the latest timeline snapshot gives the ring, quadrant ids become their names', () => {
    const sidecar = titled(book, 'Istio sidecar');
    // Its timeline lists the hold first, dated after the adopt: the latest date decides, not the order.
    expect(sidecar?.ring).toBe('hold');
    expect(sidecar?.quadrant).toBe('Platforms');
    expect(sidecar?.description).toBe(
      'Sidecar injection doubles pod memory and complicates upgrades; new services use Istio ambient mode.',
    );
    expect(sidecar?.links).toEqual([
      { url: 'https://wiki.acme.example/adr/0042-ambient-mesh', title: 'ADR 42: ambient mesh' },
    ]);
    expect(titled(book, 'Istio Ambient')?.ring).toBe('trial');
    expect(titled(book, 'containerd')?.ring).toBe('adopt');
    // HTML in a description is shown as text.
    expect(titled(book, 'WasmEdge')?.description).toBe('Edge functions only, not for general services.');
    // The deprecated `url` field is a link too.
    expect(titled(book, 'OpenTelemetry')?.links).toEqual([
      { url: 'https://opentelemetry.io/', title: 'OpenTelemetry' },
    ]);
  });

  it('is stamped with its own version field', () => {
    expect(book.stamp).toEqual({
      file: 'backstage-radar.json',
      version: '2026-Q1',
      modified: MODIFIED.toISOString(),
    });
  });

  it('matches entries to operators by id or title, case-insensitively, and keeps the rest aside', () => {
    const ops = Object.fromEntries(book.marks.map((m) => [m.id, m.operators]));
    expect(ops).toEqual({
      'istio-sidecar': ['M'],
      'istio-ambient': ['Am'],
      containerd: ['C'],
      wasmedge: ['W'],
      gvisor: ['G'],
      // No operator is called that: every operator one of whose names begins with it (Kata VM, runtime, kata-fc).
      'kata-containers': ['V', 'Kc', 'F'],
      opentelemetry: ['Otel'],
    });
    expect(book.unmatched.map((e) => e.title)).toEqual(['Kubernetes', 'Docker Swarm']);
  });

  it('reads a ring id of the radar’s own through the name it gives that ring', () => {
    const text = JSON.stringify({
      rings: [
        { id: 'r1', name: 'Adopt' },
        { id: 'use', name: 'USE' },
      ],
      entries: [
        { id: 'a', title: 'gVisor', quadrant: 'q', timeline: [{ ringId: 'r1', date: '2025-01-01' }] },
        { id: 'b', title: 'containerd', quadrant: 'q', timeline: [{ ringId: 'use', date: '2025-01-01' }] },
      ],
    });
    const parsed = parseRadar(text, 'radar.json');
    expect(parsed.ok && parsed.value.entries.map((e) => e.ring)).toEqual(['adopt', 'adopt']);
  });
});

describe('a Build-Your-Own-Radar CSV', () => {
  const file = radarFile(BYOR);
  const book = radarOf(file);

  it('is read row by row: quoted commas and doubled quotes stay in the description, its links are kept', () => {
    const ambient = titled(book, 'Istio Ambient');
    expect(ambient?.ring).toBe('adopt');
    expect(ambient?.quadrant).toBe('Platforms');
    expect(ambient?.description).toBe('Default mesh for new services since Q3, replacing sidecars. See ADR 42.');
    expect(ambient?.links).toEqual([{ url: 'https://wiki.acme.example/adr/0042-ambient-mesh', title: 'ADR 42' }]);
    expect(titled(book, 'WasmEdge')?.description).toBe('Edge functions, filters and plugins, on crun.');
    expect(titled(book, 'Kata Containers')?.ring).toBe('hold');
  });

  it('is stamped with its file name and modification time (it has no version field)', () => {
    expect(book.stamp).toEqual({
      file: 'byor-radar.csv',
      version: `byor-radar.csv@${MODIFIED.toISOString()}`,
      modified: MODIFIED.toISOString(),
    });
  });

  it('warns about the entries that match nothing the knowledge base knows', () => {
    expect(book.unmatched.map((e) => e.title)).toEqual(['Terraform', 'Backstage']);
    expect(
      en.radarUnmatched(
        book.stamp.file,
        book.unmatched.map((e) => e.title),
      ),
    ).toBe(
      'byor-radar.csv: 2 radar entries match nothing the knowledge base knows, and are ignored: Terraform, Backstage. Name an operator, an implementation or a stack part, or add an "operator" field.',
    );
  });

  it('lets the most specific entry decide an operator: the one naming fewest operators', () => {
    // Firecracker is named by "Kata Containers" (V, Kc, F) and by "Firecracker" (F alone): F is Firecracker's.
    expect(book.byOperator.get('F')?.map((m) => m.title)).toEqual(['Firecracker']);
    expect(book.byOperator.get('V')?.map((m) => m.title)).toEqual(['Kata Containers']);
  });

  it('reads the usual spellings: ids with dashes, any case, Chinese names, an explicit operator field', () => {
    const radar = csvRadar(
      [
        'name,ring,quadrant,isNew,description,operator',
        'ISTIO-SIDECAR,Hold,Platforms,false,,',
        'wasmedge,ADOPT,Platforms,false,,',
        'Istio 1.24,trial,Platforms,false,,',
        '服务网格（Sidecar）,assess,Platforms,false,,',
        'Docker,adopt,Platforms,false,"Docker Engine, everywhere",C',
        'Sidecar mesh,hold,Platforms,false,,"M"',
      ].join('\n'),
    );
    expect(radar.marks.map((m) => [m.title, m.ring, m.operators])).toEqual([
      ['ISTIO-SIDECAR', 'hold', ['M']],
      ['wasmedge', 'adopt', ['W']],
      // "Istio" is where Istio's names begin: the sidecar, ambient mode and its control plane.
      ['Istio 1.24', 'trial', ['M', 'Am', 'Ist']],
      ['服务网格（Sidecar）', 'assess', ['M']],
      ['Docker', 'adopt', ['C']],
      ['Sidecar mesh', 'hold', ['M']],
    ]);
    expect(radar.unmatched).toEqual([]);
  });

  it('reads a BYOR JSON list the same way', () => {
    const radar = radarFromText(
      JSON.stringify([{ name: 'gVisor', ring: 'Trial', quadrant: 'Infrastructure', isNew: 'TRUE', description: 'CI' }]),
      'radar.json',
      MODIFIED,
      kb,
    );
    expect(radar.ok && radar.value.marks.map((m) => [m.title, m.ring, m.operators])).toEqual([
      ['gVisor', 'trial', ['G']],
    ]);
  });

  it('splits records as RFC 4180 does: quotes, doubled quotes, line breaks in quotes, CRLF, blank lines', () => {
    const parsed = csvRecords('a,b\r\n"x, ""y""","multi\nline"\r\n\r\nlast,1\n');
    expect('records' in parsed && parsed.records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, "y"', 'multi\nline'], line: 2 },
      { fields: ['last', '1'], line: 5 },
    ]);
  });
});

describe('an unreadable or invalid radar file is refused with the file, the entry and the reason', () => {
  const refusal = (text: string, name = 'radar.csv') => {
    const file = radarFile(text, name);
    const radar = loadRadar(file, kb);
    if (radar.ok) throw new Error('accepted');
    return { failure: radar.error, en: en.failure(radar.error), zh: zh.failure(radar.error), file };
  };

  it('a CSV row with a ring that is not one: the row, its line and its name', () => {
    const r = refusal(
      'name,ring,quadrant,isNew,description\ngVisor,trial,Infra,FALSE,ok\nIstio sidecar,later,Platforms,FALSE,soon\n',
    );
    expect(r.failure.code).toBe('radar-invalid');
    expect(r.en).toBe(`${r.file}:3: row 2 (“Istio sidecar”): the ring “later” is not adopt, trial, assess or hold`);
    expect(r.zh).toContain('Istio sidecar');
    expect(r.zh).toContain('技术雷达文件无效');
  });

  it('a CSV description with an unquoted comma: more fields than the header', () => {
    const r = refusal('name,ring,quadrant,isNew,description\nWasmEdge,adopt,Platforms,TRUE,Edge functions, filters\n');
    expect(r.en).toContain('row 1 (“WasmEdge”): 6 fields where the header has 5');
  });

  it('a CSV without a ring column', () => {
    expect(refusal('name,quadrant\ngVisor,Infra\n').en).toContain('the header has no "ring" column');
  });

  it('a quoted field never closed', () => {
    expect(refusal('name,ring\n"gVisor,trial\n').en).toContain('a quoted field is never closed');
  });

  it('a Backstage entry without a timeline, named by its place and title', () => {
    const r = refusal(
      JSON.stringify({
        entries: [
          { id: 'ok', title: 'gVisor', quadrant: 'q', timeline: [{ ringId: 'trial', date: '2025-01-01' }] },
          { id: 'istio-sidecar', title: 'Istio sidecar', quadrant: 'q' },
        ],
      }),
      'radar.json',
    );
    expect(r.en).toBe(`${r.file}: entries[1] (“Istio sidecar”): no "timeline"`);
  });

  it('a Backstage link that is not http(s)', () => {
    const r = refusal(
      JSON.stringify({
        entries: [
          {
            title: 'gVisor',
            quadrant: 'q',
            links: [{ url: 'javascript:alert(1)', title: 'x' }],
            timeline: [{ ringId: 'trial', date: '2025-01-01' }],
          },
        ],
      }),
      'radar.json',
    );
    expect(r.en).toContain('entries[0] (“gVisor”): the link “javascript:alert(1)” is not an http(s) URL');
  });

  it('an operator field that names no operator', () => {
    const r = refusal('name,ring,operator\nDocker,adopt,Q\n');
    expect(r.en).toContain('row 1 (“Docker”): the operator “Q” is not an operator of the knowledge base');
  });

  it('one technology in two rings', () => {
    const r = refusal('name,ring\ngVisor,trial\nGVISOR,hold\n');
    expect(r.en).toContain('row 2 (“GVISOR”): listed in hold here and in trial as entry 1');
  });

  it('JSON that does not parse, JSON that is no radar, a radar without entries', () => {
    expect(refusal('{"entries": [', 'radar.json').en).toContain('cannot be read as a radar');
    expect(refusal('{"title": "x"}', 'radar.json').en).toContain('not a radar');
    expect(refusal('name,ring\n').en).toContain('the radar has no entries');
  });

  it('a missing file, a directory', () => {
    const missing = loadRadar('/nonexistent/radar.json', kb);
    expect(!missing.ok && en.failure(missing.error)).toBe(
      '/nonexistent/radar.json: cannot read the radar file (no such file)',
    );
    const dir = mkdtempSync(join(tmpdir(), 'stack-advisor-radar-dir-'));
    const directory = loadRadar(dir, kb);
    expect(!directory.ok && directory.error.code).toBe('radar-unreadable');
    expect(!directory.ok && zh.failure(directory.error)).toContain('这是一个目录');
  });
});
