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

  it('keeps a long units cell as units, not as text', () => {
    const units = '区财政局、区住房和城建局、区商务局、区文化和广电旅游体育局、区统计局、区投促局、各街道办事处';
    const doc = ['序号 | 任务名称 | 指标要求 | 牵头部门 | 配合部门 |', `1 | 地区生产总值 | 增长5.5% | 区发改局 | ${units} |`].join('\n');
    expect(resp(doc)).toEqual([['1', ['区发改局'], units.split('、')]]);
  });

  it('reads a table without 序号 flattened one cell per line, headings as group cells', () => {
    const doc = [
      '某市2017年政务公开工作要点实施方案',
      '目标',
      '任务',
      '主要内容',
      '责任单位',
      '一、以政务公开助力稳增长',
      '(一)加强预期引导',
      '围绕经济政策执行落实情况,及时宣传解读。',
      '市发改委牵头落实',
      '加强金融政策信息公开。',
      '市金融办、人民银行某市中心支行分别牵头落实',
      '加强舆情收集研判,及时发布权威消息。',
      '市发改委、市财政局、人民银',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => [t.id, t.section, t.lead, t.cooperating])).toEqual([
      ['1', '(一)', ['市发改委'], []],
      ['2', '(一)', ['市金融办', '人民银行某市中心支行'], []],
      ['3', '(一)', ['市发改委'], ['市财政局']],
    ]);
    expect(r.tasks[2].findings.map((f) => f.code)).toContain('import-truncated');
  });

  it('reads single-space columns and drops a lone unit name the document stops in', () => {
    const doc = [
      '序号 工 作 任 务 牵头负责部门',
      '1 推进5万个行政村通光纤 工业和信息化部',
      '2 公路投资1.65万亿元 交通运输部',
      '3 中央预算内投资安排5000亿元 发展改革',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => [t.id, t.lead, t.target])).toEqual([
      ['1', ['工业和信息化部'], { value: 5, unit: '万个' }],
      ['2', ['交通运输部'], { value: 1.65, unit: '万亿元' }],
      ['3', [], { value: 5000, unit: '亿元' }],
    ]);
    expect(r.tasks[2].findings.map((f) => f.code)).toContain('import-truncated');
  });

  it('reads a row the document stops in after pipe rows', () => {
    const doc = [
      '工作任务 | 具体要求 | 责任部门 |',
      '一、做好公开。 | 1.推进预算公开。 | 财务科 |',
      '2.提前做好解读回应工作,助力政策',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => t.id)).toEqual(['1', '2']);
    expect(r.tasks[1].findings.map((f) => f.code)).toContain('import-truncated');
  });
});

describe('names and cells run together', () => {
  it('splits units run together at a unit’s ending, and shows them for checking', () => {
    const doc = '某区2021年工作方案\n一、重点任务\n1.甲。\n责任单位:区发改局区统计局、区市场监督管理局';
    expect(resp(doc)).toEqual([['1', ['区发改局'], ['区统计局', '区市场监督管理局']]]);
    const unclear = importPlan(doc).tasks[0].findings.filter((f) => f.code === 'import-unit-unclear');
    expect(unclear.map((f) => f.params.unit)).toEqual(['区发改局区统计局']);
  });

  it('reads a table whose cells ran together, by ids counting up and unit endings', () => {
    const doc = [
      '1、2021年民生实事责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1增加学位实施新建学校项目12个。何海平教育局经开区各街道2促进就业全区城镇新增就业15000人。张菁人社局高新园(邹区镇',
      '2、)各街道3老城厢复兴完成纪念馆提升。何海平文体旅局晋陵公司轨道公司推进道路整治。芮春祥住建局五星街道序号项目名称主要内容区政府分管领导牵头单位配合单位4文体惠民新建2家“秋白',
      '3、书苑”,开展惠民活动,组',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => [t.id, t.lead, t.cooperating, t.target])).toEqual([
      ['1', ['教育局'], ['经开区', '各街道'], { value: 12, unit: '个' }],
      ['2', ['人社局'], ['高新园(邹区镇)', '各街道'], { value: 15000, unit: '人' }],
      ['3', ['文体旅局'], ['晋陵公司', '轨道公司', '住建局', '五星街道'], null],
      ['4', [], [], { value: 2, unit: '家' }],
    ]);
    expect(r.tasks[3].findings.map((f) => f.code)).toContain('import-truncated');
    expect(r.tasks[0].findings.map((f) => f.code)).toContain('import-unit-unclear');
  });
});

describe('tables flattened one cell per line (held-out layouts)', () => {
  it('keeps every line of a units cell written one unit a line, with a group cell on a group’s first row only', () => {
    const doc = [
      '某区2030年为民实事任务分解',
      '序号',
      '',
      '事项分类',
      '',
      '事项名称',
      '',
      '项目内容',
      '',
      '牵头单位',
      '',
      '协同单位',
      '',
      '1',
      '',
      '甲类工程',
      '',
      '新建图书角',
      '',
      '新建社区图书角6个。',
      '',
      '区文化局',
      '',
      '各街道',
      '',
      '区财政局',
      '',
      '区城建集团',
      '',
      '2',
      '',
      '配置书柜',
      '',
      '为12所学校配置书柜。',
      '',
      '区文化局',
      '',
      '/',
      '',
      '3',
      '',
      '乙类工程',
      '',
      '维修健身器材',
      '',
      '对公园健身器材维修保养。',
      '',
      '区体育中心',
      '',
      '各街道',
      '',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['区文化局'], ['各街道', '区财政局', '区城建集团']],
      ['2', ['区文化局'], []],
      ['3', ['区体育中心'], ['各街道']],
    ]);
    expect(importPlan(doc).tasks[0].target).toMatchObject({ value: 6, unit: '个' });
  });

  it('reads units before a deadline column, and a second content line sharing the row’s units as body', () => {
    const doc = [
      '某县2030年民生实事目标任务分解表',
      '序号',
      '民生实事',
      '责任单位',
      '完成时限',
      '1',
      '建设城东公园。',
      '县住建局',
      '县水务局',
      '县园林站',
      '12月底前',
      '2',
      '开工建设县老年公寓。',
      '县民政局',
      '6月底前动工',
      '开工建设老年活动室。',
      '12月底前',
      '3',
      '新建公共厕所5座。',
      '县城管局',
      '全年',
    ].join('\n');
    const r = importPlan(doc);
    expect(resp(doc)).toEqual([
      ['1', ['县住建局'], ['县水务局', '县园林站']],
      ['2', ['县民政局'], []],
      ['3', ['县城管局'], []],
    ]);
    expect(r.tasks.map((t) => t.deadline)).toEqual(['12月底前', '6月底前动工', '全年']);
    expect(r.tasks[2].target).toMatchObject({ value: 5, unit: '座' });
  });
});

describe('pipe tables with merged cells (held-out layout)', () => {
  it('reads a row without an id as a further line of the project above: its unit cooperates', () => {
    const doc = [
      '某县2030年民生实事责任清单',
      '项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |',
      '1.街巷提升项目 | 改造背街小巷4条; | 10月 | 住建局 |',
      '新建街角绿地2处; | 11月 | 城投公司 | |',
      '2030年9月 | 园区管委会 | ||',
      '2.便民服务项目 | 新设便民服务点6个。 | 9月 | 商务局 |',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['住建局'], ['城投公司', '园区管委会']],
      ['2', ['商务局'], []],
    ]);
    expect(importPlan(doc).tasks[0].target).toMatchObject({ value: 4, unit: '条' });
  });

  it('takes the count of what a task works on (`对N所学校…`) as its target', () => {
    const doc = '某区2030年为民办实事清单\n一、教育实事\n1.对35所中小学校食堂安装智能监控平台。(区教育局牵头)';
    expect(importPlan(doc).tasks[0].target).toMatchObject({ value: 35, unit: '所' });
  });

  it('counts in 处', () => {
    const doc = '某区2030年为民办实事清单\n一、新建口袋公园3处;改造停车场2处;新增公共停车位500个以上,进一步方便周边群众停车出行。';
    expect(importPlan(doc).tasks[0].target).toMatchObject({ value: 3, unit: '处' });
  });
});

describe('chapters and notices (held-out layouts)', () => {
  it('reads a lead named in the chapter heading, and no task from the notice’s numbered requirements', () => {
    const doc = [
      '各乡镇人民政府,县直各有关单位:',
      '一、压实责任,逐项落实。《任务分解》明确80项具体任务,涉及20个牵头单位,各单位要逐项细化职责,制定实施方案。',
      '二、加强调度,按时办结。各单位要紧盯序时进度,按季度报送落实情况,确保按期完成。',
      '附件:1.2030年县政府工作报告任务清单',
      '2.2030年民生实事任务分解',
      '附件1',
      '2030年县政府工作报告任务清单',
      '一、县商务局牵头工作(2项)',
      '1.新建农贸市场2个。',
      '2.举办消费促进活动。',
      '二、县教育局牵头工作(1项)',
      '1.新建幼儿园3所。',
    ].join('\n');
    expect(resp(doc)).toEqual([
      ['1', ['县商务局'], []],
      ['2', ['县商务局'], []],
      ['1', ['县教育局'], []],
    ]);
  });

  it('ends the cooperating list at 按职责分工负责 and tells apart two units joined by 及 before 各', () => {
    const doc = [
      '某市2030年优化营商环境工作要点',
      '一、推进审批改革',
      '1.精简审批事项。年内公布事项清单。(市政府办公室、市审批局牵头,市级有关部门及各县区政府按职责分工负责)',
    ].join('\n');
    expect(resp(doc)).toEqual([['1', ['市政府办公室', '市审批局'], ['市级有关部门', '各县区政府']]]);
  });
});

describe('targets and deadlines as written', () => {
  const one = (body: string) => importPlan(`某市2016年工作方案\n一、重点任务\n1.推进工作。${body}(市发改委牵头)`).tasks[0];

  it('takes counts in 张 and 万名, a share with 以上的, and no time limit as a target', () => {
    expect(one('新增5000张养老床位;为29万名老年人提供服务。').target).toEqual({ value: 5000, unit: '张' });
    expect(one('2015年完成75%以上的确权登记。').target).toEqual({ value: 75, unit: '%', bound: 'atLeast' });
    expect(one('环评报告书14个工作日内完成审批。').target).toBeNull();
  });

  it('reads month deadlines, the latest one when several, and a deadline inside the responsibility', () => {
    expect(one('加快建立中介超市,5月底前实现上线运行。').deadline).toBe('5月底前');
    expect(one('1.4月底前主体完工。2.11月底前竣工交付。').deadline).toBe('11月底前');
    const r = importPlan('某国2020年分工方案\n一、重点任务\n1.全面落实。(国务院各部门分别负责,年内持续推进)');
    expect(r.tasks[0].deadline).toBe('年内持续推进');
  });

  it('reads `2024年12月底前` in a schedule cell as a deadline, not a milestone of 12', () => {
    const doc = ['序号\t重点任务\t完成时限和目标\t责任单位', '1\t建成数据平台\t2024年12月底前\t市数据局'].join('\n');
    const t = importPlan(doc).tasks[0];
    expect([t.deadline, t.milestones.filter((m) => m.value !== null), t.findings.map((f) => f.code)]).toEqual(['2024年12月底前', [], []]);
  });

  it('does not take a later date in the target’s sentence as the task’s deadline', () => {
    expect(one('中央财政安排1000亿元专项奖补资金,重点用于安置,2016年安排500亿元。').deadline).toBeNull();
  });

  it('drops pinyin glosses a mirror added', () => {
    const r = importPlan('某市2023年工作要点\n一、重点任务\n1.建設實驗室。(牽頭單位:市科技局,參與單位:青島藍(lán)谷管理局)');
    expect(r.tasks[0].cooperating).toEqual(['青島藍谷管理局']);
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

  it('reads no unit from a name cut inside its bracket', () => {
    const r = importPlan(
      '某市2030年目标任务责任分解方案\n一、主要预期目标\n(一)地区生产总值增长6%。(牵头单位:市发改委;责任单位:各区人民政府〈含功能区、',
    );
    expect(r.tasks.map((t) => [t.id, t.lead, t.cooperating])).toEqual([['(一)', ['市发改委'], []]]);
    expect(r.tasks[0].findings.map((f) => f.code)).toContain('import-truncated');
  });
});

describe('documents that are no plan (held-out)', () => {
  it('refuses a report of completed work listed under numbers, naming no unit', () => {
    const doc = [
      '某县文化局2030年民生实事项目任务完成情况公示',
      '现将我局2030年民生实事项目建设情况公示如下:',
      '1、新建农家书屋 12 个。',
      '2、开展送戏下乡 60 场,建成文化广场 3 个。',
      '至2030年12月底,我局圆满完成民生实事建设任务。',
    ].join('\n');
    expect(() => importPlan(doc)).toThrow(expect.objectContaining({ reason: 'noTasks' }));
  });
});

describe('the plan period', () => {
  const doc = (title: string) => `${title}\n一、重点任务\n1.推进工作。(市发改委牵头)`;

  it('takes the year from a title such as 某县2024年重点工作责任分解, and a file name as the title', () => {
    expect(importPlan(doc('某县2024年重点工作责任分解'), { year: 2030 }).plan).toMatchObject({
      name: '某县2024年重点工作责任分解',
      startYear: 2024,
      endYear: 2024,
    });
    expect(importPlan(doc('2021年重大民生实事项目目标任务责任分解表.docx')).plan.name).toBe('2021年重大民生实事项目目标任务责任分解表');
  });

  it('prefers the dated title to a banner naming the same document without the year', () => {
    const r = importPlan(doc('某市政务公开工作要点实施方案\n某市2017年政务公开工作要点实施方案'));
    expect([r.plan.name, r.plan.startYear]).toEqual(['某市2017年政务公开工作要点实施方案', 2017]);
  });

  it('takes the year the host passes when the document names none; the core reads no clock', () => {
    expect(importPlan(doc('某区重点工作方案'), { year: 2031 }).plan).toMatchObject({ startYear: 2031, endYear: 2031 });
    expect(importPlan(doc('某区重点工作方案')).plan).toMatchObject({ startYear: 0, endYear: 0 });
    expect(importPlan(`发文日期 | 2022-07-14 |\n${doc('某区重点工作方案')}`, { year: 2031 }).plan.startYear).toBe(2022);
  });
});
