import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowProblem, Rep } from '@sras/engine';
import { registerEngineMessages } from '../problems/engine-messages';
import type { LeadFieldKind } from '../conditions/lead-fields';
import { repDisplayName } from '../model/node-presentation';

/** A column of a dataset stored in the browser, offered as a lead field. */
export interface DatasetColumn {
  name: string;
  kind?: LeadFieldKind;
  /** The column's spreadsheet header, for a column not mapped to a standard field. */
  header?: string;
}

/** What the editor reads from outside the flow document: reps, dataset columns, problems. */
export interface EditorEnvironment {
  reps: readonly Rep[];
  datasetColumns: readonly DatasetColumn[];
  problems: readonly FlowProblem[];
  problemsByNode: ReadonlyMap<string, readonly FlowProblem[]>;
  /** Display names of the reps by id, built once for every node card. */
  repNames: ReadonlyMap<string, string>;
}

const EMPTY_ENVIRONMENT: EditorEnvironment = {
  reps: [],
  datasetColumns: [],
  problems: [],
  problemsByNode: new Map(),
  repNames: new Map(),
};

const EditorEnvironmentContext = createContext<EditorEnvironment>(EMPTY_ENVIRONMENT);

/** Provide reps, dataset columns and problems to the editor's components. */
export function EditorEnvironmentProvider({
  reps,
  datasetColumns,
  problems,
  children,
}: Omit<EditorEnvironment, 'problemsByNode' | 'repNames'> & { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Problem and connection messages come from the engine's catalogue.
  registerEngineMessages(i18n);

  const repNames = useMemo(() => new Map(reps.map((rep) => [rep.id, repDisplayName(rep)])), [reps]);

  const value = useMemo(() => {
    const problemsByNode = new Map<string, FlowProblem[]>();
    for (const problem of problems) {
      if (problem.nodeId === undefined) continue;
      const list = problemsByNode.get(problem.nodeId) ?? [];
      list.push(problem);
      problemsByNode.set(problem.nodeId, list);
    }
    return { reps, datasetColumns, problems, problemsByNode, repNames };
  }, [reps, datasetColumns, problems, repNames]);

  return (
    <EditorEnvironmentContext.Provider value={value}>{children}</EditorEnvironmentContext.Provider>
  );
}

export function useEditorEnvironment(): EditorEnvironment {
  return useContext(EditorEnvironmentContext);
}

/** Problems of one node; the same array while they do not change. */
export function useNodeProblems(nodeId: string): readonly FlowProblem[] {
  return useContext(EditorEnvironmentContext).problemsByNode.get(nodeId) ?? NO_PROBLEMS;
}

const NO_PROBLEMS: readonly FlowProblem[] = [];
