/**
 * Side effects enter stages through these small objects, so every stage is testable with
 * in-memory fakes and the real file system, console and clock stay at the edges (scripts/).
 */
export interface FileSystem {
  readFile(path: string): Promise<Uint8Array>;
  /** a file's size in bytes; optional (else its bytes are read to measure it) */
  size?(path: string): Promise<number>;
  /** bytes [start, end) of a file; optional (else a file cut between threads is read whole) */
  /** bytes [start, end) (fewer at the end of the file), into `into` when given (a buffer reused for pieces) */
  readRange?(path: string, start: number, end: number, into?: Uint8Array): Promise<Uint8Array>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** a directory entry exists, even a link that points nowhere (optional: lstat) */
  entryExists?(path: string): Promise<boolean>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string): Promise<void>;
  /** delete a file; no error when it is missing (optional: without it stale files stay) */
  remove?(path: string): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface Clock {
  now(): number;
}

export interface Effects {
  fs: FileSystem;
  log: Logger;
  clock: Clock;
}
