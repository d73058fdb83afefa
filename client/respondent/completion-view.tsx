// The thank-you page after the server confirmed a submission, with the receipt code.

import type { Lang } from '../lang';
import { respondentMessages } from './messages';
import { receiptCode } from './new-response-id';

export interface CompletionViewProps {
  lang: Lang;
  responseId: string;
}

export function CompletionView({ lang, responseId }: CompletionViewProps) {
  const m = respondentMessages[lang];
  return (
    <section className="notice notice-done" aria-live="polite">
      <h1>{m.doneTitle}</h1>
      <p>{m.doneBody}</p>
      <p>{m.doneAnonymity}</p>
      <p className="receipt">
        {m.receiptLabel}: <strong data-receipt>{receiptCode(responseId)}</strong>
      </p>
      <p className="hint">{m.receiptHelp}</p>
      <p>{m.doneClose}</p>
    </section>
  );
}
