import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { type Strings, StringsContext } from '../i18n';
import { retryFailedLoads } from './lazyPanel';

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
  /** a chunk of the pane that did not arrive, rather than a bug */
  notLoaded: boolean;
}

/** webpack's name for a chunk that failed to load (components/lazyPanel.tsx). */
function isLoadFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ChunkLoadError';
}

/**
 * A rendering bug must not leave clerks with a blank pane: they get a sentence in their
 * language and a way to try again; the details go to the console for whoever debugs it.
 */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = StringsContext;
  declare context: Strings;
  override state: State = { failed: false, notLoaded: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, notLoaded: isLoadFailure(error) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('keytask task pane error', error, info.componentStack);
  }

  private readonly retry = (): void => {
    retryFailedLoads();
    this.setState({ failed: false, notLoaded: false });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const s = this.context;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.state.notLoaded ? s.errors.loadTitle : s.errors.boundaryTitle}</MessageBarTitle>
          {this.state.notLoaded ? s.errors.loadBody : s.errors.boundaryBody}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>{s.errors.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
