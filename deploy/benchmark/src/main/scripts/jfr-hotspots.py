#!/usr/bin/env python3
"""Where the time goes in a JFR recording (docs/performance.md, "Profiling"): CPU samples by inclusive method (the
project's and the libraries' frames), by package of the leaf frame, and the longest waits (socket reads: PostgreSQL
answers; monitor and park: locks).

  python3 deploy/benchmark/src/main/scripts/jfr-hotspots.py deploy/benchmark/target/bench-logs/standalone-tuned-commands.jfr
"""
import collections, re, subprocess, sys

FRAME = re.compile(r'^\s+([\w$.<>]+)\((.*?)\)\s+line:')

def stacks(path, event):
    out = subprocess.run(['jfr', 'print', '--events', event, '--stack-depth', '96', path],
                         capture_output=True, text=True).stdout
    current, duration = None, None
    for line in out.splitlines():
        if line.startswith(event) or line.strip().startswith(event.split('.')[-1] + ' {') or line.endswith('{') and 'jdk.' in line:
            current, duration = [], None
        m = re.match(r'\s+duration = ([\d.]+) (ms|s|us)', line)
        if m and current is not None:
            v = float(m.group(1)); duration = v * (1000 if m.group(2) == 's' else 0.001 if m.group(2) == 'us' else 1)
        f = FRAME.match(line)
        if f and current is not None:
            current.append(f.group(1))
        if line.strip() == '}' and current:
            yield current, duration
            current = None

def group(method):
    for prefix in ('vn.ledger.', 'org.axonframework.', 'org.postgresql.', 'tools.jackson.', 'com.zaxxer.hikari.',
                   'org.springframework.security.', 'org.springframework.jdbc.', 'org.springframework.web.',
                   'org.springframework.', 'org.apache.', 'org.hibernate.validator.', 'io.micrometer.',
                   'org.flywaydb.', 'java.', 'jdk.', 'sun.'):
        if method.startswith(prefix):
            return prefix.rstrip('.')
    return method.rsplit('.', 2)[0]

def main(path, top=15):
    samples = list(stacks(path, 'jdk.ExecutionSample'))
    print(f'{path}: {len(samples)} CPU samples')
    leaf = collections.Counter(group(s[0]) for s, _ in samples if s)
    print('  leaf frame by package:', ', '.join(f'{k} {100*v/len(samples):.0f}%' for k, v in leaf.most_common(10)))
    inclusive = collections.Counter()
    for s, _ in samples:
        for m in set(s):
            if m.startswith(('vn.ledger.', 'org.axonframework.')) and 'Filter' not in m \
                    and not m.startswith(('org.axonframework.tracing', 'org.axonframework.messaging.unitofwork',
                                          'org.axonframework.messaging.interceptors', 'org.axonframework.common.transaction')):
                inclusive[m] += 1
    deepest = collections.Counter()
    for s, _ in samples:
        m = next((m for m in s if m.startswith(('vn.ledger.', 'org.axonframework.', 'org.postgresql.', 'tools.jackson.',
                                                  'org.springframework.security.crypto', 'org.hibernate.validator.',
                                                  'io.micrometer.', 'org.apache.coyote.', 'org.apache.tomcat.'))), None)
        deepest[group(m) if m else 'other (JDK, Spring, Tomcat glue)'] += 1
    print('  by the deepest frame of a known component:', ', '.join(
        f'{k} {100*v/len(samples):.0f}%' for k, v in deepest.most_common(10)))
    print('  inclusive, project and Axon methods (share of CPU samples whose stack holds the method):')
    for m, n in inclusive.most_common(top):
        print(f'    {100*n/len(samples):5.1f}%  {m}')
    for event in ('jdk.SocketRead', 'jdk.JavaMonitorEnter', 'jdk.ThreadPark'):
        waits = collections.defaultdict(lambda: [0, 0.0])
        for s, d in stacks(path, event):
            key = next((m for m in s if m.startswith('vn.ledger.')), None) or \
                  next((m for m in s if m.startswith('org.axonframework.')), s[0] if s else '?')
            waits[key][0] += 1; waits[key][1] += d or 0
        if waits:
            print(f'  {event} (count, total ms) by the first project frame:')
            for k, (n, ms) in sorted(waits.items(), key=lambda kv: -kv[1][1])[:6]:
                print(f'    {n:6d} {ms:10.0f} ms  {k}')

if __name__ == '__main__':
    for p in sys.argv[1:]:
        main(p)
