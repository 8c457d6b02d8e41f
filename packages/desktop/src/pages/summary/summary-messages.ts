import { defineMessages } from '@huanjie/ui';

/** Messages of the 工作总结 draft page. */
export const summaryMessages = defineMessages(
  {
    'desktop.summary.title': '工作总结（草稿）',
    'desktop.summary.region': '总结范围',
    'desktop.summary.campaign': '换届工作：{name}',
    'desktop.summary.noCampaign': '本县尚无进行中的换届工作',
    'desktop.summary.intro':
      '灰底段落中的数字由系统根据填报记录计算，每个百分比都注明了人数和分母，不能修改；白底段落由本级填写，保存后写入 Word 文稿。',
    'desktop.summary.figures': '数据生成',
    'desktop.summary.placeholder': '请填写{label}（可留空，生成时显示为“待补充”）',
    'desktop.summary.save': '保存文字',
    'desktop.summary.saved': '已保存',
    'desktop.summary.saveFailed': '保存失败：{reason}',
    'desktop.summary.generate': '生成 Word 文稿',
    'desktop.summary.unsaved': '有未保存的修改，请先保存再生成',
    'desktop.summary.readOnly':
      '您可以生成本级的工作总结文稿；文字段落由乡镇（街道）或县换届办填写。',
  },
  {
    'desktop.summary.title': 'Work summary (draft)',
    'desktop.summary.region': 'Region',
    'desktop.summary.campaign': 'Campaign: {name}',
    'desktop.summary.noCampaign': 'The county has no running campaign',
    'desktop.summary.intro':
      'The figures on grey are computed from the records, every percentage with its count and denominator, and cannot be edited; the paragraphs on white are yours and go into the Word document once saved.',
    'desktop.summary.figures': 'From the data',
    'desktop.summary.placeholder':
      'Write the {label} (may stay empty: the document then marks it as missing)',
    'desktop.summary.save': 'Save the text',
    'desktop.summary.saved': 'Saved',
    'desktop.summary.saveFailed': 'Not saved: {reason}',
    'desktop.summary.generate': 'Generate the Word document',
    'desktop.summary.unsaved': 'There are unsaved changes: save them before generating',
    'desktop.summary.readOnly':
      'You can generate this level’s work summary; its paragraphs are written by the township or the county office.',
  },
);
