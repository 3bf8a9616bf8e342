// vitest globalSetup (runs in Node, before any Worker test): starts the provider sandboxes on free
// ports and hands their base URLs to the tests, which run inside workerd and read them with
// inject("sandboxes"). Closed when the run ends.
import { startSandboxes } from "./index.mjs";

export default async function setup({ provide }) {
  const { urls, close } = await startSandboxes({ basePort: 0 });
  provide("sandboxes", urls);
  return close;
}
