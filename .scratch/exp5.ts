import { Model } from 'survey-core';
const m = new Model({ elements: [
  { type: 'checkbox', name: 'S', choices: ['a', 'b'], showOtherItem: true },
  { type: 'radiogroup', name: 'T', choicesFromQuestion: 'S', choicesFromQuestionMode: 'selected' },
]});
m.setValue('S', ['a', 'other']); m.setComment('S', 'apa');
const t: any = m.getQuestionByName('T');
t.value = 'other';
console.log('isOtherSelected', t.isOtherSelected, 'valid', t.validate(), t.errors.map((e: any) => [e.getErrorType(), e.text]));
console.log('choices', t.visibleChoices.map((c: any) => [c.value, c.text, c.isCommentRequired, c.showCommentArea]));
t.comment = 'x'; console.log(JSON.stringify(m.data), t.validate());
