import type { RadarLink, RadarMark, Reason } from '../advisor/answer.js';
import { codeSpan, escapeText } from './escape.js';
import type { Messages } from './messages/index.js';

/** How the radar shows: ring badges beside a stack, an entry with its description and links. Pure. */

/** Ring badges for Slack: `` `ADOPT` containerd · `HOLD` Istio sidecar ``. */
export function badges(m: Messages, marks: readonly RadarMark[]): string {
  return marks.map((mark) => `${codeSpan(m.rings[mark.ring])} ${escapeText(mark.title)}`).join(' · ');
}

/** Ring badges for a terminal: `[ADOPT] containerd · [HOLD] Istio sidecar`. */
export function plainBadges(m: Messages, marks: readonly RadarMark[]): string {
  return marks.map((mark) => `[${m.rings[mark.ring]}] ${mark.title}`).join(' · ');
}

/**
 * A link for Slack's mrkdwn, `<url|title>`: the URL is an http(s) URL (the radar's reader refuses others); `|`, `<`
 * and `>` in it are percent-encoded so it cannot end the link early, and the title is escaped.
 */
export function slackLink(link: RadarLink): string {
  const url = link.url.replaceAll('|', '%7C').replaceAll('<', '%3C').replaceAll('>', '%3E').replaceAll('&', '&amp;');
  const title = escapeText(link.title).replaceAll('|', '¦');
  return `<${url}|${title}>`;
}

/** An entry with its ring, its description and its links, for Slack. */
export function markLine(m: Messages, mark: RadarMark): string {
  const links = mark.links.map(slackLink).join(' · ');
  return `${codeSpan(m.rings[mark.ring])} ${escapeText(m.radarMark(mark))}${links === '' ? '' : ` ${links}`}`;
}

/** An entry with its ring, its description and its links, for a terminal. */
export function plainMarkLine(m: Messages, mark: RadarMark): string {
  const links = mark.links.map((l) => l.url).join(' ');
  return `[${m.rings[mark.ring]}] ${m.radarMark(mark)}${links === '' ? '' : `  ${links}`}`;
}

/** A reason that is a warning: the recommendation keeps a technology the radar puts on hold. */
export const isWarning = (r: Reason): boolean => r.kind === 'radar-hold-named';
