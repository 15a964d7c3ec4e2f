import {
  IconArrowsSplit,
  IconFilter,
  IconGauge,
  IconHelpHexagon,
  IconInbox,
  IconMap2,
  IconPlayerPlay,
  IconRefresh,
  IconScale,
  IconShieldCheck,
  IconStar,
  IconUserCheck,
  type Icon,
} from '@tabler/icons-react';
import type { NodeType } from '@sras/engine';

const NODE_ICONS: Record<NodeType, Icon> = {
  source: IconPlayerPlay,
  filter: IconFilter,
  score: IconStar,
  branch: IconArrowsSplit,
  regionSplit: IconMap2,
  quota: IconGauge,
  dedup: IconShieldCheck,
  roundRobin: IconRefresh,
  leastLoaded: IconScale,
  assign: IconUserCheck,
  pool: IconInbox,
};

/** Icon of a node type; unknown types get a question mark. */
export function nodeIcon(type: string): Icon {
  return (NODE_ICONS as Record<string, Icon>)[type] ?? IconHelpHexagon;
}
