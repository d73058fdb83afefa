// The downloads' text stream: chunks in order, backpressure, and a turn of the event loop for every chunk, so a long export never starves the server.
import { describe, expect, it } from 'vitest';
import { textStream } from '../../../../server/services/exports/csv-text.ts';

/** Chunks that each take 2 ms of synchronous work and never wait on I/O, as better-sqlite3's reads. */
async function* immediateChunks(count: number): AsyncGenerator<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + 2;
    while (performance.now() < until);
    yield `${i}\n`;
  }
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let text = '';
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
  }
  return text + decoder.decode();
}

describe('textStream', () => {
  it('gives the event loop a turn between chunks: timers run while a synchronous source streams', async () => {
    let timerRuns = 0;
    const timer = setInterval(() => timerRuns++, 0);
    try {
      const text = await readAll(textStream(immediateChunks(50)));
      expect(text.split('\n')).toHaveLength(51);
      // Without a turn per chunk the whole stream is one chain of promise callbacks, and the
      // interval never fires before it ends.
      expect(timerRuns).toBeGreaterThan(10);
    } finally {
      clearInterval(timer);
    }
  });

  it('produces nothing ahead of the reader, and stops the source when the reader cancels', async () => {
    let produced = 0;
    let finished = false;
    async function* counted(): AsyncGenerator<string> {
      try {
        for (;;) {
          produced++;
          yield 'x';
        }
      } finally {
        finished = true;
      }
    }
    const reader = textStream(counted()).getReader();
    await reader.read();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The two chunks read and at most the stream's one-chunk queue ahead.
    expect(produced).toBeLessThanOrEqual(3);
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
