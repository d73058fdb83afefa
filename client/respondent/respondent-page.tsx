// The respondent page for /s/:study/:agency, /s/:study/l/:code and /s/:study/t/:token: notice and consent, answer, review, send, thank.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SurveyModel } from 'survey-core';
import type { Agency, QuestionnaireJson, ResponseSubmission, StudyDetail } from '../api-client';
import { api } from '../api-client';
import { browserStorage, type Lang } from '../lang';
import { frameMessages } from '../messages';
import { keepForOffline } from '../offline/keep-for-offline';
import { PageFrame } from '../page-frame';
import type { RespondentLink } from '../routes';
import { useLang } from '../use-lang';
import { AnswerProblems } from './answer-problems';
import { CompletionView } from './completion-view';
import { createDraftStore, type Draft } from './draft-store';
import { submissionFor } from './link-access';
import { takeLinkData } from './link-data';
import { LinkProblemView } from './link-problem-view';
import { linkProblemOf, loadProblemOf } from './link-problem-of';
import { linkRefusal } from './link-refusal';
import { respondentMessages, type LinkProblem } from './messages';
import { newResponseId } from './new-response-id';
import { problemText } from './problem-text';
import { focusCurrentPage } from './focus-page';
import { loadSurveyRuntime } from './load-survey-runtime';
import { ResumePromptView } from './resume-prompt-view';
import { createRetryWaker } from './retry-waker';
import { sendWithRetry } from './send-with-retry';
import { SendingView } from './sending-view';
import { SentBeforeView } from './sent-before-view';
import { createSentMarker } from './sent-marker';
import { applyServerProblems, type AnswerProblem } from './server-problems';
import { StudyNoticeView } from './study-notice-view';
import type { SurveyRuntime } from './survey-runtime';

type Phase =
  | { kind: 'loading' }
  | { kind: 'problem'; problem: LinkProblem }
  /** This browser already sent a response to the (agency) link. */
  | { kind: 'sent-before' }
  /** Earlier, unsent answers are on the device: continue them or discard them unseen. */
  | { kind: 'resume-prompt' }
  /** Who runs the study, how answers are protected, consent to start. */
  | { kind: 'notice' }
  | { kind: 'answering'; problems: readonly AnswerProblem[] }
  | { kind: 'sending'; retryAttempt?: number }
  | { kind: 'done'; responseId: string };

/** Phases that show one notice with a heading that takes focus when it appears. */
const noticePhases = new Set<Phase['kind']>([
  'problem',
  'sent-before',
  'resume-prompt',
  'notice',
  'done',
]);

export interface RespondentPageProps {
  link: RespondentLink;
}

export default function RespondentPage({ link }: RespondentPageProps) {
  const [lang, setLang] = useLang();
  const m = respondentMessages[lang];
  const drafts = useMemo(() => createDraftStore(browserStorage(), link), [link]);
  const sentMarker = useMemo(() => createSentMarker(browserStorage(), link), [link]);
  const waker = useMemo(() => createRetryWaker(window), []);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [agency, setAgency] = useState<Agency>();
  const [study, setStudy] = useState<StudyDetail>();
  const [model, setModel] = useState<SurveyModel>();
  // The survey renderer, once its chunk has arrived (requested as soon as this page mounts).
  const [runtime, setRuntime] = useState<SurveyRuntime>();
  const [loadAttempt, setLoadAttempt] = useState(0);
  // SurveyJS's review of the answers before the irreversible Complete is on screen.
  const [reviewing, setReviewing] = useState(false);
  const questionnaire = useRef<QuestionnaireJson>(undefined);
  // Chosen once per response (or taken from the draft) and reused by every send attempt.
  const responseId = useRef('');
  // Read when the model is created, without making the load effect depend on the language.
  const langRef = useRef(lang);
  langRef.current = lang;
  // Aborted when the page unmounts, ending any retry loop still waiting.
  const alive = useRef<AbortController>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    return () => controller.abort();
  }, []);

  const send = useCallback(
    async (survey: SurveyModel, idRenewed = false): Promise<void> => {
      const answers = survey.data as Record<string, unknown>;
      const id = responseId.current;
      const lastPage = Math.max(0, survey.visiblePages.length - 1);
      drafts.save({ responseId: id, answers, pageNo: lastPage, submitting: true });
      setPhase({ kind: 'sending' });
      const submission: ResponseSubmission = submissionFor(link, id, answers);
      let result;
      try {
        result = await sendWithRetry(() => api.submitResponse(link.study, submission), {
          wait: waker.wait,
          signal: alive.current?.signal,
          onRetry: ({ attempt }) => setPhase({ kind: 'sending', retryAttempt: attempt + 1 }),
        });
      } catch {
        return; // The page was left; the draft still says "submitting", so the next visit resumes.
      }
      if (!result.ok && result.error.code === 'RESPONSE_ID_CONFLICT' && !idRenewed) {
        // Another study already holds this id (a practically impossible clash): take a new one.
        responseId.current = newResponseId();
        return send(survey, true);
      }
      if (result.ok) {
        drafts.clear();
        sentMarker.set();
        setPhase({ kind: 'done', responseId: id });
        return;
      }
      if (result.status === 422) {
        const problems = result.error.details ?? [];
        if (survey.state === 'completed') survey.clear(false, false);
        // Back to the questions with the server's objections, not to the review.
        setReviewing(false);
        drafts.save({ responseId: id, answers, pageNo: survey.currentPageNo, submitting: false });
        applyServerProblems(survey, problems, (text) => problemText(text, langRef.current));
        setPhase({ kind: 'answering', problems });
        // The summary of what to correct sits above the questionnaire.
        window.scrollTo({ top: 0 });
        return;
      }
      const problem = linkProblemOf(result.status, result.error);
      // Answers for a closed study, a used invitation or an unknown link can never be sent.
      if (problem !== 'send-refused') drafts.clear();
      setPhase({ kind: 'problem', problem });
    },
    [drafts, sentMarker, link, waker],
  );

  /** Builds the questionnaire's model, with the draft's answers or empty, once the renderer is here. */
  const startAnswering = useCallback(
    async (draft: Draft | undefined): Promise<SurveyModel | undefined> => {
      const json = questionnaire.current;
      if (!json) return undefined;
      const loaded = await loadSurveyRuntime();
      responseId.current = draft?.responseId ?? newResponseId();
      const survey = loaded.createSurveyModel(json, langRef.current, draft);
      loaded.applyRespondentSettings(survey);
      setRuntime(() => loaded);
      setModel(survey);
      return survey;
    },
    [],
  );

  useEffect(() => {
    // The largest download of the page travels while the notice is read; a failure shows
    // when the questionnaire is opened.
    loadSurveyRuntime().catch(() => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    setPhase({ kind: 'loading' });
    const load = async (): Promise<Phase> => {
      const draft = drafts.load();
      // Started by the entry script while this code was still downloading (link-data.ts);
      // the questionnaire is awaited only for a usable link, so a refused link is explained
      // without waiting for it.
      const data = takeLinkData(link);
      const agencyLoad = data.agency.then((r) => {
        // Shown as soon as it is known, while the questionnaire is still on its way.
        if (!cancelled && r.ok) setAgency(r.value);
        return r;
      });
      const [studyResult, agencyResult] = await Promise.all([data.study, agencyLoad]);
      const refusal = linkRefusal(link, studyResult, agencyResult, draft?.submitting === true);
      if (refusal) {
        // Answers for a spent invitation can never be sent; keeping them would only mislead.
        if (refusal === 'token-used') drafts.clear();
        return { kind: 'problem', problem: refusal };
      }
      const json = await data.questionnaire;
      if (!json.ok) return { kind: 'problem', problem: loadProblemOf(json.status, json.error) };
      if (cancelled || !studyResult.ok) return { kind: 'loading' };
      questionnaire.current = json.value;
      setStudy(studyResult.value);
      // Everything this link needs is loaded: keep it for the next visit, online or not.
      keepForOffline();
      if (draft?.submitting) {
        const survey = await startAnswering(draft);
        if (cancelled) return { kind: 'loading' };
        if (survey) void send(survey);
        return { kind: 'sending' };
      }
      if (draft) return { kind: 'resume-prompt' };
      if (sentMarker.isSet()) return { kind: 'sent-before' };
      return { kind: 'notice' };
    };
    load()
      .catch((): Phase => ({ kind: 'problem', problem: 'load-failed' }))
      .then((next) => {
        if (!cancelled) setPhase((current) => (current.kind === 'loading' ? next : current));
      });
    return () => {
      cancelled = true;
    };
  }, [link, drafts, sentMarker, send, startAnswering, loadAttempt]);

  useEffect(() => {
    if (!model) return;
    const save = (): void => {
      // Completion clears hidden answers and the review changes nothing; `send` saves itself.
      if (model.state !== 'running') return;
      drafts.save({
        responseId: responseId.current,
        answers: model.data as Record<string, unknown>,
        pageNo: model.currentPageNo,
        submitting: false,
      });
    };
    const complete = (): void => void send(model);
    const toReview = (): void => setReviewing(true);
    // "Ubah/Edit" in the review opens that page again: the review is over.
    const pageTurned = (): void => setReviewing(model.state === 'preview');
    model.onValueChanged.add(save);
    model.onCurrentPageChanged.add(save);
    model.onCurrentPageChanged.add(pageTurned);
    model.onShowingPreview.add(toReview);
    model.onComplete.add(complete);
    return () => {
      model.onValueChanged.remove(save);
      model.onCurrentPageChanged.remove(save);
      model.onCurrentPageChanged.remove(pageTurned);
      model.onShowingPreview.remove(toReview);
      model.onComplete.remove(complete);
    };
  }, [model, drafts, send]);

  useEffect(() => {
    if (model) model.locale = lang;
    document.title = frameTitle(lang, phase);
  }, [model, lang, phase]);

  // A new notice or page replaces the one the reader was on: move focus to its heading.
  useEffect(() => {
    if (noticePhases.has(phase.kind)) {
      document.querySelector<HTMLElement>('.page-main h1')?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    } else if (phase.kind === 'answering' && phase.problems.length === 0) {
      focusCurrentPage();
    }
  }, [phase]);

  const retry = (): void => {
    if (phase.kind === 'problem' && phase.problem === 'send-refused' && model) void send(model);
    else setLoadAttempt((n) => n + 1);
  };

  /** Opens the questionnaire; until the renderer has arrived, says that it is loading. */
  const openQuestionnaire = (draft: Draft | undefined): void => {
    setPhase({ kind: 'loading' });
    startAnswering(draft)
      .then((survey) => setPhase(survey ? { kind: 'answering', problems: [] } : { kind: 'notice' }))
      .catch(() => setPhase({ kind: 'problem', problem: 'load-failed' }));
  };
  const continueDraft = (): void => openQuestionnaire(drafts.load());
  const discardDraft = (): void => {
    drafts.clear();
    setPhase({ kind: 'notice' });
  };
  const startNewResponse = (): void => {
    sentMarker.clear();
    setPhase({ kind: 'notice' });
  };
  const consent = (): void => openQuestionnaire(undefined);

  return (
    <PageFrame
      lang={lang}
      onLangChange={setLang}
      context={agency ? <span data-agency={agency.code}>{m.agencyLine(agency.name)}</span> : null}
    >
      {phase.kind === 'loading' ? (
        <p className="page-loading" aria-busy="true">
          {m.loading}
        </p>
      ) : null}
      {phase.kind === 'problem' ? (
        <LinkProblemView
          lang={lang}
          problem={phase.problem}
          onRetry={
            phase.problem === 'load-failed' || phase.problem === 'send-refused' ? retry : undefined
          }
        />
      ) : null}
      {phase.kind === 'sent-before' ? (
        <SentBeforeView lang={lang} onStartNew={startNewResponse} />
      ) : null}
      {phase.kind === 'resume-prompt' ? (
        <ResumePromptView lang={lang} onContinue={continueDraft} onStartAfresh={discardDraft} />
      ) : null}
      {phase.kind === 'notice' ? (
        <StudyNoticeView
          lang={lang}
          notice={study?.notice ?? null}
          usesTokens={link.kind === 'token'}
          onConsent={consent}
        />
      ) : null}
      {phase.kind === 'sending' ? (
        <SendingView lang={lang} retryAttempt={phase.retryAttempt} onRetryNow={waker.wakeNow} />
      ) : null}
      {phase.kind === 'done' ? (
        <CompletionView lang={lang} responseId={phase.responseId} notice={study?.notice ?? null} />
      ) : null}
      {phase.kind === 'answering' && phase.problems.length > 0 && model ? (
        <AnswerProblems lang={lang} model={model} problems={phase.problems} />
      ) : null}
      {phase.kind === 'answering' && reviewing ? (
        <section className="notice notice-review" aria-labelledby="review-title" data-review>
          <h1 id="review-title">{m.reviewTitle}</h1>
          <p>{m.reviewBody}</p>
        </section>
      ) : null}
      {phase.kind === 'answering' && !reviewing && study ? (
        // The page's one h1 while answering; SurveyJS's own titles are h2 and below.
        <h1 className="visually-hidden">{studyTitle(study, lang)}</h1>
      ) : null}
      {runtime && model && (phase.kind === 'answering' || phase.kind === 'sending') ? (
        <>
          <runtime.SurveyView model={model} hidden={phase.kind === 'sending'} />
          {phase.kind === 'answering' ? (
            <footer className="respondent-notes">
              <p>{m.anonymityNote}</p>
              <p>{m.autosaveNote}</p>
            </footer>
          ) : null}
        </>
      ) : null}
    </PageFrame>
  );
}

function studyTitle(study: StudyDetail, lang: Lang): string {
  return typeof study.title === 'string' ? study.title : study.title[lang];
}

function frameTitle(lang: Lang, phase: Phase): string {
  const m = respondentMessages[lang];
  if (phase.kind === 'problem') return m.problems[phase.problem].title;
  if (phase.kind === 'done') return m.doneTitle;
  if (phase.kind === 'notice') return m.noticeTitle;
  if (phase.kind === 'resume-prompt') return m.resumeTitle;
  if (phase.kind === 'sent-before') return m.sentBeforeTitle;
  return frameMessages[lang].projectName;
}
