// Types of dev-vars.mjs, for the TypeScript test that imports it.
export function mergeDevVars(
  text: string,
  entries: Record<string, string>,
  opts?: { replace?: (key: string, current: string) => boolean; header?: string },
): { text: string; added: string[]; replaced: string[] };
export function isLoopbackUrl(value: string): boolean;
