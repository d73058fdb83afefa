// The page for a path the client does not know, worded for a respondent who mistyped a link.

import { PageFrame } from '../page-frame';
import { useLang } from '../use-lang';
import { LinkProblemView } from './link-problem-view';

export default function UnknownPathPage() {
  const [lang, setLang] = useLang();
  return (
    <PageFrame lang={lang} onLangChange={setLang}>
      <LinkProblemView lang={lang} problem="unknown-link" />
    </PageFrame>
  );
}
