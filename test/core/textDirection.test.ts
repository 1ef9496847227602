import { figureLowerIsBetter } from '../../src/core/text/direction';

describe('which way a task’s figure is good', () => {
  it.each([
    ['城镇登记失业率控制在4%以内', true],
    ['ＰＭ２.５平均浓度降至30微克', true],
    ['居民消费价格涨幅3%左右', true],
    ['单位生产总值能耗下降3%', false], // the figure is how much comes off: more is better
    ['压减粗钢产能500万吨', false],
    ['新增高新技术企业30家', false],
  ])('%s → %s', (text, down) => {
    expect(figureLowerIsBetter(text)).toBe(down);
  });
});
