import { type Failure, fail, ok, type Result } from '../result.js';
import type { Target } from '../knowledge/commands.js';

export interface TargetFailure extends Failure {
  readonly code: 'invalid-app' | 'invalid-image';
}

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
    const hint = suggestion === '' ? '' : `, for example "${suggestion}"`;
    return fail({
      code: 'invalid-app',
      message: `"${target.app}" is not a valid app name: it names the Kubernetes namespace, Deployment and container, and Kubernetes names are DNS labels (RFC 1123) - at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit${hint}`,
    });
  }
  if (!isImageReference(target.image)) {
    return fail({
      code: 'invalid-image',
      message: `"${target.image}" is not a valid image reference: write [REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lowercase name, for example "registry.example.com/${target.app}:v1.0"`,
    });
  }
  return ok(target);
}
