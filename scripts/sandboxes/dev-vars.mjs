// Merging entries into .dev.vars (the dotenv file `wrangler dev` reads) without clobbering:
// lines, comments and values already there stay as they are, except values the caller says may
// be replaced (a sandbox URL from an earlier run). Pure (no fs) so a test can run it anywhere.

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(value) {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2] : value;
}

function quote(value) {
  return /^[A-Za-z0-9_@:/.+=,-]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * @param {string} text the current file ("" when absent)
 * @param {Record<string, string>} entries
 * @param {{ replace?: (key: string, current: string) => boolean, header?: string }} [opts]
 * @returns {{ text: string, added: string[], replaced: string[] }}
 */
export function mergeDevVars(text, entries, { replace = () => false, header } = {}) {
  const lines = text === "" ? [] : text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const seen = new Map(); // key -> line index (the last definition wins, as in dotenv)
  lines.forEach((line, i) => {
    const m = LINE.exec(line);
    if (m && !line.trimStart().startsWith("#")) seen.set(m[1], i);
  });
  const added = [];
  const replaced = [];
  const tail = [];
  for (const [key, value] of Object.entries(entries)) {
    if (seen.has(key)) {
      const i = seen.get(key);
      const current = unquote(LINE.exec(lines[i])[2]);
      if (current !== value && replace(key, current)) {
        lines[i] = `${key}=${quote(value)}`;
        replaced.push(key);
      }
    } else {
      tail.push(`${key}=${quote(value)}`);
      added.push(key);
    }
  }
  if (tail.length && header) tail.unshift(header);
  const out = [...lines, ...(lines.length && tail.length ? [""] : []), ...tail];
  return { text: out.length ? out.join("\n") + "\n" : "", added, replaced };
}

/** True for a URL on this machine (what an earlier `npm start` wrote for a sandbox). */
export function isLoopbackUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}
