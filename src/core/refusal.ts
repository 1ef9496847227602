/**
 * An operation that will not go on with this workbook (a registry from a newer keytask, a
 * sheet keytask needs held by something it did not make): said in both languages, and each
 * host shows the user's. Hosts catch the class, not the text, so no refusal reaches a user as
 * an internal error.
 */
import type { Label, Lang } from './i18n';

export class Refusal extends Error {
  constructor(readonly text: Label) {
    // A host that shows the message as it is still shows something readable.
    super(`${text.zh} / ${text.en}`);
    this.name = 'Refusal';
  }

  describe(lang: Lang): string {
    return this.text[lang];
  }
}
