/**
 * The report sheets' layout tables are where their columns stand: each column's header (zh and
 * en) and width at the position the table gives, repeated columns once per year or county.
 */
import { finding } from '../../src/core/findings/catalogue';
import type { Lang } from '../../src/core/i18n';
import { FINDINGS_LAYOUT, RANKING_LAYOUT, type ReportLayout, STATUS_LAYOUT, SUMMARY_LAYOUT } from '../../src/core/report/columns';
import { buildFindingsSheet } from '../../src/core/report/findingsSheet';
import { buildRankingSheet, buildStatusSheet, buildSummarySheet } from '../../src/core/report/rollupSheets';
import { type RollupResult, STATUS_FIELDS } from '../../src/core/rollup/rollup';
import type { SheetSpec } from '../../src/core/sheet/spec';

const result: RollupResult = {
  years: [2024, 2025, 2026],
  counties: ['甲县', '乙县'],
  reporting: null,
  tasks: [],
  status: [],
  ranking: [],
  excluded: [],
  findings: [],
};
const items: Record<string, readonly string[]> = { years: ['2024', '2025', '2026'], counties: result.counties, fields: STATUS_FIELDS };

/** Walks the table itself: the header and width each column should have, by position. */
function expectLayout(sheet: SheetSpec, layout: ReportLayout<string>, lang: Lang): void {
  const header = sheet.values[layout.headerRow];
  let at = 0;
  for (const c of layout.columns) {
    const labels = typeof c.header === 'function' ? (items[c.key] ?? []).map(c.header) : [c.header];
    for (const label of labels) {
      expect([c.key, at, header[at]]).toEqual([c.key, at, label[lang]]);
      expect([c.key, at, sheet.columnWidths?.[at]]).toEqual([c.key, at, c.width]);
      at++;
    }
  }
  expect(header.length).toBe(at);
  expect(sheet.columnWidths).toHaveLength(at);
}

describe.each(['zh', 'en'] as const)('report sheet layouts (%s)', (lang) => {
  it('汇总: every column where the table puts it, a milestone column per year and an actual per county', () => {
    expectLayout(buildSummarySheet(result, { lang, title: 'T' }), SUMMARY_LAYOUT, lang);
  });
  it('填报情况: a column per status field', () => {
    expectLayout(buildStatusSheet(result, { lang }), STATUS_LAYOUT, lang);
  });
  it('排名', () => {
    expectLayout(buildRankingSheet(result, { lang }), RANKING_LAYOUT, lang);
  });
  it('审核意见', () => {
    const f = finding('county-missing', lang, { sheet: '汇总', cell: 'A1', taskId: null }, { county: '丙县' });
    expectLayout(buildFindingsSheet([f], { lang, subject: 's', date: 'd' }), FINDINGS_LAYOUT, lang);
  });
});
