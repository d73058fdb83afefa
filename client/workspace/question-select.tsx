// The question picker of the results pages: one option per question, its code and label cut to fit a phone.

export interface QuestionChoice {
  name: string;
  label: string;
}

/** `label` longer than `maxLabel` characters ends in an ellipsis (the select stays phone-wide). */
export function QuestionSelect({
  caption,
  questions,
  value,
  onChange,
  maxLabel,
}: {
  caption: string;
  questions: readonly QuestionChoice[];
  value: string | undefined;
  onChange: (name: string) => void;
  maxLabel: number;
}) {
  return (
    <label>
      {caption}
      <select name="question" value={value} onChange={(e) => onChange(e.target.value)}>
        {questions.map((q) => (
          <option key={q.name} value={q.name}>
            {q.name} — {q.label.length > maxLabel ? `${q.label.slice(0, maxLabel - 1)}…` : q.label}
          </option>
        ))}
      </select>
    </label>
  );
}
