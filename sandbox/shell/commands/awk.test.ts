import { describe, expect, it } from 'vitest';
import { runAwk } from './awk.js';

const table = 'NAME   READY   STATUS\nweb-1  1/1     Running\nweb-2  0/1     Pending\n';

describe('awk', () => {
  it('prints fields, skips headers and filters', () => {
    expect(runAwk('{print $1}', table, ' ', [])).toBe('NAME\nweb-1\nweb-2\n');
    expect(runAwk('NR>1 {print $1, $NF}', table, ' ', [])).toBe('web-1 Running\nweb-2 Pending\n');
    expect(runAwk('/Running/', table, ' ', [])).toBe('web-1  1/1     Running\n');
    expect(runAwk('$3 == "Pending" {print $1}', table, ' ', [])).toBe('web-2\n');
  });
  it('sums, counts and formats', () => {
    expect(runAwk('{s += $1} END {print s, NR}', '1\n2\n3\n', ' ', [])).toBe('6 3\n');
    expect(runAwk('{printf "%-5s|%3d\\n", $1, $2}', 'a 7\n', ' ', [])).toBe('a    |  7\n');
    expect(runAwk('BEGIN {print "start"} END {print "n=" NR}', 'x\n', ' ', [])).toBe('start\nn=1\n');
  });
  it('splits on -F and uses -v variables and string functions', () => {
    expect(runAwk('{print $2}', 'a:b:c\n', ':', [])).toBe('b\n');
    expect(runAwk('{print toupper($1) suffix}', 'web\n', ' ', [['suffix', '!']])).toBe('WEB!\n');
    expect(runAwk('$1 ~ /^web/ {c++} END {print c}', table, ' ', [])).toBe('2\n');
  });
});
