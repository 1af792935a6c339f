import type { Target } from '../knowledge/commands.js';
import { type Failure, fail, failure, ok, type Result } from '../result.js';

export type TargetFailure = Failure<'invalid-app' | 'invalid-image'>;

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

// The image reference grammar of distribution/reference (what docker and the kubelet accept), without the
// upper-case repository names no registry accepts.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${HOST_PART}(?:\\.${HOST_PART})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE = new RegExp(`^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/** True when `name` is a DNS-1123 label: what Kubernetes accepts as a namespace, Deployment or container name. */
export function isDnsLabel(name: string): boolean {
  return DNS_LABEL.test(name);
}

/** A DNS label made from a name, for the error message's suggestion: `My App!` → `my-app`. */
export function toDnsLabel(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
}

/** True when `image` is an image reference docker and the kubelet accept (`registry:5000/team/app:v1@sha256:…`). */
export function isImageReference(image: string): boolean {
  return image.length <= 255 && IMAGE.test(image);
}

/** Checks a target before it is written into commands and manifests: the app is a DNS label, the image a reference. */
export function checkTarget(target: Target): Result<Target, TargetFailure> {
  if (!isDnsLabel(target.app)) {
    const suggestion = toDnsLabel(target.app);
    return fail(failure('invalid-app', { app: target.app, ...(suggestion === '' ? {} : { suggestion }) }));
  }
  if (!isImageReference(target.image)) {
    return fail(failure('invalid-image', { image: target.image, app: target.app }));
  }
  return ok(target);
}
