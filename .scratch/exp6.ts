import { Model } from 'survey-core';
const m = new Model({ elements: [
  { type: 'checkbox', name: 'S', choices: ['a', 'b'], showOtherItem: true },
  { type: 'radiogroup', name: 'T', choicesFromQuestion: 'S', choicesFromQuestionMode: 'selected', hideIfChoicesEmpty: true, isRequired: true },
]});
m.onValueChanged.add((_, o) => console.log('changed', o.name));
const s = m.getQuestionByName('S'); const t: any = m.getQuestionByName('T');
s.value = ['other']; console.log('T', t.isVisible, t.visibleChoices.map((c: any) => c.value));
s.comment = 'apa'; console.log('T after comment', t.isVisible, t.visibleChoices.map((c: any) => c.value));
t.onVisibleChoicesChanged(); console.log('T after refresh', t.isVisible, t.visibleChoices.map((c: any) => c.value));
