import { useEffect, useState } from 'react';
import { importFlowFiles } from '../flows/flow-files';
import { useApi } from './api-context';

const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');

/** A .flow.json, n8n or Node-RED file dropped anywhere on the window is imported; palette drags are left alone. */
export function FileDrop() {
  const api = useApi();
  const [isOver, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => { if (hasFiles(e)) { depth++; setOver(true); } };
    const leave = (e: DragEvent) => { if (hasFiles(e) && --depth <= 0) { depth = 0; setOver(false); } };
    const over = (e: DragEvent) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer!.dropEffect = 'copy'; } };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      void importFlowFiles(api, [...(e.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [api]);
  if (!isOver) return null;
  return <div className="drop-overlay" aria-hidden="true"><div className="drop-card">Drop a .flow.json to import it</div></div>;
}
