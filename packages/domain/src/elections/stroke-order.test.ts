import { describe, expect, it } from 'vitest';
import { hasStrokeCollation, sortByStrokes } from './stroke-order.js';

describe('姓氏笔画 order (ICU zh-u-co-stroke)', () => {
  it('runs on a full-ICU Node', () => {
    expect(hasStrokeCollation()).toBe(true);
  });

  it('sorts by the stroke count of the surname, then the next characters', () => {
    const names = [
      '赵敏',
      '王芳',
      '丁一',
      '李强',
      '刘洋',
      '马超',
      '于红',
      '王小明',
      '孙丽',
      '黄磊',
    ];
    // 丁2 于3 马3 王4(小3) 王4(芳) 孙6 刘6 李7 赵9 黄11
    expect(sortByStrokes(names, (n) => n)).toEqual([
      '丁一',
      '于红',
      '马超',
      '王小明',
      '王芳',
      '刘洋',
      '孙丽',
      '李强',
      '赵敏',
      '黄磊',
    ]);
  });

  it('counts 阝 with three strokes, as ICU does (邓 sorts among five-stroke surnames)', () => {
    // Documented deviation from the mainland GB convention (邓 has 4 strokes there).
    expect(sortByStrokes(['叶', '邓', '王'], (n) => n)).toEqual(['王', '叶', '邓']);
  });
});
