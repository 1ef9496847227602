import { ImportError, importDocument } from '../../../src/core/operations/import';
import { hasErrors } from '../../../src/core/operations/report';
import { seedText } from '../../support/seeds';

describe('import operation', () => {
  it('reads a plan document into tasks and counts what it found', () => {
    const text = seedText('001');
    const { imported, report } = importDocument(text, { lang: 'zh', source: '001.txt' });
    expect(report.tasks).toBe(imported.tasks.length);
    expect(report.tasks).toBeGreaterThan(20);
    expect(report.units).toBe(imported.units.length);
    expect(report.counts.total).toBe(imported.findings.length);
    expect(hasErrors(report)).toBe(report.findings.some((f) => f.severity === 'error'));
    expect(report.findings.every((f) => f.sheet === '001.txt')).toBe(true);
  });

  it('refuses text that is not a plan', () => {
    expect(() => importDocument('hello')).toThrow(ImportError);
  });
});
