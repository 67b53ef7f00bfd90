// Structured logs: one JSON object a line on stdout (stderr for errors), with time, level and
// message, plus any fields. What a log collector (Loki, CloudWatch, kubectl logs | jq) wants.
export type Level = 'debug' | 'info' | 'warn' | 'error';

export type Logger = (message: string, fields?: Record<string, unknown> & { level?: Level }) => void;

export function jsonLogger(base: Record<string, unknown> = {}, write: (line: string, level: Level) => void = defaultWrite): Logger {
  return (message, fields = {}) => {
    const { level = 'info', ...rest } = fields;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...base, ...rest }), level);
  };
}

function defaultWrite(line: string, level: Level): void {
  if (level === 'error') console.error(line);
  else console.log(line);
}
