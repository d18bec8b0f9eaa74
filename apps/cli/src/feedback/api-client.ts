import { FeedbackExportError } from './feedback-export-error.js';

/** GET requests to a SpineQC API, with errors that say which server and which request. */
export class ApiClient {
  private readonly baseUrl: string;

  /** `baseUrl`: http(s)://host[:port][/prefix]; `token`: an API token (QA manager or admin) sent as Bearer. */
  constructor(
    baseUrl: string,
    private readonly token: string,
  ) {
    this.baseUrl = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  }

  async json<T>(path: string): Promise<T> {
    const response = await this.get(path);
    if (!response.ok) throw await this.refused(path, response);
    return (await response.json()) as T;
  }

  /** The body's bytes; null for 404 (a resource the exam does not have, e.g. masks of an unjudged exam). */
  async bytesOrNull(path: string): Promise<Uint8Array | null> {
    const response = await this.get(path);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await this.refused(path, response);
    return new Uint8Array(await response.arrayBuffer());
  }

  private async get(path: string): Promise<Response> {
    try {
      // Relative to the base, so an API served under a path prefix (behind a proxy) keeps it.
      return await fetch(new URL(path.replace(/^\//, ''), this.baseUrl), {
        headers: { Authorization: `Bearer ${this.token}` },
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new FeedbackExportError(
        'API_UNREACHABLE',
        `cannot reach the SpineQC API at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}); ` +
          'is `spineqc serve` running there?',
        { cause: error },
      );
    }
  }

  private async refused(path: string, response: Response): Promise<FeedbackExportError> {
    const text = await response.text();
    let message = text.slice(0, 300);
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // Not JSON: keep the text.
    }
    return new FeedbackExportError('API_ERROR', `GET ${path} answered ${response.status}: ${message}`);
  }
}
