/** Public surface of the flow editor feature. */
export { EditorScreen } from './EditorScreen';
export { FlowCanvasView, type FlowCanvasViewProps } from './FlowCanvasView';
export { datasetColumnsOf } from './environment/useStoredEnvironment';
