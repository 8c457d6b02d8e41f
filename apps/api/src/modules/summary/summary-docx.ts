import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { WorkSummaryDraft } from './summary-sections.js';

/**
 * The draft as a Word document in the layout of a 工作总结 as typed today: a centred title, the
 * five numbered sections, paragraphs indented by two characters. A narrative nobody has written
 * yet stands as a bracketed reminder, so the draft shows where words are still missing.
 */

const BODY_FONT = '仿宋_GB2312';
const HEADING_FONT = '黑体';
const TITLE_FONT = '方正小标宋简体';
/** 三号 (16 pt), in half points. */
const BODY_SIZE = 32;

function body(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: BODY_SIZE * 20 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

export function placeholderOf(label: string): string {
  return `【待补充：${label}】`;
}

export async function workSummaryDocx(draft: WorkSummaryDraft): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      spacing: { after: 400 },
      children: [new TextRun({ text: draft.title, font: TITLE_FONT, size: 44 })],
    }),
  ];
  for (const section of draft.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        indent: { firstLine: BODY_SIZE * 20 },
        children: [new TextRun({ text: section.heading, font: HEADING_FONT, size: BODY_SIZE })],
      }),
    );
    for (const p of section.paragraphs) {
      if (p.kind === 'figures') children.push(body(p.text));
      else
        for (const line of (p.text === '' ? placeholderOf(p.label) : p.text).split(/\n+/))
          if (line.trim() !== '') children.push(body(line.trim()));
    }
  }
  const stamp = draft.generatedAt.toISOString().slice(0, 10);
  children.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 400 },
      children: [
        new TextRun({
          text: `（本稿由系统于 ${stamp} 依据填报数据生成，数字以系统记录为准）`,
          font: BODY_FONT,
          size: 24,
        }),
      ],
    }),
  );
  const document = new Document({
    creator: 'huanjie',
    title: draft.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
