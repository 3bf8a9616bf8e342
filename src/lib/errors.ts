/** An error that maps to an HTTP status and a friendly page in `app.onError`. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405 | 409 | 413 | 429 | 500 | 503,
    readonly code: string = "error",
    readonly detail?: Record<string, string | number>,
  ) {
    super(`${status} ${code}`);
    this.name = "HttpError";
  }
}

export const notFound = (): HttpError => new HttpError(404, "notFound");
