import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCrmOverlay } from './run-overlay.tsx';
import './highlight.css';

/**
 * The CRM page overlay. Registered at run time (lib/background/page-registration.ts) for the
 * CRM sites the agent or policy enabled, in all their frames: never in the manifest, so it
 * runs nowhere else.
 */
export default defineContentScript({
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  // highlight.css is registered next to the script (content-scripts/crm.css).
  cssInjectionMode: 'manual',
  main(ctx) {
    void runCrmOverlay(ctx);
  },
});
