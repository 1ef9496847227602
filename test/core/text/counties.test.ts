import { parseCounties } from '../../../src/core/text/counties';
import { parseCounties as cliParseCounties } from '../../../src/cli/planInput';
import { parseCounties as paneParseCounties } from '../../../src/taskpane/input';

describe('one county-list parser', () => {
  it('splits on what a command line uses: , ， 、', () => {
    expect(parseCounties('新密市,登封市，荥阳市、巩义市')).toEqual(['新密市', '登封市', '荥阳市', '巩义市']);
    expect(parseCounties(' 新密市 , 登封市 ')).toEqual(['新密市', '登封市']);
  });

  it('splits on what a pasted document uses: line breaks, tabs, ; ；, full-width spaces', () => {
    expect(parseCounties('新密市\n登封市\r\n荥阳市\t巩义市;中牟县；上街区\u3000惠济区')).toEqual([
      '新密市',
      '登封市',
      '荥阳市',
      '巩义市',
      '中牟县',
      '上街区',
      '惠济区',
    ]);
  });

  it('keeps English names whole, drops blanks and repeats in the order typed', () => {
    expect(parseCounties('Xinmi City, Dengfeng City')).toEqual(['Xinmi City', 'Dengfeng City']);
    expect(parseCounties('登封市,,新密市、、登封市\n\n新密市')).toEqual(['登封市', '新密市']);
    expect(parseCounties('')).toEqual([]);
    expect(parseCounties(undefined)).toEqual([]);
    expect(parseCounties(' ,、\n')).toEqual([]);
  });

  it('is the one the CLI and the pane use', () => {
    expect(cliParseCounties).toBe(parseCounties);
    expect(paneParseCounties).toBe(parseCounties);
  });
});
