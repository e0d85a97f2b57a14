#!/usr/bin/env python3
"""KB allocated per request by part of the gateway and by innermost gateway method, from async-profiler's collapsed
allocation stacks (docs/bench/alloc-c1.sh: one sample per 16 KB allocated).

    alloc-sites.py alloc.collapsed REQUESTS [B.collapsed B_REQUESTS]   (with B: both side by side, largest change first)
"""
import collections
import re
import sys

SAMPLE_KB = 16.0
# a stack belongs to the first part whose package it passes through (outermost first: the PII engine called from the
# answer rewriting counts as the PII engine)
PARTS = [('PII engine', 'nl/dijkwacht/pii/'), ('purpose guard', 'nl/dijkwacht/purpose/'),
         ('audit record + store', 'nl/dijkwacht/audit/'), ('upstream call', 'nl/dijkwacht/invoke/'),
         ('answer rewriting', 'nl/dijkwacht/response/'), ('limits', 'nl/dijkwacht/limits/'),
         ('request reading (openai)', 'nl/dijkwacht/openai/'), ('redaction', 'nl/dijkwacht/redaction/'),
         ('routing', 'nl/dijkwacht/routing/'), ('telemetry', 'nl/dijkwacht/telemetry/'),
         ('identity', 'nl/dijkwacht/identity/'), ('policy', 'nl/dijkwacht/policy/'),
         ('pipeline', 'nl/dijkwacht/pipeline/'), ('handler and filters (api)', 'nl/dijkwacht/api/')]
SUFFIX = re.compile(r'_\[[a-z0-9]+\]')


def read(path, requests):
    parts, methods = collections.Counter(), collections.Counter()
    for line in open(path):
        stack, _, count = line.rstrip('\n').rpartition(' ')
        kb = int(count) * SAMPLE_KB / requests
        stack = SUFFIX.sub('', stack)
        part = next((name for name, package in PARTS if package in stack), 'outside the gateway\'s code (Tomcat, Spring, ...)')
        parts[part] += kb
        own = [f for f in stack.split(';') if f.startswith('nl/dijkwacht/')]
        methods[own[-1].replace('nl/dijkwacht/', '') if own else '(no gateway frame)'] += kb
    return parts, methods


def main():
    a = read(sys.argv[1], int(sys.argv[2]))
    b = read(sys.argv[3], int(sys.argv[4])) if len(sys.argv) > 4 else None
    for title, i, limit in (('part', 0, None), ('innermost gateway method', 1, 60)):
        keys = set(a[i]) | (set(b[i]) if b else set())
        if b:
            rows = sorted(keys, key=lambda k: -abs(b[i][k] - a[i][k]))[:limit]
            print(f'| {title} | A KB/req | B KB/req | B - A |\n|---|---:|---:|---:|')
            print(f'| all | {sum(a[i].values()):.1f} | {sum(b[i].values()):.1f} | {sum(b[i].values()) - sum(a[i].values()):+.1f} |')
            for k in rows:
                print(f'| {k} | {a[i][k]:.2f} | {b[i][k]:.2f} | {b[i][k] - a[i][k]:+.2f} |')
        else:
            print(f'| {title} | KB/req |\n|---|---:|\n| all | {sum(a[i].values()):.1f} |')
            for k, kb in a[i].most_common(limit):
                print(f'| {k} | {kb:.2f} |')
        print()


if __name__ == '__main__':
    main()
