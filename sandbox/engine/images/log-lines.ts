// Renders an image's start-up log templates: each image stamps its own time format, and some
// mention the pod's IP or the node's kernel. Placeholders: {nginxTime} {apacheTime} {redisTime}
// {podIP} {kernel}.

export interface LogContext {
  nowMs: number;
  podIP: string;
  kernel: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(ms: number) {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), wd: d.getUTCDay() };
}

/** 2024/10/02 10:00:00 */
export function nginxTime(ms: number): string {
  const p = parts(ms);
  return `${p.y}/${pad(p.mo + 1)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`;
}

/** Wed Oct 02 10:00:00.123456 2024 */
export function apacheTime(ms: number): string {
  const p = parts(ms);
  return `${DAYS[p.wd]} ${MONTHS[p.mo]} ${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}000 ${p.y}`;
}

/** 02 Oct 2024 10:00:00.123 */
export function redisTime(ms: number): string {
  const p = parts(ms);
  return `${pad(p.d)} ${MONTHS[p.mo]} ${p.y} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}.${pad(p.ms, 3)}`;
}

export function renderLogLine(template: string, ctx: LogContext): string {
  return template
    .replaceAll('{nginxTime}', nginxTime(ctx.nowMs))
    .replaceAll('{apacheTime}', apacheTime(ctx.nowMs))
    .replaceAll('{redisTime}', redisTime(ctx.nowMs))
    .replaceAll('{podIP}', ctx.podIP)
    .replaceAll('{kernel}', ctx.kernel);
}
