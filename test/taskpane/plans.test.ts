/** The Generate tab's sample plan: what it shows before loading the plan matches the plan. */
import { SAMPLE_INFO, defaultPeriod, planFor, samplePlan } from '../../src/taskpane/plans';

describe('the sample plan in the pane', () => {
  it('shows the name and period the plan file has', async () => {
    const plan = await samplePlan();
    expect({ name: plan.name, startYear: plan.startYear, endYear: plan.endYear }).toEqual(SAMPLE_INFO);
    expect(defaultPeriod('sample')).toEqual({ startYear: plan.startYear, endYear: plan.endYear });
  });

  it('sets the period chosen on the plan handed to generation', async () => {
    const plan = await planFor('sample', 2024, 2026);
    expect([plan.startYear, plan.endYear, plan.sections]).toEqual([2024, 2026, (await samplePlan()).sections]);
  });
});
