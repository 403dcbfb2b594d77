import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { setDeskLanguage } from '../i18n';
import { StaffUsername } from './StaffUsername';

afterEach(() => setDeskLanguage('en'));

describe('StaffUsername', () => {
  it('says an account was renamed on sync, and why', () => {
    expect(renderToStaticMarkup(<StaffUsername username="admin-2" renamedFrom="admin" />)).toBe(
      'admin-2<span class="field-hint staff-renamed">Renamed from admin on sync: another account here had that username. Rename one of the two.</span>',
    );
    setDeskLanguage('es');
    expect(renderToStaticMarkup(<StaffUsername username="admin-2" renamedFrom="admin" />)).toContain('Renombrada desde admin al sincronizar');
    setDeskLanguage('fr');
    expect(renderToStaticMarkup(<StaffUsername username="admin-2" renamedFrom="admin" />)).toContain('Renommé depuis admin lors de la synchronisation\u00a0:');
  });

  it('shows the username alone otherwise', () => {
    expect(renderToStaticMarkup(<StaffUsername username="rita" renamedFrom={undefined} />)).toBe('rita');
  });
});
