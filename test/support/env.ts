/**
 * Which external programs the slower tests need, and what to do when one is missing:
 * on a developer's machine such a test is skipped with a plain message naming the command
 * that enables it; under CI (CI=true) nothing may be skipped, so the test fails instead.
 */
import { existsSync } from 'fs';
import { execFileSync } from 'child_process';

export const ENABLE_COMMAND = 'apt-get install -y chromium libreoffice-calc libreoffice-writer fonts-noto-cjk libxml2-utils';

function onPath(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const CHROMIUM = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
export const SOFFICE = onPath('soffice') ?? onPath('libreoffice');
export const XMLLINT = onPath('xmllint');

export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * `describe` when the tool is there; otherwise `describe.skip` with a note (or, under CI,
 * a failing test saying what is missing).
 */
export function describeWith(tool: string | null, what: string, name: string, body: () => void): void {
  if (tool) {
    describe(name, body);
    return;
  }
  const note = `${what} not found: skipped "${name}". Enable with: ${ENABLE_COMMAND}`;
  if (IN_CI) {
    describe(name, () => {
      it(`needs ${what}`, () => {
        throw new Error(`${what} is required under CI. ${note}`);
      });
    });
    return;
  }
  console.warn(note);
  describe.skip(name, body);
}
