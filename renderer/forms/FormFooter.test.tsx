import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { text } from '../i18n';
import { FormError } from './FormError';
import { FormFooter } from './FormFooter';

const noop = () => undefined;

describe('FormError', () => {
  it('announces a sentence and shows nothing without one', () => {
    expect(renderToStaticMarkup(<FormError message="Server unreachable." />)).toBe('<p class="form-error" role="alert">Server unreachable.</p>');
    expect(renderToStaticMarkup(<FormError message="" />)).toBe('');
    expect(renderToStaticMarkup(<FormError />)).toBe('');
  });
});

describe('FormFooter', () => {
  it('offers Cancel and Save, the error above them', () => {
    const html = renderToStaticMarkup(<FormFooter error="Nothing was saved." busy={false} onCancel={noop} />);
    expect(html.indexOf('Nothing was saved.')).toBeLessThan(html.indexOf(text.app.cancel));
    expect(html).toContain(`<button type="submit" class="primary">${text.app.save}</button>`);
  });

  it('disables the submit button while saving and says so', () => {
    const html = renderToStaticMarkup(<FormFooter busy onCancel={noop} />);
    expect(html).toContain(`<button type="submit" class="primary" disabled="">${text.app.saving}</button>`);
    expect(html).not.toContain('role="alert"');
  });

  it('takes its own label and disabled rule when given', () => {
    const html = renderToStaticMarkup(<FormFooter busy={false} onCancel={noop} submitLabel="Book appointment" submitDisabled />);
    expect(html).toContain('<button type="submit" class="primary" disabled="">Book appointment</button>');
  });
});
