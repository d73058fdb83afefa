// Says that this browser already sent a response to the link, and lets the next person start a new one.

import type { Lang } from '../lang';
import { respondentMessages } from './messages';

export interface SentBeforeViewProps {
  lang: Lang;
  onStartNew: () => void;
}

export function SentBeforeView({ lang, onStartNew }: SentBeforeViewProps) {
  const m = respondentMessages[lang];
  return (
    <section className="notice notice-done" aria-labelledby="sent-before-title" data-sent-before>
      <h1 id="sent-before-title" tabIndex={-1}>
        {m.sentBeforeTitle}
      </h1>
      <p>{m.sentBeforeBody}</p>
      <button type="button" className="button" onClick={onStartNew}>
        {m.sentBeforeFresh}
      </button>
    </section>
  );
}
