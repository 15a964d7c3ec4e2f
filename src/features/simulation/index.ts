/** Public surface of the simulation feature. */
export {
  SimulationOverlayContext,
  withEdgeOverlay,
  type SimulationOverlay,
} from './overlay/simulation-overlay';
export { useNodeSimulationOverlay, useSimulationOverlay } from './overlay/useSimulationOverlay';
export { SimulateButton } from './ui/SimulateButton';
