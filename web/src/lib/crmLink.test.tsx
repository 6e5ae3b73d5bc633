import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CrmLinkTitle, safeHttpUrl } from './crmLink';

describe('CRM links', () => {
  it('renders a title with an http(s) url as a link that opens apart', () => {
    const html = renderToStaticMarkup(<CrmLinkTitle title="Call Reza back" url="https://crm.example.com/tasks/T%2042" />);
    expect(html).toBe('<a href="https://crm.example.com/tasks/T%2042" target="_blank" rel="noopener noreferrer"><bdi>Call Reza back</bdi></a>');
  });
  it('renders plain text without a url or for another scheme', () => {
    expect(renderToStaticMarkup(<CrmLinkTitle title="قرارداد" url={null} />)).toBe('<bdi>قرارداد</bdi>');
    expect(renderToStaticMarkup(<CrmLinkTitle title="x" url="javascript:alert(1)" />)).toBe('<bdi>x</bdi>');
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
