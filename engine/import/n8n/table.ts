/**
 * Which mapping function handles an n8n node: by type and typeVersion range. A type or version
 * not listed becomes a placeholder. Sticky notes are not nodes in Junction (workflow.ts turns
 * them into canvas notes).
 */
import type { Mapper } from './context';
import { mapFilter, mapIf, mapSwitch } from './branching';
import { mapCode, mapFunction, mapFunctionItem } from './code';
import { mapEmailRead, mapEmailSend } from './connectors/email';
import { mapConvertToFile, mapExtractFromFile, mapReadBinary, mapReadWriteFile, mapSpreadsheet, mapWriteBinary } from './connectors/files';
import { mapMySql } from './connectors/mysql';
import { mapPostgres } from './connectors/postgres';
import { mapRedis } from './connectors/redis';
import { mapExecuteWorkflow, mapNoop, mapWait } from './flow-nodes';
import { mapHttp } from './http';
import { mapAggregate, mapItemLists, mapLimit, mapLoop, mapRemoveDuplicates, mapSort, mapSplitOut, mapSummarize } from './items';
import { mapMerge } from './merge';
import { mapRenameKeys, mapSet } from './set';
import { mapCron, mapInterval, mapManual, mapRespond, mapSchedule, mapWebhook } from './triggers';

interface Entry { type: string; versions: [min: number, max: number]; map: Mapper }

const ANY: [number, number] = [0, Infinity];
const base = (name: string, map: Mapper, versions = ANY): Entry => ({ type: `n8n-nodes-base.${name}`, versions, map });

export const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

export const TABLE: Entry[] = [
  base('manualTrigger', mapManual), base('start', mapManual),
  base('scheduleTrigger', mapSchedule, [1, 1.99]), base('cron', mapCron, [1, 1]), base('interval', mapInterval, [1, 1]),
  base('webhook', mapWebhook, [1, 2.99]), base('respondToWebhook', mapRespond, [1, 1.99]),
  base('set', mapSet, [1, 3.99]), base('renameKeys', mapRenameKeys, [1, 1.99]),
  base('if', mapIf, [1, 2.99]), base('filter', mapFilter, [1, 2.99]), base('switch', mapSwitch, [1, 3.99]),
  base('merge', mapMerge, [1, 3.99]),
  base('sort', mapSort, [1, 1.99]), base('limit', mapLimit, [1, 1.99]), base('removeDuplicates', mapRemoveDuplicates, [1, 2.99]),
  base('aggregate', mapAggregate, [1, 1.99]), base('summarize', mapSummarize, [1, 1.99]), base('splitOut', mapSplitOut, [1, 1.99]),
  base('itemLists', mapItemLists, [1, 3.99]), base('splitInBatches', mapLoop, [1, 3.99]),
  base('wait', mapWait, [1, 1.99]), base('noOp', mapNoop),
  base('code', mapCode, [1, 2.99]), base('function', mapFunction, [1, 1]), base('functionItem', mapFunctionItem, [1, 1]),
  base('httpRequest', mapHttp, [1, 4.99]),
  base('executeWorkflow', mapExecuteWorkflow),
  // Connector nodes written alongside the importer (connectors/*.ts say which params they get).
  base('postgres', mapPostgres, [1, 2.99]), base('mySql', mapMySql, [1, 2.99]), base('redis', mapRedis, [1, 1.99]),
  base('emailSend', mapEmailSend, [1, 2.99]), base('emailReadImap', mapEmailRead, [1, 2.99]),
  base('readBinaryFile', mapReadBinary, [1, 1]), base('readBinaryFiles', mapReadBinary, [1, 1]), base('writeBinaryFile', mapWriteBinary, [1, 1]),
  base('readWriteFile', mapReadWriteFile, [1, 1.99]), base('spreadsheetFile', mapSpreadsheet, [1, 2.99]),
  base('extractFromFile', mapExtractFromFile, [1, 1.99]), base('convertToFile', mapConvertToFile, [1, 1.99]),
];

/** The mapping function for a type and version, or undefined (→ placeholder). */
export function mapperFor(type: string, version: number): Mapper | undefined {
  return TABLE.find((e) => e.type === type && version >= e.versions[0] && version <= e.versions[1])?.map;
}

/** Whether Junction knows the type at some other version (for a clearer report line). */
export const knowsType = (type: string) => TABLE.some((e) => e.type === type);
