import { render } from 'preact';
import { applyPageSettings } from '@/lib/settings/page-settings';
import { t } from '@/lib/i18n/messages';
import { OptionsApp } from './OptionsApp';
import '../popup/style.css';
import './style.css';

void applyPageSettings()
  .catch(() => undefined)
  .then(() => {
    document.title = t('optionsTitle');
    render(<OptionsApp />, document.getElementById('app')!);
  });
