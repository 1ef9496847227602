import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useStrings } from '../i18n';

/** Placeholder for a tab whose feature lands in a later issue. */
export function ComingNext({ text }: { text: string }) {
  const s = useStrings();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{s.comingNext.title}</MessageBarTitle>
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}
