import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import { loadEffectiveSettings, watchEffectiveSettings } from '../../utils/settings/storage';

/** The settings in force: the clinician's, under any policy IT manages; followed as they change. */
export function useSettingsInForce(): Settings {
  const queryClient = useQueryClient();
  const settings =
    useQuery({ queryKey: ['settings'], queryFn: loadEffectiveSettings }).data?.settings ?? DEFAULT_SETTINGS;
  useEffect(
    () => watchEffectiveSettings(() => void queryClient.invalidateQueries({ queryKey: ['settings'] })),
    [queryClient],
  );
  return settings;
}
