import { NewerRegistryError } from '../../src/core/sheet/registry';
import { EN } from '../../src/taskpane/englishStrings';
import { ZH } from '../../src/taskpane/i18n';
import { errorMessage } from '../../src/taskpane/input';

describe('the pane says errors in its own language', () => {
  it('a refusal in the pane language only, not both at once', () => {
    const e = new NewerRegistryError(99);
    expect(errorMessage(e, ZH)).toBe('此工作簿由更新版本的 keytask 生成(登记表版本 99),请升级 keytask 后再操作');
    expect(errorMessage(e, EN)).toMatch(/^This workbook was made by a newer keytask \(registry version 99\)/);
  });

  it('an Office error by its first line and code, never a stack', () => {
    const e = Object.assign(new Error('The request payload size has exceeded the limit.\n    at x (y.js:1:2)'), {
      code: 'RequestPayloadSizeLimitExceeded',
    });
    expect(errorMessage(e, ZH)).toBe('The request payload size has exceeded the limit. (RequestPayloadSizeLimitExceeded)');
  });
});
