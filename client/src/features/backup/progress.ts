import type { BackupProgress } from "../../api/backup";

/** Bytes moved → whole percent; null while the total is unknown or the server works. */
export function progressPercent(progress: BackupProgress): number | null {
  if (progress.phase === "waiting" || !progress.total) return null;
  return Math.min(100, Math.floor((progress.loaded / progress.total) * 100));
}
