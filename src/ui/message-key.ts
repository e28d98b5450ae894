/** Message names allow only [A-Za-z0-9_]; EDICT codes and conjugation steps use hyphens (adj-na, m-sl, te-iku). */
export function messageKey(prefix: string, code: string): string {
  return prefix + code.replace(/[^A-Za-z0-9_]/g, '_');
}
