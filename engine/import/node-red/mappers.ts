import { mapChange } from './map-change';
import { mapFunction } from './map-function';
import { mapHttpIn, mapHttpRequest, mapHttpResponse } from './map-http';
import { mapInject } from './map-inject';
import { mapComment, mapDebug, mapDelay, mapJson, mapRange, unsupported } from './map-misc';
import { mapCsv, mapJoin, mapSplit } from './map-sequence';
import { mapFileIn, mapFileOut, mapMysql, mapPostgres } from './map-storage';
import { mapSwitch } from './map-switch';
import { mapTemplate } from './map-template';
import type { Mapper } from './mapping';

/** Node-RED node type → its mapper. Types not listed become placeholders. */
export function mapperFor(type: string, flowAnswersHttp: boolean): Mapper {
  switch (type) {
    case 'inject': return mapInject;
    case 'function': return mapFunction;
    case 'change': return mapChange;
    case 'switch': return mapSwitch;
    case 'template': return mapTemplate;
    case 'json': return mapJson;
    case 'range': return mapRange;
    case 'csv': return mapCsv;
    case 'split': return mapSplit;
    case 'join': return mapJoin;
    case 'delay': return mapDelay;
    case 'debug': return mapDebug;
    case 'comment': return mapComment;
    case 'http in': return (m) => mapHttpIn(m, flowAnswersHttp);
    case 'http response': return mapHttpResponse;
    case 'http request': return mapHttpRequest;
    case 'file in': return mapFileIn;
    case 'file': return mapFileOut;
    case 'postgresql': return mapPostgres;
    case 'mysql': return mapMysql;
    default: return unsupported;
  }
}

/** A readable base name for an unnamed node: "http request" → "Http request". */
export const typeLabel = (type: string) => (type.startsWith('subflow:') ? 'Subflow' : type.charAt(0).toUpperCase() + type.slice(1));
