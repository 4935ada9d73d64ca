import type { Random } from './random.ts';

/**
 * Word lists for realistic Chinese names. Surnames are weighted roughly by frequency (the
 * first ones are the most common). Pinyin is kept alongside so e-mail handles look plausible.
 */
const surnames: readonly [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'],
  ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
  ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'],
  ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'],
  ['谭', 'tan'], ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['廖', 'liao'],
  ['贾', 'jia'], ['夏', 'xia'], ['方', 'fang'], ['邹', 'zou'], ['熊', 'xiong'], ['秦', 'qin'],
  ['欧阳', 'ouyang'], ['司马', 'sima'],
];
const surnameWeights = surnames.map((_, i) => (i < 2 ? 7 : i < 10 ? 4 : i < 30 ? 2 : 1) / (i === 66 || i === 67 ? 4 : 1));

const givenChars: readonly [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'],
  ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'],
  ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'],
  ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'],
  ['文', 'wen'], ['辉', 'hui'], ['鑫', 'xin'], ['宇', 'yu'], ['浩', 'hao'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['晨', 'chen'], ['欣', 'xin'], ['怡', 'yi'], ['佳', 'jia'],
  ['子', 'zi'], ['梓', 'zi'], ['涵', 'han'], ['轩', 'xuan'], ['博', 'bo'], ['思', 'si'],
  ['雨', 'yu'], ['嘉', 'jia'], ['俊', 'jun'], ['凯', 'kai'], ['建', 'jian'], ['国', 'guo'],
  ['志', 'zhi'], ['海', 'hai'], ['斌', 'bin'], ['亮', 'liang'], ['倩', 'qian'], ['颖', 'ying'],
  ['晓', 'xiao'], ['红', 'hong'], ['梅', 'mei'], ['兰', 'lan'], ['峰', 'feng'], ['鹏', 'peng'],
];

export interface PersonName {
  name: string;
  pinyin: string;
}

export function personName(rnd: Random): PersonName {
  const [s, sp] = rnd.weighted(surnames, surnameWeights);
  const first = rnd.pick(givenChars);
  if (rnd.chance(0.3)) return { name: s + first[0], pinyin: sp + first[1] };
  let second = rnd.pick(givenChars);
  while (second[0] === first[0]) second = rnd.pick(givenChars);
  return { name: s + first[0] + second[0], pinyin: sp + first[1] + second[1] };
}

export const citiesByRegion: Readonly<Record<string, readonly string[]>> = {
  华东: ['上海', '杭州', '苏州', '南京', '宁波', '无锡', '合肥', '温州'],
  华南: ['广州', '深圳', '东莞', '佛山', '厦门', '福州', '南宁'],
  华北: ['北京', '天津', '石家庄', '济南', '青岛', '太原'],
  西南: ['成都', '重庆', '昆明', '贵阳', '绵阳'],
};

const brandWords = [
  '瑞丰', '恒达', '鼎盛', '华信', '宏图', '金源', '天成', '博远', '锦程', '永泰', '嘉禾', '盛世',
  '东方', '新宇', '汇通', '聚鑫', '明辉', '正阳', '安泰', '康华', '众诚', '乐家', '优品', '远航',
  '海纳', '中联', '顺达', '万象', '品尚', '星辰', '蓝海', '青禾', '德润', '立信', '华美', '润泽',
];

/** industry → the word a company in it has in its name */
export const industries: readonly [string, readonly string[]][] = [
  ['零售', ['商贸', '百货', '超市']],
  ['制造业', ['机械', '电子', '精密制造']],
  ['餐饮', ['餐饮管理', '食品']],
  ['教育', ['教育科技', '培训']],
  ['医疗健康', ['医疗器械', '健康科技']],
  ['互联网', ['网络科技', '信息技术']],
  ['建筑地产', ['建材', '置业']],
  ['物流', ['物流', '供应链']],
  ['酒店旅游', ['酒店管理', '旅行社']],
];

export function companyName(rnd: Random, region: string, industryWords: readonly string[]): string {
  const city = rnd.pick(citiesByRegion[region]);
  return `${city}${rnd.pick(brandWords)}${rnd.pick(industryWords)}有限公司`;
}

/** a mobile number 1[3-9]x xxxx xxxx */
export function phoneNumber(rnd: Random): string {
  let s = '1' + rnd.int(3, 9);
  for (let i = 0; i < 9; i++) s += rnd.int(0, 9);
  return s;
}

/** reserved example domains only: the sample never holds a deliverable address */
const mailDomains = ['example.com', 'example.net', 'example.org'];

export function emailAddress(rnd: Random, handle: string): string {
  return `${handle}${rnd.int(1, 999)}@${rnd.pick(mailDomains)}`;
}
