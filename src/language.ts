/** The languages every answer, message and error exists in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text the knowledge base holds in both languages. */
export interface Localized {
  readonly en: string;
  readonly zh: string;
}

/** Chinese when Han characters carry the text (one counts as much as two Latin letters), English otherwise. */
export function languageOf(text: string): Language | undefined {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    // The CJK Unified Ideographs block and its extension A: every Han character a request is likely to use.
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
  }
  if (han > 0 && han * 2 >= latin) return 'zh';
  return latin > 0 ? 'en' : undefined;
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
