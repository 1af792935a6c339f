import type { Language } from '../../language.js';
import { en } from './en.js';
import type { Messages } from './messages.js';
import { zh } from './zh.js';

export type { Messages } from './messages.js';

/** The catalog of one language. */
export function messages(language: Language | undefined): Messages {
  return language === 'zh' ? zh : en;
}
