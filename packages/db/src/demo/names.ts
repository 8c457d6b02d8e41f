import type { Random } from './random.js';

export const TOWNSHIP_NAMES = [
  '城关镇',
  '东关街道',
  '石门镇',
  '柳林镇',
  '桃园乡',
  '龙泉镇',
  '白马乡',
  '青石镇',
  '双河乡',
  '高桥镇',
  '金沙乡',
  '马坪镇',
  '红岩乡',
  '新集镇',
  '黄土乡',
  '永安镇',
  '太平乡',
  '清水镇',
  '杨柳乡',
  '大田镇',
  '五里乡',
  '三岔镇',
  '凤凰镇',
  '长岭乡',
] as const;

export const VILLAGE_PREFIXES = [
  '东',
  '西',
  '南',
  '北',
  '上',
  '下',
  '大',
  '小',
  '前',
  '后',
  '新',
  '老',
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
  '石',
  '柳',
  '杏',
  '桃',
  '梨',
  '枣',
  '槐',
  '松',
  '柏',
  '竹',
  '梅',
  '兰',
  '龙',
  '凤',
  '金',
  '银',
] as const;

export const VILLAGE_SUFFIXES = [
  '家庄村',
  '家村',
  '河村',
  '沟村',
  '坪村',
  '岭村',
  '湾村',
  '营村',
  '庄村',
  '寨村',
  '堡村',
  '屯村',
  '峪村',
  '台村',
  '洼村',
  '岗村',
  '桥村',
  '店村',
  '铺村',
  '园村',
] as const;

export const COMMUNITY_NAMES = [
  '和平社区',
  '建设社区',
  '幸福社区',
  '东风社区',
  '文化社区',
  '新华社区',
  '团结社区',
  '光明社区',
  '胜利社区',
  '民主社区',
  '繁荣社区',
  '振兴社区',
  '滨河社区',
  '育才社区',
  '富民社区',
  '康宁社区',
] as const;

export const ZONE_NAMES = ['东片区', '西片区', '南片区', '北片区', '中心片区'] as const;

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
] as const;

/** Given-name characters read as a man's or a woman's; the two lists share none. */
export const MALE_GIVEN_NAME_CHARS = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '平',
  '刚',
  '华',
  '建',
  '国',
  '志',
  '海',
  '文',
] as const;

export const FEMALE_GIVEN_NAME_CHARS = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '秀',
  '霞',
  '桂',
  '英',
  '玉',
  '兰',
  '红',
  '梅',
  '燕',
  '婷',
  '萍',
] as const;

export type NameGender = 'female' | 'male';

/** The given-name characters of one gender. */
export function givenNameChars(gender: NameGender): readonly string[] {
  return gender === 'female' ? FEMALE_GIVEN_NAME_CHARS : MALE_GIVEN_NAME_CHARS;
}

/** A surname and a one- or two-character given name that fits the gender. */
export function personName(random: Random, gender: NameGender): string {
  const chars = givenNameChars(gender);
  const given = random.chance(0.6) ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return random.pick(SURNAMES) + given;
}

/** The gender a name made by personName reads as (the lists share no character). */
export function genderOfName(name: string): NameGender {
  return (FEMALE_GIVEN_NAME_CHARS as readonly string[]).includes(name.charAt(1))
    ? 'female'
    : 'male';
}

export const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
] as const;
