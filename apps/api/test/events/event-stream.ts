/** A streaming client of the live events endpoint (server-sent events) for the tests. */

/** One server-sent event as received. */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A real streaming reader of `GET /api/v1/events`, collecting parsed messages. */
export class EventStream {
  readonly messages: SseMessage[] = [];
  retry: number | undefined;
  comments = 0;
  status = 0;
  contentType = '';
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  /** Opens `GET {baseUrl}/api/v1/events` with `token`, resuming after `lastEventId` if given. */
  static async open(baseUrl: string, token: string, lastEventId?: string): Promise<EventStream> {
    const stream = new EventStream();
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${baseUrl}/api/v1/events`, { headers, signal: stream.abort.signal });
    stream.status = response.status;
    stream.contentType = response.headers.get('content-type') ?? '';
    if (response.ok && response.body) stream.done = stream.read(response.body.getReader());
    else await response.body?.cancel();
    return stream;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  }

  private parse(block: string): void {
    const message: SseMessage = { event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) {
        message.data += line.slice(6);
        hasData = true;
      }
    }
    if (hasData) this.messages.push(message);
  }

  /** The data of the events of `type` matching `match`, parsed. */
  events<T = Record<string, unknown>>(type: string, match: (data: T) => boolean = () => true): T[] {
    return this.messages
      .filter((m) => m.event === type)
      .map((m) => JSON.parse(m.data) as T)
      .filter(match);
  }

  /** Waits until an event of `type` matches; resolves with it and how long it took. */
  async next<T = Record<string, unknown>>(
    type: string,
    match: (data: T) => boolean,
    timeoutMs = 2000,
  ): Promise<{ data: T; ms: number }> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const found = this.events<T>(type, match)[0];
      if (found) return { data: found, ms: Date.now() - started };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${type} event within ${timeoutMs} ms; got ${this.messages.map((m) => m.event).join(', ')}`);
  }

  get lastId(): string | undefined {
    return this.messages.findLast((m) => m.id)?.id;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
