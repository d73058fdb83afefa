// The page before the first question: who runs the study and why, how answers are protected, the legal basis, and consent.

import type { StudyNotice } from '../api-client';
import type { Lang } from '../lang';
import { respondentMessages } from './messages';

export interface StudyNoticeViewProps {
  lang: Lang;
  /** The study team's notice; without one, only what the platform itself guarantees is said. */
  notice: StudyNotice | null;
  /** Invitation links add that the invitation is not linked to the answers. */
  usesTokens: boolean;
  onConsent: () => void;
}

export function StudyNoticeView({ lang, notice, usesTokens, onConsent }: StudyNoticeViewProps) {
  const m = respondentMessages[lang];
  return (
    <section className="notice notice-study" aria-labelledby="notice-title" data-notice>
      <h1 id="notice-title" tabIndex={-1}>
        {m.noticeTitle}
      </h1>
      {notice ? (
        <>
          <h2>{m.noticeOrganizer}</h2>
          <p>{notice.organizer[lang]}</p>
          <h2>{m.noticePurpose}</h2>
          <p>{notice.purpose[lang]}</p>
          <p>
            <strong>{m.noticeTime(notice.estimatedMinutes)}</strong>
          </p>
        </>
      ) : null}
      <h2>{m.noticeProtectionTitle}</h2>
      <ul>
        <li>{m.noticeRecorded}</li>
        <li>{m.noticeNotRecorded}</li>
        {usesTokens ? <li>{m.noticeTokenUnlinked}</li> : null}
        <li>{notice ? m.noticeAggregates(notice.minimumGroupSize) : m.noticeAggregatesNoK}</li>
        <li>{m.noticeDevice}</li>
      </ul>
      {notice ? (
        <>
          <h2>{m.noticeLegalBasis}</h2>
          <p>{notice.legalBasis[lang]}</p>
          <h2>{m.noticeRetention}</h2>
          <p>{notice.retention[lang]}</p>
          <h2>{m.noticeContact}</h2>
          <StudyContact notice={notice} lang={lang} />
        </>
      ) : null}
      <p className="consent-text">{m.noticeConsent}</p>
      <button type="button" className="button" onClick={onConsent} data-consent>
        {m.noticeStart}
      </button>
    </section>
  );
}

/** The study team's name, e-mail and phone, as links a phone can act on. */
export function StudyContact({ notice, lang }: { notice: StudyNotice; lang: Lang }) {
  const { name, email, phone } = notice.contact;
  return (
    <p className="study-contact">
      {name[lang]}
      <br />
      <a href={`mailto:${email}`}>{email}</a>
      {phone ? (
        <>
          <br />
          <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
        </>
      ) : null}
    </p>
  );
}
