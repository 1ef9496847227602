import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type Strings, StringsContext } from '../i18n';

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

/**
 * A rendering bug must not leave clerks with a blank pane: they get a sentence in their
 * language and a way to try again; the details go to the console for whoever debugs it.
 */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = StringsContext;
  declare context: Strings;
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('keytask task pane error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const s = this.context;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{s.errors.boundaryTitle}</MessageBarTitle>
          {s.errors.boundaryBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ failed: false })}>{s.errors.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
