import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { text } from '../i18n';
import { AdminTableHead } from './AdminTableHead';

describe('AdminTableHead', () => {
  it('heads each column, then a buttons column named only for screen readers', () => {
    const html = renderToStaticMarkup(<table><AdminTableHead columns={['Day', 'Blocks']} /></table>);
    expect(html).toBe(`<table><thead><tr><th scope="col">Day</th><th scope="col">Blocks</th><th scope="col"><span class="sr-only">${text.admin.actions}</span></th></tr></thead></table>`);
  });

  it('leaves the buttons column out for a read-only table', () => {
    const html = renderToStaticMarkup(<table><AdminTableHead columns={['Name']} actions={false} /></table>);
    expect(html).toBe('<table><thead><tr><th scope="col">Name</th></tr></thead></table>');
  });
});
