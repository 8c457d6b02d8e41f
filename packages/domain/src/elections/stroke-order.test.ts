import { describe, expect, it } from 'vitest';
import {
  compareByStrokes,
  hasStrokeCollation,
  sortByStrokes,
  strokeCount,
  strokeForms,
} from './stroke-order.js';

const sorted = (names: string[]) => sortByStrokes(names, (n) => n);
const shuffled = (names: string[]) => [...names].reverse();

describe('姓氏笔画 order, as the mainland counts strokes', () => {
  it('runs on a full-ICU Node (ICU breaks ties between characters written alike)', () => {
    expect(hasStrokeCollation()).toBe(true);
  });

  it('counts 阝 with two strokes and 艹 with three, as the 通用规范汉字表 does', () => {
    expect(strokeCount('邓')).toBe(4);
    expect(strokeCount('叶')).toBe(5);
    expect(strokeCount('陈')).toBe(7);
    expect(strokeCount('范')).toBe(8);
    expect(strokeCount('郑')).toBe(8);
    // 横 竖 撇 点 折 = 1 2 3 4 5; 提 counts as 横, 竖钩 as 竖, 捺 as 点
    expect(strokeForms('丁')).toBe('12');
    expect(strokeForms('李')).toBe('1234521');
    expect(strokeForms('刘')).toBe('413422');
    expect(strokeCount('A')).toBeNull();
  });

  it('puts 邓 (4 strokes) before 叶 (5)', () => {
    // ICU's zh-u-co-stroke puts 邓 after 叶 (阝 counted as three strokes)
    expect(sorted(['叶', '邓', '王'])).toEqual(['王', '邓', '叶']);
    expect(sorted(['叶', '邓', '王', '刘', '丁'])).toEqual(['丁', '王', '邓', '叶', '刘']);
  });

  it('orders surnames of equal count by their first stroke, 横 竖 撇 点 折', () => {
    // The surnames of the 2012 Guangdong list of 十八大 delegates from the provincial leadership,
    // published 按姓氏笔画排序: 万庆良、王荣、朱小丹、朱明国、李嘉、李玉妹、肖志恒、汪洋、张广宁、林雄、徐少华、
    // 黄华华、黄先耀、梁伟发 — seven strokes each for 李 (横) 肖 (竖) 汪 (点) 张 (折); 黄 (横) before 梁 (点)
    const published = ['万', '王', '朱', '李', '肖', '汪', '张', '林', '徐', '黄', '梁'];
    expect(sorted(shuffled(published))).toEqual(published);
  });

  it('orders a formal candidate list by surname, then the given name, a shorter name first', () => {
    // 丁2 于3(横) 马3(折) 王 王小(3) 王芳(7) 邓4(折) 叶5 刘6(点) 孙6(折) 李7(横) 陈7(折) 范8 赵9 黄11
    const list = [
      '丁一',
      '于红',
      '马超',
      '王',
      '王小明',
      '王芳',
      '邓建国',
      '叶青',
      '刘洋',
      '孙丽',
      '李强',
      '陈静',
      '范文',
      '赵敏',
      '黄磊',
    ];
    expect(sorted(shuffled(list))).toEqual(list);
  });

  it('is a total order: names the tables do not hold sort among the others, ties stay equal', () => {
    expect(compareByStrokes('王芳', '王芳')).toBe(0);
    expect(compareByStrokes(' 王芳', '王芳')).toBe(0);
    const names = ['Tom', '王芳', '𠀀', '人', '入', '八'];
    const once = sorted(names);
    expect(sorted(shuffled(once))).toEqual(once);
  });
});
