/** Short synthetic documents, one per layout the real plans use (see plans.test.ts for the real ones). */
import { importPlan } from '../../../src/core/import';

const resp = (doc: string) => importPlan(doc).tasks.map((t) => [t.id, t.lead, t.cooperating]);

describe('responsibility as real plans write it', () => {
  it('reads a first-listed convention glued to the end of the list and keeps the list', () => {
    const doc =
      '某市2020年工作方案\n三、重点任务\n1.甲。\n责任单位:市经信局、市财政局(列第一位者为工作牵头单位或汇总单位,下同)\n2.乙。\n责任单位:市商务局、市财政局';
    expect(resp(doc)).toEqual([
      ['1', ['市经信局'], ['市财政局']],
      ['2', ['市商务局'], ['市财政局']],
    ]);
    expect(importPlan(doc).findings.map((f) => f.code)).not.toContain('lead-first-listed');
  });

  it('reads an unlabelled trailing parenthesis, with 等部门 and a deadline inside', () => {
    const doc = [
      '某区稳增长政策措施',
      '一、 提高效率',
      '1. 精简手续。加快推进网上审批。(区政务服务局牵头,区发改局、区财政局等部门,各街道办事处配合)',
      '2. 全面落实。(国务院各部门分别负责,年内持续推进)',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['区政务服务局'], ['区发改局', '区财政局', '各街道办事处']],
      ['2', ['国务院各部门'], []],
    ]);
  });

  it('reads labelled fields inline, in square brackets and on their own lines; people are no units', () => {
    const doc = [
      '某市2022年重点工作责任分解',
      '一、主要任务',
      '1.甲。(牵头领导:张三,牵头单位:市发改委,责任单位:市经信局、市商务局,数据提供单位:市统计局)',
      '2.乙。[牵头单位:区卫健局、区创文办;责任单位:各街办(新区)]',
      '3﹒丙。',
      '牵头负责领导:李四。',
      '牵头责任单位:省商务厅。',
      '协同责任单位:省财政厅、省税务局等。',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['市发改委'], ['市经信局', '市商务局', '市统计局']],
      ['2', ['区卫健局', '区创文办'], ['各街办(新区)']],
      ['3', ['省商务厅'], ['省财政厅', '省税务局']],
    ]);
  });
});

describe('tables in other column orders', () => {
  it('reads pipe rows with spaced headers and separate 牵头/配合 columns', () => {
    const doc = [
      '序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |',
      '1 | 地区生产总值 | 增长5.5% | 区发改局 | 区财政局、区统计局 | A类 |',
      '2 | 城镇登记失业率 | 控制在3%以内 | 区人社局 | 各街道办事处 | A类 |',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => [t.id, t.lead, t.cooperating, t.target])).toEqual([
      ['1', ['区发改局'], ['区财政局', '区统计局'], { value: 5.5, unit: '%' }],
      ['2', ['区人社局'], ['各街道办事处'], { value: 3, unit: '%', bound: 'atMost', direction: 'down' }],
    ]);
  });

  it('reads a group cell written only on a group’s first row, and ids at the head of the text', () => {
    const doc = [
      '工作任务 | 具体要求 | 责任部门 |',
      '一、做好财政信息公开。 | 1.推进预算公开。 | 财务科 |',
      '2.更新网站信息。 | 办公室牵头,各科室配合 | |',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['财务科'], []],
      ['2', ['办公室'], ['各科室']],
    ]);
  });
});

describe('truncated documents', () => {
  it('reports the task the text stops in, and reads no unit from the cut name', () => {
    const r = importPlan(
      '某区2023年目标任务责任分解\n一、主要预期目标\n(一)地区生产总值增长7%以上\n责任单位:区发展和改革局\n(二)工业投资增长12%以上\n责任单位:区',
    );
    expect(r.tasks.map((t) => [t.id, t.lead, t.target])).toEqual([
      ['(一)', ['区发展和改革局'], { value: 7, unit: '%', bound: 'atLeast' }],
      ['(二)', [], { value: 12, unit: '%', bound: 'atLeast' }],
    ]);
    expect(r.tasks[1].findings.map((f) => f.code)).toContain('import-truncated');
    expect(r.tasks[0].findings.map((f) => f.code)).not.toContain('import-truncated');
  });
});
