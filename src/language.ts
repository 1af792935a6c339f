/** The languages every answer, message and error exists in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text the knowledge base holds in both languages. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

// An operator symbol or a one-letter token says nothing about the language: `V∘S∘C∘M`, `Am`, `Kc`, `Otel`.
const SYMBOL = /^(?:[A-Z][a-z]?|Otel|Ist|[a-z])$/;

/**
 * Chinese when Han characters carry the text, English when Latin words do: each Han character counts as much as one
 * English word, so Chinese sentences with English product names ("我们需要 Kata 和 gVisor") stay Chinese. Operator
 * symbols count for neither. Undefined when there are no words at all.
 */
export function languageOf(text: string): Language | undefined {
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // The CJK Unified Ideographs block and its extension A: every Han character a request is likely to use.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
  }
  let words = 0;
  for (const m of text.matchAll(/[A-Za-z]+/g)) if (!SYMBOL.test(m[0])) words++;
  if (han > 0 && han >= words) return 'zh';
  return words > 0 ? 'en' : han > 0 ? 'zh' : undefined;
}

/**
 * The language a request has of its own: Chinese or English words decide; an operator word (`V∘C∘M`), an empty text
 * or symbols alone have none (the asker's locale decides then). Operator symbols and product names do not count.
 */
export function ownLanguageOf(text: string, isOperatorWord: (text: string) => boolean): Language | undefined {
  if (text.trim() === '' || isOperatorWord(text)) return undefined;
  return languageOf(text);
}

/** A locale such as `zh-CN`, `zh_TW.UTF-8`, `en-US` or a language code, as a language we answer in. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (locale === undefined) return undefined;
  const l = locale.trim().toLowerCase();
  if (l.startsWith('zh')) return 'zh';
  if (l.startsWith('en')) return 'en';
  return undefined;
}

/** `en`, `zh`, and the ways people spell them (`english`, `chinese`, `中文`, `zh-CN`), or undefined. */
export function parseLanguage(value: string): Language | undefined {
  const v = value.trim().toLowerCase();
  if (['en', 'english', 'eng', '英文', '英语'].includes(v) || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  if (['zh', 'chinese', 'cn', '中文', '汉语', '简体中文'].includes(v) || v.startsWith('zh-') || v.startsWith('zh_'))
    return 'zh';
  return undefined;
}

/** The CLI's default language: `LC_ALL`, then `LC_MESSAGES`, then `LANG` beginning with `zh`. */
export function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Language | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return languageOfLocale(value) ?? 'en';
  }
  return undefined;
}

// A leading language choice in a request: `en:`, `zh:`, `中文:`, `英文：`, `--lang zh`, `--lang=en`.
const PREFIX = /^\s*(?:(en|english|zh|中文|英文|chinese)\s*[:：]|--lang(?:\s+|=)(\S+))\s*/i;

/** Splits a leading explicit language choice off a request: `中文: V∘C∘M` → zh and `V∘C∘M`. */
export function explicitLanguage(text: string): { language: Language | undefined; text: string } {
  const m = PREFIX.exec(text);
  if (m === null) return { language: undefined, text };
  const language = parseLanguage(m[1] ?? m[2] ?? '');
  return language === undefined ? { language: undefined, text } : { language, text: text.slice(m[0].length) };
}
