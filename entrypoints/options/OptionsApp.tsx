import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import type { AgentSettings, UiLanguage } from '@/lib/settings/agent-settings';
import type { LoginDefaults } from '@/lib/settings/login-defaults';
import type { OverlaySettings } from '@/lib/settings/overlay-settings';
import { signInLocks, withManaged } from '@/lib/settings/sign-in-defaults';
import { diagnosticsFile } from '@/lib/settings/diagnostics-file';
import type { ScreenPopSettings } from '@/lib/settings/screen-pop-rules';
import { managedScreenPop } from '@/lib/settings/managed-screen-pop';
import { noPolicy, type PolicyView } from '@/lib/settings/policy-view';
import { SignInSection, type SignInValues } from '@/components/options/SignInSection';
import { RegionSection } from '@/components/options/RegionSection';
import { CrmSitesSection } from '@/components/options/CrmSitesSection';
import { CallerNameSection } from '@/components/options/CallerNameSection';
import { InternalNumbersSection } from '@/components/options/InternalNumbersSection';
import { ClickToCallSection } from '@/components/options/ClickToCallSection';
import { NotificationsSection } from '@/components/options/NotificationsSection';
import { ScreenPopSection } from '@/components/options/ScreenPopSection';
import { LanguageSection } from '@/components/options/LanguageSection';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { DiagnosticsSection } from '@/components/options/DiagnosticsSection';
import { WrapUpSection } from '@/components/options/WrapUpSection';
import type { WrapUpSettings } from '@/lib/settings/wrap-up-settings';
import { DirectorySection } from '@/components/options/DirectorySection';
import {
  directoryInForce,
  directoryLocks,
  type DirectorySettings,
} from '@/lib/directory/directory-settings';
import { DialPlanSection } from '@/components/options/DialPlanSection';
import { AwaySection } from '@/components/options/AwaySection';
import type { AwaySettingsValue } from '@/lib/settings/away-settings';
import type { DialRule } from '@/lib/dial-plan/types';
import { serialPatches } from '@/lib/settings/serial-patches';
import { browserOptionsDeps, type OptionsDeps } from './deps';

interface Loaded {
  settings: AgentSettings;
  policy: PolicyView;
  overlay: OverlaySettings;
  login: LoginDefaults;
}

/**
 * The options page. Each section saves its own change at once (the sign-in fields on
 * "Save") and says so; what policy fixes is shown read-only.
 */
export function OptionsApp({ deps: given }: { deps?: OptionsDeps }) {
  const deps = useMemo(() => given ?? browserOptionsDeps(), []);
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [screenPop, setScreenPop] = useState<ScreenPopSettings | undefined>(undefined);
  const [wrapUp, setWrapUp] = useState<WrapUpSettings | undefined>(undefined);
  const [managedWrapUp, setManagedWrapUp] = useState<Partial<WrapUpSettings>>({});
  const [directory, setDirectory] = useState<DirectorySettings | undefined>(undefined);
  const [dialRules, setDialRules] = useState<DialRule[] | undefined>(undefined);
  const [away, setAway] = useState<AwaySettingsValue | undefined>(undefined);
  const [managedAway, setManagedAway] = useState<Partial<AwaySettingsValue>>({});
  // Bumped when the language changes: every text is read again.
  const [languageEpoch, setLanguageEpoch] = useState(0);
  const patchSettings = useMemo(() => serialPatches(deps.settings), [deps]);
  const patchOverlay = useMemo(() => serialPatches(deps.overlay), [deps]);

  useEffect(() => {
    // The page shows once policy is known: nothing it locks ever shows as editable.
    Promise.all([
      deps.settings.get(),
      deps.policy().catch(noPolicy),
      deps.loginDefaults.load(),
      deps.overlay.get(),
    ])
      .then(([settings, policy, login, overlay]) => setLoaded({ settings, policy, login, overlay }))
      .catch(() => undefined);
    deps.screenPop.load().then(setScreenPop, () => undefined);
    deps.directory?.get().then(setDirectory, () => undefined);
    deps.dialPlan?.get().then(
      (s) => setDialRules(s.rules),
      () => undefined,
    );
    if (deps.away) {
      const { get, managed } = deps.away;
      Promise.all([get(), managed().catch(() => ({}))]).then(
        ([own, policy]) => {
          setManagedAway(policy);
          setAway(own);
        },
        () => undefined,
      );
    }
    if (deps.wrapUp) {
      const { get, managed } = deps.wrapUp;
      Promise.all([get(), managed().catch(() => ({}))]).then(
        ([own, policy]) => {
          setManagedWrapUp(policy);
          setWrapUp(own);
        },
        () => undefined,
      );
    }
  }, []);

  if (!loaded) {
    return (
      <main class="options">
        <p class="muted" role="status">
          {t('loading')}
        </p>
      </main>
    );
  }

  const { settings, policy } = loaded;
  const locks = signInLocks(policy);
  const login = withManaged(loaded.login, policy);

  const saveSettings = async (patch: Partial<AgentSettings>) => {
    const next = await patchSettings(patch);
    setLoaded((l) => (l ? { ...l, settings: next } : l));
    return next;
  };

  const saveOverlay = async (patch: Partial<OverlaySettings>) => {
    const next = await patchOverlay(patch);
    setLoaded((l) => (l ? { ...l, overlay: next } : l));
  };

  const saveSignIn = async (values: SignInValues) => {
    await deps.loginDefaults.save({
      serverUrl: locks.serverUrl ? loaded.login.serverUrl : values.serverUrl,
      username: locks.username ? loaded.login.username : values.username,
    });
    const fresh = await deps.loginDefaults.load();
    setLoaded((l) => (l ? { ...l, login: fresh } : l));
    if (!locks.autoLogin) await saveSettings({ signInAtStartup: values.signInAtStartup });
  };

  const saveScreenPop = async (change: Partial<ScreenPopSettings>) => {
    if (!screenPop) return;
    await deps.screenPop.save({ ...screenPop, ...change });
    setScreenPop(await deps.screenPop.load());
  };

  const exportDiagnostics = async () => {
    const file = diagnosticsFile(await deps.exportDiagnostics(), {
      extensionVersion: deps.extensionVersion(),
      userAgent: navigator.userAgent,
      settings,
    });
    deps.download(file.fileName, file.text);
    return file.fileName;
  };

  const changeLanguage = async (language: UiLanguage) => {
    await saveSettings({ language });
    await deps.applyLanguage(language);
    document.title = t('optionsTitle');
    setLanguageEpoch((n) => n + 1);
  };

  return (
    <main class="options" key={languageEpoch}>
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      <SignInSection
        values={{
          ...login,
          signInAtStartup: policy.autoLogin ?? settings.signInAtStartup,
        }}
        locks={locks}
        onSave={saveSignIn}
      />
      <RegionSection
        region={settings.region}
        onChange={async (region) => {
          const next = await saveSettings({ region });
          deps.applyRegion(next.region);
        }}
      />
      <CrmSitesSection
        sites={settings.crmSites}
        managedSites={policy.crmSites ?? []}
        policyProblems={policy.problems.filter((p) => p.key === 'crmSites')}
        access={deps.sites}
        serverUrls={[login.serverUrl, loaded.login.serverUrl]}
        onChange={async (crmSites) => void (await saveSettings({ crmSites }))}
      />
      <InternalNumbersSection />
      <ClickToCallSection
        confirmBeforeDial={policy.confirmBeforeDial ?? loaded.overlay.confirmBeforeDial}
        locked={policy.confirmBeforeDial !== undefined}
        onChange={(confirmBeforeDial) => saveOverlay({ confirmBeforeDial })}
      />
      <NotificationsSection
        {...(screenPop
          ? {
              desktop: screenPop.notifications,
              userDataKey: screenPop.notificationUserDataKey,
            }
          : {})}
        ringTone={settings.ringTone}
        onDesktop={(notifications) => saveScreenPop({ notifications })}
        onUserDataKey={(notificationUserDataKey) => saveScreenPop({ notificationUserDataKey })}
        onRingTone={async (ringTone) => void (await saveSettings({ ringTone }))}
        playSample={deps.playRingSample}
      />
      <CallerNameSection
        nameKey={settings.partyNameKey}
        onChange={async (partyNameKey) => void (await saveSettings({ partyNameKey }))}
      />
      {deps.directory ? (
        <DirectorySection
          {...(directory ? { settings: directoryInForce(directory, policy) } : {})}
          locks={directoryLocks(policy)}
          policyProblems={policy.problems.filter(
            (p) => p.key === 'directoryFavourites' || p.key === 'directorySpeedDials',
          )}
          onSave={async (list, entries) => {
            if (!directory || !deps.directory) return;
            setDirectory(await deps.directory.set({ ...directory, [list]: entries }));
          }}
        />
      ) : null}
      <ScreenPopSection
        {...(screenPop ? { settings: screenPop } : {})}
        managed={managedScreenPop(policy)}
        region={settings.region}
        onSaveRules={(rules) => saveScreenPop({ rules })}
        onSaveBaseUrl={(crmBaseUrl) => saveScreenPop({ crmBaseUrl })}
        download={deps.download}
      />
      {deps.dialPlan ? (
        <DialPlanSection
          {...(dialRules ? { rules: dialRules } : {})}
          {...(policy.dialPlanRules ? { managed: policy.dialPlanRules } : {})}
          policyProblems={policy.problems.filter((p) => p.key === 'dialPlanRules')}
          region={settings.region}
          onSave={async (rules) => {
            const saved = await deps.dialPlan?.set({ rules });
            if (saved) setDialRules(saved.rules);
          }}
        />
      ) : null}
      {deps.away ? (
        <AwaySection
          {...(away ? { settings: away } : {})}
          managed={managedAway}
          onSave={async (next) => {
            const saved = await deps.away?.set(next);
            if (saved) setAway(saved);
          }}
        />
      ) : null}
      {deps.wrapUp ? (
        <WrapUpSection
          {...(wrapUp ? { settings: wrapUp } : {})}
          managed={managedWrapUp}
          onSave={async (next) => {
            const saved = await deps.wrapUp?.set(next);
            if (saved) setWrapUp(saved);
          }}
        />
      ) : null}
      <LanguageSection language={settings.language} onChange={changeLanguage} />
      <ShortcutsSection
        load={deps.shortcuts}
        numbers={{
          shortcut: loaded.overlay.numbersShortcut,
          onChange: (numbersShortcut) => saveOverlay({ numbersShortcut }),
        }}
        {...(deps.openShortcutEditor ? { openEditor: deps.openShortcutEditor } : {})}
      />
      <DiagnosticsSection onExport={exportDiagnostics} />
    </main>
  );
}
