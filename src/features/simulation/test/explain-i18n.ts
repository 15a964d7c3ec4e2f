import i18next from 'i18next';
import enEditor from '../../../locales/en/editor.json';
import enSimulation from '../../../locales/en/simulation.json';
import zhEditor from '../../../locales/zh-CN/editor.json';
import zhSimulation from '../../../locales/zh-CN/simulation.json';
import type { Translate } from '../explain/explain.types';

/** A `t` of the simulation namespace in one language, from the real catalogues. */
export async function simulationTranslate(language: 'en' | 'zh-CN'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'simulation',
    interpolation: { escapeValue: false },
    resources: {
      en: { simulation: enSimulation, editor: enEditor },
      'zh-CN': { simulation: zhSimulation, editor: zhEditor },
    },
  });
  const t = instance.getFixedT(language, 'simulation');
  return (key, params) => t(key, params ?? {});
}
