/** Plain shapes the API shares with the renderer (no Node imports here). */
export interface ConnectionUse { flowId: string; flowName: string; nodeId: string; nodeName: string; slot: string }

/** The outcome of "Test connection", in a sentence a person understands. */
export interface TestResult { ok: boolean; message: string; status?: number }
