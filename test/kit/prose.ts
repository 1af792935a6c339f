/**
 * What a person reads in a kit's README, as prose: without code blocks, code spans, quoted log lines and URLs (the
 * approach of test/render/language.test.ts). Commands, file names, product names and units are the same in both
 * languages and carry no English function words, so they need no list of their own.
 */

// English function words: a Chinese README with one of them outside code still has an English sentence in it.
const ENGLISH_PROSE =
  /\b(the|and|with|is|are|to|of|for|not|no|this|when|does|from|by|which|its|or|only|expect|step)\b/i;
const HAN = /\p{Script=Han}/u;

export function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/** The lines of a Chinese text that still read as English. */
export function englishLeaks(text: string): string[] {
  return prose(text)
    .split('\n')
    .filter((line) => ENGLISH_PROSE.test(line));
}

/** The lines of an English text with Chinese in them (code included: an English kit quotes no Chinese). */
export function chineseLeaks(text: string): string[] {
  return text.split('\n').filter((line) => HAN.test(line));
}
