import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { ukDate } from '../../platform/dates.js';

/**
 * What a learning briefing says: the review by its reference and kind, what was learned,
 * what was recommended to whom, and where it has been shared. It is written for wide
 * circulation, so the model has no place for anything about a child.
 */
export interface LearningBriefingModel {
  reference: string;
  kindOfReview: string;
  learningPoints: string[];
  recommendations: { number: number; text: string; agencies: string[] }[];
  disseminations: { to: string; on: string }[];
  producedOn: string;
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const plain = (text: string) => new Paragraph({ text });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** Paragraphs as typed: a blank line starts a new one. */
const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\r?\n/g, ' ').trim())
    .filter(Boolean);

/** One bullet per point; its further paragraphs sit under the bullet, not as new points. */
function pointParagraphs(point: string) {
  const [first = '', ...rest] = paragraphsOf(point);
  return [bullet(first), ...rest.map((text) => new Paragraph({ text, indent: { left: 720 } }))];
}

function recommendationParagraphs(
  recommendation: LearningBriefingModel['recommendations'][number],
) {
  const [first = '', ...rest] = paragraphsOf(recommendation.text);
  return [
    new Paragraph({
      children: [
        new TextRun({ text: `Recommendation ${recommendation.number}. `, bold: true }),
        new TextRun(first),
      ],
    }),
    ...rest.map(plain),
    plain(
      `Applies to: ${recommendation.agencies.length ? recommendation.agencies.join(', ') : 'no agency recorded'}`,
    ),
  ];
}

/** A short Word document for practitioners and partners: the learning of one review. */
export function learningBriefingDocx(model: LearningBriefingModel): Promise<Buffer> {
  const title = `Learning briefing: ${model.reference}`;
  const { learningPoints, recommendations, disseminations } = model;
  const document = new Document({
    title,
    creator: 'MASA',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          plain(`Review: ${model.kindOfReview}`),
          plain(`Produced on ${ukDate(model.producedOn)}`),
          heading('What we learned'),
          ...(learningPoints.length
            ? learningPoints.flatMap(pointParagraphs)
            : [plain('No learning points have been recorded yet.')]),
          heading('Recommendations'),
          ...(recommendations.length
            ? recommendations.flatMap(recommendationParagraphs)
            : [plain('The review made no recommendations.')]),
          heading('Where this learning has been shared'),
          ...(disseminations.length
            ? disseminations.map((shared) => bullet(`${shared.to}, ${ukDate(shared.on)}`))
            : [plain('Not shared yet.')]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
