// The SurveyJS properties the validator understands, per element kind; anything else stops compilation.

// Properties that only change how a question looks, or whose meaning the validator implements.
const questionCommon = [
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'requiredIf',
  'visibleIf',
  'visible',
  'requiredErrorText',
  'startWithNewLine',
  'width',
  'minWidth',
  'maxWidth',
  'titleLocation',
  'descriptionLocation',
  'hideNumber',
  'indent',
  'errorLocation',
];

const choiceCommon = [
  ...questionCommon,
  'choices',
  'choicesOrder',
  'colCount',
  'showOtherItem',
  'otherText',
  'otherPlaceholder',
  'otherErrorText',
  'showNoneItem',
  'noneText',
  'showRefuseItem',
  'refuseText',
  'showDontKnowItem',
  'dontKnowText',
  'separateSpecialChoices',
  'choicesFromQuestion',
  'choicesFromQuestionMode',
  'hideIfChoicesEmpty',
];

/** Supported properties by element kind (`survey`, `page`, `panel`, a question type, or an item list). */
export const supportedProperties: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    survey: new Set([
      'title',
      'description',
      'pages',
      'elements',
      'locale',
      'logo',
      'logoPosition',
      'showTitle',
      'showProgressBar',
      'progressBarType',
      'showQuestionNumbers',
      'questionTitleLocation',
      'questionErrorLocation',
      'completedHtml',
      'showCompletedPage',
      'completeText',
      'pageNextText',
      'pagePrevText',
      'showPrevButton',
      'widthMode',
      'width',
    ]),
    page: new Set([
      'name',
      'title',
      'description',
      'elements',
      'visibleIf',
      'visible',
      'navigationTitle',
      'navigationDescription',
    ]),
    panel: new Set([
      'type',
      'name',
      'title',
      'description',
      'elements',
      'visibleIf',
      'visible',
      'state',
      'startWithNewLine',
      'width',
      'innerIndent',
      'questionTitleLocation',
      'showQuestionNumbers',
    ]),
    html: new Set(['type', 'name', 'html', 'visibleIf', 'visible', 'startWithNewLine', 'width']),
    radiogroup: new Set(choiceCommon),
    dropdown: new Set([...choiceCommon, 'placeholder', 'allowClear', 'searchEnabled']),
    checkbox: new Set([...choiceCommon, 'maxSelectedChoices', 'minSelectedChoices']),
    tagbox: new Set([
      ...choiceCommon,
      'maxSelectedChoices',
      'minSelectedChoices',
      'placeholder',
      'allowClear',
      'searchEnabled',
    ]),
    rating: new Set([
      ...questionCommon,
      'rateValues',
      'rateMin',
      'rateMax',
      'rateStep',
      'rateCount',
      'autoGenerate',
      'rateType',
      'displayMode',
      'minRateDescription',
      'maxRateDescription',
      'displayRateDescriptionsAsExtremeItems',
      'rateColorMode',
      'scaleColorMode',
    ]),
    matrix: new Set([
      ...questionCommon,
      'columns',
      'rows',
      'rowsOrder',
      'rowsVisibleIf',
      'hideIfRowsEmpty',
      'eachRowRequired',
      'isAllRowRequired',
      'columnMinWidth',
      'rowTitleWidth',
      'alternateRows',
      'showHeader',
      'verticalAlign',
      'displayMode',
    ]),
    comment: new Set([
      ...questionCommon,
      'maxLength',
      'rows',
      'autoGrow',
      'allowResize',
      'placeholder',
    ]),
    text: new Set([...questionCommon, 'maxLength', 'placeholder', 'inputType', 'size']),
    boolean: new Set([...questionCommon, 'labelTrue', 'labelFalse', 'renderAs', 'swapOrder']),
    choiceItem: new Set(['value', 'text', 'isExclusive']),
    item: new Set(['value', 'text']),
  }),
);

/**
 * Throws when `node` uses a property outside `kind`'s supported set: a property with answer
 * semantics the validator does not implement (`enableIf`, `choicesVisibleIf`, `validators`,
 * `defaultValue`, …) would otherwise let submissions through that SurveyJS would treat differently.
 *
 * @example
 * assertSupportedProperties({ type: 'text', name: 'q', validators: [] }, 'text', 'q') // throws
 */
export function assertSupportedProperties(
  node: Record<string, unknown>,
  kind: string,
  where: string,
): void {
  const allowed = supportedProperties.get(kind);
  if (!allowed)
    throw new Error(`${where}: element type "${kind}" is not supported by the validator`);
  for (const property of Object.keys(node)) {
    if (!allowed.has(property)) {
      throw new Error(
        `${where}: property "${property}" of a ${kind} is not supported by the validator`,
      );
    }
  }
}
