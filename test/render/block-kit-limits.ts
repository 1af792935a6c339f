/**
 * Slack's Block Kit limits, checked independently of the renderer (which enforces them with its own code): a test
 * that used the renderer's own constants could not catch a wrong constant. Returns what is wrong, [] when nothing.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | undefined => (isObject(v) && typeof v.text === 'string' ? v.text : undefined);

function checkText(problems: string[], where: string, obj: unknown, max: number, kind?: 'plain_text' | 'mrkdwn'): void {
  if (!isObject(obj)) {
    problems.push(`${where}: not a text object`);
    return;
  }
  if (kind !== undefined && obj.type !== kind) problems.push(`${where}: must be ${kind}, is ${String(obj.type)}`);
  if (obj.type !== 'plain_text' && obj.type !== 'mrkdwn') problems.push(`${where}: unknown text type`);
  const text = textOf(obj);
  if (text === undefined || text.length === 0) problems.push(`${where}: empty text`);
  else if (text.length > max) problems.push(`${where}: ${text.length} characters > ${max}`);
}

export function blockProblems(blocks: unknown, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const at = `blocks[${i}]`;
    if (!isObject(block)) {
      problems.push(`${at}: not an object`);
      return;
    }
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      if (id.length > 255) problems.push(`${at}.block_id longer than 255`);
      if (blockIds.has(id)) problems.push(`${at}.block_id ${id} repeated`);
      blockIds.add(id);
    }
    switch (block.type) {
      case 'header':
        checkText(problems, `${at}.text`, block.text, 150, 'plain_text');
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${at}: neither text nor fields`);
        if (block.text !== undefined) checkText(problems, `${at}.text`, block.text, 3000);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length === 0) problems.push(`${at}.fields: empty`);
          else if (block.fields.length > 10) problems.push(`${at}.fields: ${block.fields.length} > 10`);
          if (Array.isArray(block.fields))
            block.fields.forEach((f: unknown, j) => {
              checkText(problems, `${at}.fields[${j}]`, f, 2000);
            });
        }
        break;
      }
      case 'context': {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
        else if (elements.length > 10) problems.push(`${at}.elements: ${elements.length} > 10`);
        if (Array.isArray(elements))
          elements.forEach((e: unknown, j) => {
            checkText(problems, `${at}.elements[${j}]`, e, 3000);
          });
        break;
      }
      case 'actions': {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0) problems.push(`${at}.elements: empty`);
        else if (elements.length > 25) problems.push(`${at}.elements: ${elements.length} > 25`);
        if (Array.isArray(elements))
          elements.forEach((e: unknown, j) => {
            const where = `${at}.elements[${j}]`;
            if (!isObject(e) || e.type !== 'button') {
              problems.push(`${where}: not a button`);
              return;
            }
            checkText(problems, `${where}.text`, e.text, 75, 'plain_text');
            if (typeof e.value === 'string' && e.value.length > 2000) problems.push(`${where}.value longer than 2000`);
            const id = String(e.action_id ?? '');
            if (id === '' || id.length > 255) problems.push(`${where}.action_id empty or longer than 255`);
            if (actionIds.has(id)) problems.push(`${where}.action_id ${id} repeated`);
            actionIds.add(id);
          });
        break;
      }
      case 'context_actions': {
        // Feedback under an answer: at most 5 elements, each a pair of feedback buttons.
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 5) {
          problems.push(`${at}.elements: empty or more than 5`);
        }
        if (Array.isArray(elements))
          elements.forEach((e: unknown, j) => {
            const where = `${at}.elements[${j}]`;
            if (!isObject(e) || e.type !== 'feedback_buttons') {
              problems.push(`${where}: not feedback buttons`);
              return;
            }
            for (const side of ['positive_button', 'negative_button'] as const) {
              const b = e[side];
              if (!isObject(b)) {
                problems.push(`${where}.${side} missing`);
                continue;
              }
              checkText(problems, `${where}.${side}.text`, b.text, 75, 'plain_text');
              if (typeof b.value !== 'string' || b.value.length > 2000) problems.push(`${where}.${side}.value`);
            }
            const id = String(e.action_id ?? '');
            if (id === '' || id.length > 255) problems.push(`${where}.action_id empty or longer than 255`);
            if (actionIds.has(id)) problems.push(`${where}.action_id ${id} repeated`);
            actionIds.add(id);
          });
        break;
      }
      case 'table': {
        // Slack's table: at most 100 rows and 20 columns, every row as wide as the first, cells of raw text.
        const rows = block.rows;
        if (!Array.isArray(rows) || rows.length === 0 || rows.length > 100) problems.push(`${at}.rows: empty or > 100`);
        if (Array.isArray(rows)) {
          const width = Array.isArray(rows[0]) ? rows[0].length : 0;
          if (width === 0 || width > 20) problems.push(`${at}.rows[0]: ${width} columns`);
          rows.forEach((row: unknown, j) => {
            if (!Array.isArray(row) || row.length !== width) problems.push(`${at}.rows[${j}]: not ${width} cells`);
            else
              row.forEach((cell: unknown, k) => {
                if (!isObject(cell) || cell.type !== 'raw_text' || typeof cell.text !== 'string' || cell.text === '')
                  problems.push(`${at}.rows[${j}][${k}]: not raw text`);
              });
          });
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type ${String(block.type)}`);
    }
  });
  return problems;
}

/** A message (chat.postMessage, response_url, an acknowledgement): ≤ 50 blocks and a non-empty `text` fallback. */
export function messageProblems(message: unknown): string[] {
  if (!isObject(message)) return ['not an object'];
  const problems = blockProblems(message.blocks, 50);
  if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('no text fallback');
  return problems;
}

/** A Home tab view: type home and ≤ 100 blocks. */
export function homeProblems(view: unknown): string[] {
  if (!isObject(view)) return ['not an object'];
  return [...(view.type === 'home' ? [] : ['view type is not home']), ...blockProblems(view.blocks, 100)];
}

/** Every piece of text a person sees (not button values, which Slack never renders). */
export function visibleTexts(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) walk(item, key);
      return;
    }
    if (isObject(v)) for (const [k, item] of Object.entries(v)) if (k !== 'value' && k !== 'metadata') walk(item, k);
  };
  walk(payload, '');
  return out;
}

/** Slack markup that would ping or link: none of it may come from what a user typed. */
export const PINGS = /<!(channel|here|everyone)|<@[UW][A-Z0-9]+|<#C/;
