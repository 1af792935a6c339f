import type { Operator } from '../algebra/operators.js';

/**
 * An organisation's technology radar as data: Backstage Tech Radar JSON or a Build-Your-Own-Radar CSV (or BYOR's JSON
 * list), read into one model. Pure: the file's text in, entries or the first problem out; reading the file is the
 * caller's (`load.ts`).
 */

/** The rings of a radar, from the most to the least endorsed. */
export const RINGS = ['adopt', 'trial', 'assess', 'hold'] as const;
export type Ring = (typeof RINGS)[number];

/** A link the radar itself gives for an entry (Backstage `links` and `url`, BYOR `href`s in the description). */
export interface RadarLink {
  readonly url: string;
  readonly title: string;
}

/** One technology on the radar, in whatever format it came. */
export interface RadarEntry {
  readonly id: string;
  readonly title: string;
  readonly quadrant: string;
  readonly ring: Ring;
  /** Plain text (HTML tags removed), at most DESCRIPTION_LIMIT characters. */
  readonly description: string;
  readonly links: readonly RadarLink[];
  readonly isNew: boolean;
  /** The entry's own `operator` field (symbols or names, as written), when it names one. */
  readonly operatorField?: readonly string[];
  /** Its position in the file: `entries[3]` (JSON) or the data row (CSV), counted from 0. */
  readonly index: number;
  /** The CSV line the entry starts on. */
  readonly line?: number;
}

export type RadarFormat = 'backstage' | 'byor-csv' | 'byor-json';

export interface ParsedRadar {
  readonly format: RadarFormat;
  /** The file's own `version` field, when it has one. */
  readonly version?: string;
  readonly entries: readonly RadarEntry[];
}

/** Which radar an answer followed: the file, and its `version` field or its modification time. */
export interface RadarStamp {
  readonly file: string;
  readonly version: string;
  /** ISO 8601, when known. */
  readonly modified?: string;
}

/** A radar entry as an answer states it: matched to the knowledge base's operators. */
export interface RadarMark {
  readonly id: string;
  readonly title: string;
  readonly ring: Ring;
  readonly quadrant: string;
  readonly description: string;
  readonly links: readonly RadarLink[];
  readonly operators: readonly Operator[];
}

/** What is wrong with a radar file, as a code the catalogs put in words. */
export type RadarProblem =
  | { readonly kind: 'syntax'; readonly detail: string }
  | { readonly kind: 'not-a-radar' }
  | { readonly kind: 'no-entries' }
  | { readonly kind: 'too-many'; readonly count: number; readonly limit: number }
  | { readonly kind: 'missing-column'; readonly column: string }
  | { readonly kind: 'columns'; readonly expected: number; readonly found: number }
  | { readonly kind: 'missing-field'; readonly field: string }
  | { readonly kind: 'bad-ring'; readonly value: string }
  | { readonly kind: 'bad-link'; readonly url: string }
  | { readonly kind: 'bad-operator'; readonly value: string }
  | { readonly kind: 'duplicate'; readonly ring: Ring; readonly other: Ring; readonly otherIndex: number };

/** Where in the file a problem is: an entry by position and name, and the CSV line. */
export interface RadarWhere {
  readonly entry?: { readonly index: number; readonly name?: string };
  readonly line?: number;
}

export type RadarError = RadarWhere & { readonly problem: RadarProblem; readonly format?: RadarFormat };

type Parsed = { ok: true; value: ParsedRadar } | { ok: false; error: RadarError };

/** A radar of more entries than this is not a radar but a mistake; Thoughtworks' own has about a hundred. */
export const MAX_ENTRIES = 5000;
/** Descriptions are quoted in answers: longer ones are cut, visibly. */
export const DESCRIPTION_LIMIT = 280;

const RING_ALIASES: Readonly<Record<string, Ring>> = {
  adopt: 'adopt',
  trial: 'trial',
  assess: 'assess',
  hold: 'hold',
  // Backstage's own sample data calls its innermost ring "use".
  use: 'adopt',
};

/** A ring as a radar spells it (`Adopt`, `HOLD`, ` trial `), or undefined. */
export function ringOf(value: unknown): Ring | undefined {
  return typeof value === 'string' ? RING_ALIASES[value.trim().toLowerCase()] : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Text without HTML tags and with the common entities decoded, whitespace collapsed, cut to `limit`. */
export function plainText(text: string, limit = DESCRIPTION_LIMIT): string {
  const plain = text
    // Tags that break lines become spaces; inline ones (<a>, <b>, <em>) go without a trace.
    .replace(/<\/?(?:p|br|div|li|ul|ol|h\d|tr|td|table)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > limit ? `${plain.slice(0, limit - 1).trimEnd()}…` : plain;
}

/** An http(s) URL, or undefined. */
function httpUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** The `href`s of a BYOR description's links: its own links, when they are http(s). */
function hrefs(html: string): RadarLink[] {
  const out: RadarLink[] = [];
  for (const m of html.matchAll(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const url = httpUrl(m[1].replace(/&amp;/g, '&'));
    if (url !== undefined) out.push({ url, title: plainText(m[2], 120) || url });
  }
  return out;
}

/** An explicit `operator` field: a symbol, a name, or several separated by commas, `∘`, `+` or `;`. */
function operatorField(value: unknown): string[] | undefined | false {
  if (value === undefined || value === null || value === '') return undefined;
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((v) => typeof v === 'string')) return false;
  const names = (items as string[])
    .flatMap((v) => v.split(/[,;∘+]/))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return names.length === 0 ? undefined : names;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;

/** Refuses two entries with the same id or title in different rings: which one holds would be a guess. */
function checkDuplicates(entries: readonly RadarEntry[]): RadarError | undefined {
  const seen = new Map<string, RadarEntry>();
  for (const e of entries) {
    for (const key of new Set([e.id.toLowerCase(), e.title.toLowerCase()])) {
      const other = seen.get(key);
      if (other !== undefined && other.ring !== e.ring) {
        return {
          entry: { index: e.index, name: e.title },
          ...(e.line === undefined ? {} : { line: e.line }),
          problem: { kind: 'duplicate', ring: e.ring, other: other.ring, otherIndex: other.index },
        };
      }
      if (other === undefined) seen.set(key, e);
    }
  }
  return undefined;
}

function finish(format: RadarFormat, entries: RadarEntry[], version: string | undefined): Parsed {
  if (entries.length === 0) return { ok: false, error: { problem: { kind: 'no-entries' } } };
  const duplicate = checkDuplicates(entries);
  if (duplicate !== undefined) return { ok: false, error: duplicate };
  return { ok: true, value: { format, entries, ...(version === undefined ? {} : { version }) } };
}

/** The ring an entry's timeline ends in: the snapshot with the latest date; undated ones count as oldest. */
function latestSnapshot(timeline: readonly Record<string, unknown>[]): Record<string, unknown> {
  let best = timeline[0];
  let bestTime = Number.NEGATIVE_INFINITY;
  for (const snapshot of timeline) {
    const raw = snapshot.date;
    const time = typeof raw === 'string' || typeof raw === 'number' ? new Date(raw).getTime() : Number.NaN;
    const t = Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
    // Strictly later only: on equal dates the first listed wins, as Backstage shows timeline[0].
    if (t > bestTime) [best, bestTime] = [snapshot, t];
  }
  return best;
}

/** Backstage Tech Radar JSON: `{quadrants, rings, entries: [{id, title, quadrant, timeline: [{ringId, date}]}]}`. */
function backstage(data: Record<string, unknown>): Parsed {
  const raw = data.entries;
  if (!Array.isArray(raw)) return { ok: false, error: { problem: { kind: 'not-a-radar' } } };
  if (raw.length > MAX_ENTRIES) {
    return { ok: false, error: { problem: { kind: 'too-many', count: raw.length, limit: MAX_ENTRIES } } };
  }
  const rings = new Map<string, string>();
  if (Array.isArray(data.rings)) {
    for (const r of data.rings) if (isRecord(r) && text(r.id) !== undefined) rings.set(String(r.id), String(r.name));
  }
  const quadrants = new Map<string, string>();
  if (Array.isArray(data.quadrants)) {
    for (const q of data.quadrants) {
      if (isRecord(q) && text(q.id) !== undefined) quadrants.set(String(q.id), text(q.name) ?? String(q.id));
    }
  }
  const entries: RadarEntry[] = [];
  for (const [index, e] of raw.entries()) {
    const where = (name?: string) => ({ entry: { index, ...(name === undefined ? {} : { name }) } });
    const bad = (problem: RadarProblem, name?: string): Parsed => ({ ok: false, error: { ...where(name), problem } });
    if (!isRecord(e)) return bad({ kind: 'missing-field', field: 'title' });
    const title = text(e.title) ?? text(e.id) ?? text(e.key);
    if (title === undefined) return bad({ kind: 'missing-field', field: 'title' });
    const timeline = Array.isArray(e.timeline) ? e.timeline.filter(isRecord) : [];
    if (timeline.length === 0) return bad({ kind: 'missing-field', field: 'timeline' }, title);
    const latest = latestSnapshot(timeline);
    const ringId = text(latest.ringId);
    if (ringId === undefined) return bad({ kind: 'missing-field', field: 'timeline.ringId' }, title);
    // A ring id of the radar's own (`use`, `r1`) is read through the name the radar gives it.
    const ring = ringOf(ringId) ?? ringOf(rings.get(ringId));
    if (ring === undefined) return bad({ kind: 'bad-ring', value: ringId }, title);
    const links: RadarLink[] = [];
    const candidates = [
      ...(text(e.url) === undefined ? [] : [{ url: String(e.url), title }]),
      ...(Array.isArray(e.links)
        ? e.links.filter(isRecord).map((l) => ({ url: String(l.url ?? ''), title: text(l.title) ?? '' }))
        : []),
    ];
    for (const link of candidates) {
      if (link.url === '#' || link.url === '') continue;
      const url = httpUrl(link.url);
      if (url === undefined) return bad({ kind: 'bad-link', url: link.url }, title);
      if (!links.some((l) => l.url === url)) links.push({ url, title: link.title === '' ? url : link.title });
    }
    const field = operatorField(e.operator);
    if (field === false) return bad({ kind: 'bad-operator', value: JSON.stringify(e.operator) }, title);
    const quadrant = text(e.quadrant) ?? '';
    entries.push({
      id: text(e.id) ?? text(e.key) ?? title,
      title,
      quadrant: quadrants.get(quadrant) ?? quadrant,
      ring,
      description: plainText(text(e.description) ?? text(latest.description) ?? ''),
      links,
      isNew: latest.moved === 2 || e.isNew === true,
      ...(field === undefined ? {} : { operatorField: field }),
      index,
    });
  }
  return finish('backstage', entries, text(data.version));
}

/** The fields of a BYOR row (CSV or JSON), read the same way. */
function byorEntry(
  row: Readonly<Record<string, unknown>>,
  index: number,
  line: number | undefined,
): Parsed | RadarEntry {
  const at = line === undefined ? {} : { line };
  const name = text(row.name);
  const bad = (problem: RadarProblem): Parsed => ({
    ok: false,
    error: { entry: { index, ...(name === undefined ? {} : { name }) }, ...at, problem },
  });
  if (name === undefined) return bad({ kind: 'missing-field', field: 'name' });
  const ringText = text(row.ring);
  if (ringText === undefined) return bad({ kind: 'missing-field', field: 'ring' });
  const ring = ringOf(ringText);
  if (ring === undefined) return bad({ kind: 'bad-ring', value: ringText });
  const field = operatorField(row.operator);
  if (field === false) return bad({ kind: 'bad-operator', value: JSON.stringify(row.operator) });
  const description = typeof row.description === 'string' ? row.description : '';
  const isNew = row.isNew === true || (typeof row.isNew === 'string' && row.isNew.trim().toLowerCase() === 'true');
  return {
    id: text(row.id) ?? name,
    title: name,
    quadrant: text(row.quadrant) ?? '',
    ring,
    description: plainText(description),
    links: hrefs(description),
    isNew,
    ...(field === undefined ? {} : { operatorField: field }),
    index,
    ...at,
  };
}

function byorJson(rows: readonly unknown[]): Parsed {
  if (rows.length > MAX_ENTRIES) {
    return { ok: false, error: { problem: { kind: 'too-many', count: rows.length, limit: MAX_ENTRIES } } };
  }
  const entries: RadarEntry[] = [];
  for (const [index, row] of rows.entries()) {
    const entry = byorEntry(isRecord(row) ? row : {}, index, undefined);
    if ('ok' in entry) return entry;
    entries.push(entry);
  }
  return finish('byor-json', entries, undefined);
}

/** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. With the line each starts on. */
export function csvRecords(source: string): { records: { fields: string[]; line: number }[] } | { error: string } {
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let atFieldStart = true;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ fields, line: start });
    fields = [];
    field = '';
    atFieldStart = true;
    afterQuote = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      afterQuote = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (afterQuote) {
      if (c !== ' ' && c !== '\t') return { error: `line ${line}: text after a closing quote` };
    } else {
      // Spaces before an opening quote are allowed; anything else makes the field unquoted.
      if (c !== ' ' && c !== '\t') atFieldStart = false;
      field += c;
    }
  }
  if (quoted) return { error: `line ${start}: a quoted field is never closed` };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

/** Build-Your-Own-Radar CSV: a header `name,ring,quadrant,isNew,description`, one technology a row. */
function byorCsv(source: string): Parsed {
  const parsed = csvRecords(source);
  if ('error' in parsed) return { ok: false, error: { problem: { kind: 'syntax', detail: parsed.error } } };
  const [head, ...rows] = parsed.records;
  if (head === undefined) return { ok: false, error: { problem: { kind: 'no-entries' } } };
  // Column names are matched without regard to case or surrounding quotes: `Name`, ` ring `, `isNew`.
  const columns = head.fields.map((c) => c.trim().toLowerCase());
  for (const column of ['name', 'ring']) {
    if (!columns.includes(column)) {
      return { ok: false, error: { line: head.line, problem: { kind: 'missing-column', column } } };
    }
  }
  if (rows.length > MAX_ENTRIES) {
    return { ok: false, error: { problem: { kind: 'too-many', count: rows.length, limit: MAX_ENTRIES } } };
  }
  const entries: RadarEntry[] = [];
  for (const [index, row] of rows.entries()) {
    if (row.fields.length !== columns.length) {
      const name = row.fields[columns.indexOf('name')]?.trim();
      return {
        ok: false,
        error: {
          entry: { index, ...(name ? { name } : {}) },
          line: row.line,
          problem: { kind: 'columns', expected: columns.length, found: row.fields.length },
        },
      };
    }
    const record: Record<string, string> = {};
    columns.forEach((c, k) => {
      record[c === 'isnew' ? 'isNew' : c] = row.fields[k];
    });
    const entry = byorEntry(record, index, row.line);
    if ('ok' in entry) return entry;
    entries.push(entry);
  }
  return finish('byor-csv', entries, undefined);
}

/**
 * Reads a radar from its text. JSON (an object with `entries`: Backstage; a list: BYOR's JSON) when the file name
 * ends in `.json` or the text starts with `{` or `[`; a BYOR CSV otherwise.
 */
export function parseRadar(source: string, file: string): Parsed {
  const body = source.replace(/^\uFEFF/, '');
  const start = body.trimStart()[0];
  const json = /\.json$/i.test(file) || start === '{' || start === '[';
  const as = (format: RadarFormat, parsed: Parsed): Parsed =>
    parsed.ok ? parsed : { ok: false, error: { ...parsed.error, format } };
  if (!json) return as('byor-csv', byorCsv(body));
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { ok: false, error: { problem: { kind: 'syntax', detail } } };
  }
  if (Array.isArray(data)) return as('byor-json', byorJson(data));
  if (!isRecord(data)) return { ok: false, error: { problem: { kind: 'not-a-radar' } } };
  return as('backstage', backstage(data));
}
