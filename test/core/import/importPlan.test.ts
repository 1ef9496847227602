import { ImportError, type ImportedTask, decodeText, importPlan } from '../../../src/core/import';
import { docxText } from '../../../src/hosts/docx/docxText';
import type { Milestone, Quantity, Task } from '../../../src/core/model';
import seed000Json from '../../fixtures/seed000.tasks.json';
import seed004Json from '../../fixtures/seed004.tasks.json';
import { samplePlan } from '../sample';
import { seed001Grid, seedText } from '../../support/seeds';
import { encodeGb18030, smallPlanDocx } from './support';

/** The fields a task list is checked on, milestones without their source text. */
function fields(t: Pick<Task, 'id' | 'section' | 'text' | 'target' | 'kind' | 'deadline' | 'milestones' | 'lead' | 'cooperating'>) {
  return {
    id: t.id,
    section: t.section,
    text: t.text,
    // value and unit only: bound and direction are scored in plans.test.ts
    target: t.target ? ({ value: t.target.value, unit: t.target.unit } as Quantity) : null,
    kind: t.kind,
    deadline: t.deadline,
    milestones: t.milestones.map((m: Milestone) => ({ year: m.year, value: m.value, unit: m.unit, kind: m.kind })),
    lead: t.lead,
    cooperating: t.cooperating,
  };
}

type FixtureTask = Parameters<typeof fields>[0];

/**
 * The hand-written expectations for seeds 000 and 004, read from the documents: `text` is the
 * task's title (its first sentence, without the full stop); `target` the figure the task is
 * measured by, as written (`萬臺` stays `萬臺`), null when the task sets none; `deadline` the date
 * as written that governs the target (`2023年`, `2022年10月底前`), `每年` for a yearly figure;
 * `milestones` the target in its year when the document dates it; `lead` and `cooperating` as the
 * rules in src/core/import/responsibility.ts read them (first-listed lead; for several groups the
 * first group's lead and every other unit cooperating; 004's 责任主体 last on every task).
 */
interface Fixture {
  name: string;
  startYear: number;
  endYear: number;
  sections: Array<{ id: string; title: string }>;
  tasks: FixtureTask[];
  units: string[];
}
const seed000 = seed000Json as unknown as Fixture;
const seed004 = seed004Json as unknown as Fixture;

/**
 * Every field where the importer and the hand-written fixture disagree, with why. The tests
 * require the list to be exact, so a change that fixes or breaks a field shows up here.
 */
const KNOWN_DIFFERENCES: Record<string, Array<{ id: string; field: keyof ReturnType<typeof fields>; why: string }>> = {
  '000': [
    {
      id: '10',
      field: 'milestones',
      why: '`全年推进实施50个以上` in a one-year (2020) plan means 50 in 2020; the importer only dates a figure from a year written before it',
    },
  ],
  '004': [],
};

function compare(prefix: '000' | '004', fixture: { tasks: FixtureTask[] }) {
  const r = importPlan(seedText(prefix));
  const diffs: Array<{ id: string; field: string }> = [];
  expect(r.tasks.map((t) => t.id)).toEqual(fixture.tasks.map((t) => t.id));
  fixture.tasks.forEach((want, i) => {
    const got = fields(r.tasks[i]);
    const exp = fields(want);
    for (const k of Object.keys(exp) as Array<keyof typeof exp>) {
      if (JSON.stringify(got[k]) !== JSON.stringify(exp[k])) diffs.push({ id: want.id, field: k });
    }
  });
  expect(diffs).toEqual(KNOWN_DIFFERENCES[prefix].map(({ id, field }) => ({ id, field })));
  return r;
}

/** Every unit the importer lists is written, as it is, in the document: none is made up. */
function expectUnitsFromText(units: string[], text: string) {
  for (const u of units) expect({ unit: u, inText: text.includes(u) }).toEqual({ unit: u, inText: true });
}

describe('seed 001: the 重点任务清单 table, one cell per line', () => {
  const text = seedText('001');
  const r = importPlan(text);
  const sample = samplePlan();

  it('reads the plan as the transcription has it', () => {
    expect(r.plan.name).toBe(sample.name);
    expect([r.plan.startYear, r.plan.endYear]).toEqual([2023, 2025]);
    expect(r.plan.sections).toEqual(sample.sections);
    expect(r.tasks).toHaveLength(54);
  });

  it.each(sample.tasks.map((t) => [t.id, t] as const))('task %s matches the transcription field by field', (id, want) => {
    const got = r.tasks.find((t) => t.id === id)!;
    expect(fields(got)).toEqual(fields(want));
    expect(got.scheduleText).toBe(want.scheduleText);
    expect(got.responsibilityText).toBe(want.responsibilityText);
  });

  it('lists every unit, leaving out the slip 市发展改革委员 with a finding on task 2', () => {
    expect(r.units).toEqual(sample.units);
    expect(r.units).not.toContain('市发展改革委员');
    const t2 = r.tasks.find((t) => t.id === '2')!;
    expect(t2.lead).toContain('市发展改革委员');
    expect(t2.findings.map((f) => [f.code, f.params.unit, f.params.suggestion])).toEqual([
      ['import-unit-unclear', '市发展改革委员', '市发展改革委'],
    ]);
    expectUnitsFromText(r.units, text);
  });

  it('reads the table from its own rows, not the prose tasks before it', () => {
    expect(r.tasks[0].text).toBe('力争30%的传统企业转型为战略性新兴企业。');
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.taskId)).toEqual(['2']);
  });

  it('reads the same table with tab-separated cells, one row per line', () => {
    const rows = seed001Grid().map((row) => row.map((c) => (c === null ? '' : String(c))).join('\t'));
    const tabbed = importPlan(['商丘市建设制造强市三年行动计划(2023—2025年)', ...rows].join('\r\n'));
    expect(tabbed.tasks.map(fields)).toEqual(r.tasks.map(fields));
    expect(tabbed.units).toEqual(r.units);
  });

  it('reports a figure the schedule cannot confirm and which figure it took', () => {
    const t = importPlan('序号\t重点任务\t完成时限和目标\t责任单位\n1.新增企业10家,培育园区2个。\t2025年完成\t市工信局负责');
    expect(t.tasks[0].target).toEqual({ value: 10, unit: '家' });
    expect(t.tasks[0].findings.map((f) => f.code)).toEqual(['import-target-unclear']);
  });
});

describe('seed 000: numbered prose tasks with 责任单位 lines', () => {
  it('reads the 39 tasks as the fixture has them', () => {
    const r = compare('000', seed000);
    expect(r.tasks).toHaveLength(39);
    expect(r.plan.sections.map((s) => s.id)).toEqual(seed000.sections.map((s) => s.id));
    expect(r.plan.sections).toEqual(seed000.sections);
    expect([r.plan.name, r.plan.startYear, r.plan.endYear]).toEqual([seed000.name, 2020, 2020]);
  });

  it('keeps 各乡镇政府、街道办事处 whole and takes nothing from 组织保障', () => {
    const text = seedText('000');
    const r = importPlan(text);
    expect(r.units).toEqual(seed000.units);
    expect(r.units).toContain('各乡镇政府、街道办事处');
    expect(r.units).not.toContain('街道办事处');
    expect(r.units).not.toContain('市督查局'); // named only under 四、组织保障
    expectUnitsFromText(r.units, text);
  });

  it('says the lead is the first listed unit, since the document does not say so', () => {
    const r = importPlan(seedText('000'));
    for (const t of r.tasks)
      expect(t.findings.filter((f) => f.code === 'lead-first-listed').map((f) => f.params.unit)).toEqual([t.lead[0]]);
  });

  it('marks tasks with several figures, and figures not worded as goals', () => {
    const r = importPlan(seedText('000'));
    const codes = (id: string) => r.tasks.find((t) => t.id === id)!.findings.map((f) => [f.code, f.params.candidates]);
    expect(codes('28')).toContainEqual(['import-target-unclear', '30家、35家、20%']);
    expect(codes('3')).toContainEqual(['import-target-unclear', '30家']);
    expect(r.tasks.find((t) => t.id === '3')!.target).toBeNull();
  });
});

describe('seed 004: traditional characters, stated conventions, several groups per task', () => {
  const text = seedText('004');

  it('reads the 19 tasks as the fixture has them', () => {
    const r = compare('004', seed004);
    expect(r.tasks).toHaveLength(19);
    expect(r.plan.sections).toEqual(seed004.sections);
    expect([r.plan.startYear, r.plan.endYear]).toEqual([2021, 2023]);
  });

  it('keeps names as written and applies 列第一位的為牽頭單位 … 下同 to every task', () => {
    const r = importPlan(text);
    expect(r.units).toEqual(seed004.units);
    expect(r.units).toContain('各縣〔市、區〕政府');
    expectUnitsFromText(r.units, text);
    for (const t of r.tasks) {
      expect(t.cooperating.slice(-2)).toEqual(['各縣〔市、區〕政府', '金華開發區管委會']);
      expect(t.findings.map((f) => f.code)).not.toContain('lead-first-listed');
    }
  });

  it('takes the first group’s lead and all groups’ units as cooperating (task 2, task 3)', () => {
    const r = importPlan(text);
    const t2 = r.tasks.find((t) => t.id === '2')!;
    expect(t2.lead).toEqual(['市經信局']);
    expect(t2.cooperating).toContain('市稅務局');
    const t3 = r.tasks.find((t) => t.id === '3')!;
    expect(t3.lead).toEqual(['市資規局']);
    expect(t3.cooperating.slice(0, 4)).toEqual(['市發改委', '市經信局', '市生態環境局', '市投資促進中心']);
    expect(t3.findings.find((f) => f.code === 'import-lead-assumed')?.params.others).toBe('市發改委');
  });

  it('reads scaled and traditional units, and yearly targets', () => {
    const r = importPlan(text);
    const t18 = r.tasks.find((t) => t.id === '18')!;
    expect(t18.findings.find((f) => f.code === 'import-target-unclear')?.params.candidates).toBe('500項、3000臺、2.5萬臺');
    expect([t18.kind, t18.deadline]).toEqual(['annual', '每年']);
    expect(r.tasks.find((t) => t.id === '11')!.target).toEqual({ value: 2.5, unit: '億美元', bound: 'atLeast' });
    expect(r.tasks.find((t) => t.id === '2')!.milestones).toEqual([{ year: 2023, value: 5000, unit: '家', kind: 'cumulative' }]);
  });
});

describe('seeds 002 and 003: duties and goals, no task table', () => {
  it.each([
    ['002', 10],
    ['003', 6],
  ])('seed %s: the 重点任务 items, no unit made up', (prefix, count) => {
    const r = importPlan(seedText(prefix));
    expect(r.tasks).toHaveLength(count);
    expect(r.units).toEqual([]);
    for (const t of r.tasks) {
      expect([t.lead, t.cooperating]).toEqual([[], []]);
      expect(t.findings.map((f) => f.code)).toContain('lead-missing');
      expect(t.id).toMatch(/^\([一二三四五六七八九十]+\)$/);
    }
  });

  it('takes the period from the title, or from the text', () => {
    const r2 = importPlan(seedText('002'));
    expect([r2.plan.name, r2.plan.startYear, r2.plan.endYear]).toEqual([
      '荆门市工业经济稳增长快转型高质量发展工作方案(2018-2020年)',
      2018,
      2020,
    ]);
    const r3 = importPlan(seedText('003'));
    expect([r3.plan.startYear, r3.plan.endYear]).toEqual([2021, 2025]);
  });
});

describe('responsibility conventions', () => {
  const one = (resp: string, more = ''): ImportedTask =>
    importPlan(`某市工作方案\n三、重点任务\n${more}1.推进某项工作。\n责任单位:${resp}`).tasks[more ? 1 : 0];

  it.each([
    ['市工信局牵头,市财政局、市商务局配合', ['市工信局'], ['市财政局', '市商务局']],
    ['市工信局、市发改委分别牵头,市财政局配合', ['市工信局', '市发改委'], ['市财政局']],
    ['市工信局负责', ['市工信局'], []],
    ['各县(市、区)人民政府、市工信局', ['各县(市、区)人民政府'], ['市工信局']],
    ['市工信局,各乡镇政府、街道办事处', ['市工信局'], ['各乡镇政府、街道办事处']],
    ['市經信局、各縣〔市、區〕政府', ['市經信局'], ['各縣〔市、區〕政府']],
  ])('%s', (resp, lead, cooperating) => {
    const t = one(resp);
    expect([t.lead, t.cooperating]).toEqual([lead, cooperating]);
  });

  it('lets an explicit 牵头 override a stated first-listed convention', () => {
    const doc = [
      '某市工作方案',
      '三、重点任务',
      '1.甲。(责任单位:市工信局、市财政局,列第一位的为牵头单位,下同)',
      '2.乙。(责任单位:市财政局、市商务局牵头,市工信局配合)',
      '3.丙。(责任单位:市商务局、市工信局)',
    ].join('\n');
    const r = importPlan(doc);
    expect(r.tasks.map((t) => [t.lead, t.cooperating])).toEqual([
      [['市工信局'], ['市财政局']],
      [['市财政局', '市商务局'], ['市工信局']],
      [['市商务局'], ['市工信局']],
    ]);
    expect(r.findings.map((f) => f.code)).toEqual([]);
  });

  it('reports a task without units and a name that holds several units', () => {
    const r = importPlan('某市工作方案\n三、重点任务\n1.甲。\n2.乙。\n责任单位:市工信局和市财政局');
    expect(r.tasks[0].findings.map((f) => f.code)).toEqual(['lead-missing']);
    expect(r.tasks[1].findings.map((f) => [f.code, f.params.unit])).toEqual([['import-unit-unclear', '市工信局和市财政局']]);
  });
});

describe('targets and deadlines in prose', () => {
  const task = (body: string) => importPlan(`某市2024年工作方案\n三、重点任务\n1.${body}\n责任单位:市工信局`).tasks[0];

  it.each([
    ['培育企业。2024年,力争新增高新技术企业30家。', { value: 30, unit: '家' }, '2024年', 'cumulative'],
    ['整治企业。到2023年,整治提升高耗低效企业5000家。', { value: 5000, unit: '家' }, '2023年', 'cumulative'],
    ['推广机器人。每年新增工业机器人3000台。', { value: 3000, unit: '台' }, '每年', 'annual'],
    ['清理账款。2022年10月底前,完成清欠任务100%。', { value: 100, unit: '%' }, '2022年10月底前', 'share'],
    ['推进上云。力争全市上云企业达到1.2万家。', { value: 1.2, unit: '万家' }, null, 'cumulative'],
    ['扩大投资。工业投资增长１２％以上。', { value: 12, unit: '％', bound: 'atLeast' }, null, 'annual'],
    ['稳定就业。城镇登记失业率控制在4%以内。', { value: 4, unit: '%', bound: 'atMost', direction: 'down' }, null, 'share'],
    ['节能降耗。单位生产总值能耗下降3%左右。', { value: 3, unit: '%', bound: 'about', direction: 'down' }, null, 'annual'],
    ['新建基站。新建5G基站50个。', { value: 50, unit: '个' }, null, 'cumulative'],
    ['建设农田。新增高标准农田2万亩。', { value: 2, unit: '万亩' }, null, 'cumulative'],
    ['引进项目。全年力争引进2个以上投资超10亿元的项目落地。', { value: 2, unit: '个', bound: 'atLeast' }, null, 'annual'],
    ['处置煤矿。对30万吨以下煤矿进行分类处置。', null, null, 'qualitative'],
    ['落实举措。落实“应对疫情30条举措”(新密政〔2020〕2号)。', null, null, 'qualitative'],
  ])('%s', (body, target, deadline, kind) => {
    const t = task(body);
    expect([t.target, t.deadline, t.kind]).toEqual([target, deadline, kind]);
  });

  it('dates a figure only by a year written before it', () => {
    const t = task('改造企业。每年实施500项技改项目,到2023年,在役机器人总量突破2.5萬臺。');
    expect(t.target).toEqual({ value: 500, unit: '项' });
    expect(t.milestones).toEqual([]);
    expect(t.findings.map((f) => f.params.candidates)).toContain('500项、2.5萬臺');
  });
});

describe('what is not a plan', () => {
  it.each([
    ['empty', '', 'empty'],
    ['blank lines', ' \n\u3000\n', 'empty'],
    ['a README', '# keytask\n\nAn Excel add-in.\n', 'notAPlan'],
    ['a letter', '张三:\n你好,明天见。\n李四\n', 'notAPlan'],
    ['a notice with chapters and no task', '关于考核的通知\n一、细化量化,压实工作责任。各地要细化目标任务。\n二、精心组织。\n', 'noTasks'],
  ])('%s → ImportError', (_what, text, reason) => {
    expect(() => importPlan(text)).toThrow(ImportError);
    try {
      importPlan(text);
    } catch (e) {
      expect((e as ImportError).reason).toBe(reason);
    }
  });
});

describe('findings', () => {
  it('have the validation shape, in the language asked for, pointing at the source', () => {
    const r = importPlan(seedText('000'), { lang: 'en', source: 'plan.txt' });
    const f = r.tasks[0].findings[0];
    expect(f).toEqual({
      code: 'lead-first-listed',
      severity: 'info',
      sheet: 'plan.txt',
      cell: null,
      taskId: '1',
      message: expect.stringContaining('listed first'),
      params: expect.objectContaining({ unit: '市科工信局', line: expect.any(Number) }),
    });
    expect(r.findings.length).toBe(r.tasks.reduce((n, t) => n + t.findings.length, 0));
  });
});

describe('decoding text files', () => {
  const text = seedText('000');

  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decodeText(bytes)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(text);
  });

  it('reads GB18030/GBK when the bytes are not UTF-8', () => {
    const sample = '新密市2020年制造业高质量发展实施方案\n三、重点任务\n1.强化目标跟踪管理。\n责任单位:市科工信局,各乡镇政府、街道办事处\n';
    const r = importPlan(decodeText(encodeGb18030(sample)));
    expect(r.tasks.map((t) => [t.id, t.text, t.lead, t.cooperating])).toEqual([
      ['1', '强化目标跟踪管理', ['市科工信局'], ['各乡镇政府、街道办事处']],
    ]);
  });
});

describe('.docx documents', () => {
  it('reads paragraphs and table cells one per line, and imports the table', async () => {
    const text = await docxText(await smallPlanDocx());
    const lines = text.split('\n').filter((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['序号', '重点任务', '2024年达到10家', '2025年达到20家', '市工业和信息化局负责']));
    const r = importPlan(text);
    expect([r.plan.name, r.plan.startYear, r.plan.endYear]).toEqual(['测试市制造业三年行动计划(2024—2026年)', 2024, 2026]);
    expect(r.plan.sections).toEqual([{ id: '(一)', title: '培育企业' }]);
    expect(r.tasks.map(fields)).toEqual([
      {
        id: '1',
        section: '(一)',
        text: '力争新增高新技术企业30家。',
        target: { value: 30, unit: '家' },
        kind: 'cumulative',
        deadline: '2026年',
        milestones: [2024, 2025, 2026].map((year, i) => ({ year, value: (i + 1) * 10, unit: '家', kind: 'cumulative' })),
        lead: ['市科技局'],
        cooperating: ['市财政局', '各县(市、区)人民政府'],
      },
      {
        id: '2',
        section: '(一)',
        text: '推进数字化转型。',
        target: null,
        kind: 'qualitative',
        deadline: '持续推进',
        milestones: [],
        lead: ['市工业和信息化局'],
        cooperating: [],
      },
    ]);
    expect(r.units).toEqual(['市科技局', '市财政局', '各县(市、区)人民政府', '市工业和信息化局']);
  });
});
