// The thank-you page after the server confirmed a submission, with the receipt code.

import type { StudyNotice } from '../api-client';
import type { Lang } from '../lang';
import { respondentMessages } from './messages';
import { receiptCode } from './new-response-id';
import { StudyContact } from './study-notice-view';

export interface CompletionViewProps {
  lang: Lang;
  responseId: string;
  /** Where the study team can be reached, quoting the receipt code. */
  notice: StudyNotice | null;
}

export function CompletionView({ lang, responseId, notice }: CompletionViewProps) {
  const m = respondentMessages[lang];
  const code = receiptCode(responseId);
  return (
    <section className="notice notice-done" aria-live="polite">
      <h1 tabIndex={-1}>{m.doneTitle}</h1>
      <p>{m.doneBody}</p>
      <p>{m.doneAnonymity}</p>
      <p className="receipt">
        {m.receiptLabel}: <strong data-receipt>{code}</strong>
      </p>
      <p className="hint">{m.receiptHelp}</p>
      {notice ? (
        <>
          <p>{m.doneContact(notice.contact.name[lang], code)}</p>
          <StudyContact notice={notice} lang={lang} />
        </>
      ) : null}
      <p>{m.doneClose}</p>
    </section>
  );
}
