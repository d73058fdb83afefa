// What the respondent sees while answers are on their way, including retries on a bad connection.

import type { Lang } from '../lang';
import { respondentMessages } from './messages';

export interface SendingViewProps {
  lang: Lang;
  /** Set once an attempt has failed: which attempt comes next. */
  retryAttempt?: number;
  onRetryNow: () => void;
}

export function SendingView({ lang, retryAttempt, onRetryNow }: SendingViewProps) {
  const m = respondentMessages[lang];
  if (retryAttempt === undefined) {
    return (
      <section className="notice notice-sending" aria-live="polite" aria-busy="true">
        <div className="spinner" aria-hidden="true" />
        <h1>{m.sendingTitle}</h1>
        <p>{m.sendingBody}</p>
      </section>
    );
  }
  return (
    <section className="notice notice-retrying" aria-live="polite" aria-busy="true">
      <h1>{m.retryingTitle}</h1>
      <p>{m.retryingBody(retryAttempt)}</p>
      <p className="hint">{m.retryingLater}</p>
      <button type="button" className="button" onClick={onRetryNow}>
        {m.retryNow}
      </button>
    </section>
  );
}
