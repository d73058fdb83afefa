// A wait between send attempts that ends early when the connection returns or the respondent asks.

export interface RetryWaker {
  /** Resolves after `ms`, or sooner on `wakeNow()` or the browser's `online` event. */
  wait(ms: number): Promise<void>;
  wakeNow(): void;
}

/**
 * @example
 * const waker = createRetryWaker(window);
 * sendWithRetry(send, { wait: waker.wait });
 * retryButton.onclick = waker.wakeNow;
 */
export function createRetryWaker(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
): RetryWaker {
  let wake: (() => void) | undefined;
  return {
    wait(ms) {
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          target.removeEventListener('online', done);
          wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        target.addEventListener('online', done);
        wake = done;
      });
    },
    wakeNow() {
      wake?.();
    },
  };
}
