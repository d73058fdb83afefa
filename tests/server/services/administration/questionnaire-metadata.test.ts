// Tests the metadata file's schema and its cross-checks against the SurveyJS JSON it goes with.
import { describe, expect, it } from 'vitest';
import {
  metadataProblems,
  questionnaireMetadataSchema,
} from '../../../../server/services/administration/questionnaire-metadata.ts';
import { netralitasAsnV2 } from '../../../../surveys/netralitas-asn-v2.ts';

const { json: _json, ...builtInMetadata } = netralitasAsnV2;

/** The built-in metadata with its first reference figure's source address replaced. */
function withSourceUrl(url: string): unknown {
  const [first, ...rest] = builtInMetadata.referenceFigures;
  return {
    ...builtInMetadata,
    referenceFigures: [{ ...first!, source: { ...first!.source, url } }, ...rest],
  };
}

describe('questionnaireMetadataSchema', () => {
  it('takes the built-in metadata as a study team would upload it, sources without an address too', () => {
    expect(builtInMetadata.referenceFigures.some((f) => f.source.url === '')).toBe(true);
    expect(questionnaireMetadataSchema.safeParse(builtInMetadata).success).toBe(true);
  });

  it.each(['', 'https://kasn.go.id/survei', 'http://bawaslu.go.id/'])(
    'takes the source address %j',
    (url) => {
      expect(questionnaireMetadataSchema.safeParse(withSourceUrl(url)).success).toBe(true);
    },
  );

  it.each(['kasn.go.id', 'javascript:alert(1)', 'ftp://kasn.go.id/', ' '])(
    'refuses the source address %j, naming the field',
    (url) => {
      const parsed = questionnaireMetadataSchema.safeParse(withSourceUrl(url));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['referenceFigures', 0, 'source', 'url']);
    },
  );
});

describe('metadataProblems', () => {
  it('names a reference figure option the question does not have, with where', () => {
    const [first, ...rest] = builtInMetadata.referenceFigures;
    const problems = metadataProblems({
      ...netralitasAsnV2,
      referenceFigures: [{ ...first!, options: ['tidak-ada'] }, ...rest],
    });
    expect(problems).toContainEqual({
      field: 'metadata.referenceFigures.0.options',
      problem: `"tidak-ada" is not an option of ${first!.variable}`,
    });
  });
});
