import { Component, type ReactNode } from 'react';

/** Keeps one broken part (a conversation, a panel) from blanking the whole page; offers a retry. */
export class ErrorBoundary extends Component<{ fallback: (retry: () => void, error: Error) => ReactNode; children: ReactNode; resetKey?: string },
  { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(prev: { resetKey?: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (this.state.error) return this.props.fallback(() => this.setState({ error: null }), this.state.error);
    return this.props.children;
  }
}
