/** Freezes a value and everything in it: what one answer shares with the next must not be changed by either. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Values shared by every answer that needs them: built once for each owner (a catalog, an advisor) and key, frozen,
 * and at most `limit` kept per owner, the oldest forgotten first (a key can come from what a user typed).
 */
export function sharedValues<O extends object, V>(limit: number): (owner: O, key: string, build: () => V) => V {
  const kept = new WeakMap<O, Map<string, V>>();
  return (owner, key, build) => {
    let byKey = kept.get(owner);
    if (byKey === undefined) {
      byKey = new Map();
      kept.set(owner, byKey);
    }
    const found = byKey.get(key);
    if (found !== undefined) return found;
    const value = deepFreeze(build());
    if (byKey.size >= limit) byKey.delete(byKey.keys().next().value as string);
    byKey.set(key, value);
    return value;
  };
}
