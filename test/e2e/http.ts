/**
 * A small HTTP client for load and soak tests. It connects to 127.0.0.1 and sends the Host
 * header itself (Node's resolver does not map *.localhost, and fetch will not send a Host), keeps
 * a cookie jar per host like a browser, and posts forms from the page's own origin.
 */
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResult {
  status: number;
  location: string | null;
  body: string;
}

export class HttpClient {
  private jar = new Map<string, Map<string, string>>();

  constructor(
    private port: number,
    private ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ) {}

  cookie(host: string, name: string, value: string): void {
    this.cookies(host).set(name, value);
  }

  private cookies(host: string): Map<string, string> {
    let m = this.jar.get(host);
    if (!m) this.jar.set(host, (m = new Map()));
    return m;
  }

  request(method: "GET" | "POST", host: string, path: string, form?: Record<string, string>): Promise<HttpResult> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const jar = this.cookies(host);
    const headers: Record<string, string> = { host: `${host}:${this.port}`, "cf-connecting-ip": this.ip };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(body));
      headers.origin = `http://${host}:${this.port}`;
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: this.port, method, path, headers, agent, timeout: 30_000 }, (res) => {
        for (const sc of res.headers["set-cookie"] ?? []) {
          const [pair] = sc.split(";");
          const eq = pair!.indexOf("=");
          const name = pair!.slice(0, eq).trim();
          const value = pair!.slice(eq + 1).trim();
          if (!value || /max-age=0/i.test(sc)) jar.delete(name);
          else jar.set(name, value);
        }
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string) ?? null, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  get(host: string, path: string): Promise<HttpResult> {
    return this.request("GET", host, path);
  }

  post(host: string, path: string, form: Record<string, string>): Promise<HttpResult> {
    return this.request("POST", host, path, form);
  }
}
