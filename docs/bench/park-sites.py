#!/usr/bin/env python3
"""The report of docs/bench/park-sites.sh: per window, what a request's parks cost.

    park-sites.py OUT_DIR

alloc-c<N>:    KB per request in jdk.internal.vm.StackChunk (16 KB a sample), and by the park that froze them
cpu-c<N>:      µs per request in freezing, thawing and stack-chunk work by the collector (share of the samples x the
               process's CPU per request)
parks-c<N>:    VirtualThread.yieldContinuation calls per request by site, with the stack's depth in frames
unmounts-c<N>: VirtualThread.afterYield calls per request (every unmount)
chunks-c<N>:   the stack chunks' share of the heap allocated (JFR: every TLAB refill weighted by the TLAB's size, every
               allocation outside a TLAB by its size) times the heap per request of the alloc window, by the park that
               froze them; and the live chunks (class histograms: parked requests) with their mean size
"""
import collections
import glob
import os
import re
import statistics
import subprocess
import sys

SAMPLE_KB = 16.0
SUFFIX = re.compile(r'_\[[a-z0-9]+\]')
# the JDK's own wait under a site: the innermost of these names the kind of wait
WAITS = [('socket read', 'sun/nio/ch/NioSocketImpl.'), ('socket read', 'sun/nio/ch/NioSocketImpl.park'),
         ('future get', 'java/util/concurrent/CompletableFuture.'), ('lock', 'java/util/concurrent/locks/ReentrantLock.'),
         ('lock', 'java/util/concurrent/locks/ReentrantReadWriteLock'), ('semaphore', 'java/util/concurrent/Semaphore.'),
         ('queue', 'java/util/concurrent/LinkedBlockingQueue.'), ('queue', 'java/util/concurrent/SynchronousQueue.'),
         ('sleep', 'java/lang/Thread.sleep'), ('condition', 'AbstractQueuedSynchronizer$ConditionObject.')]
# a CPU sample is put under a kind by the VM frames on top of its innermost Java frame (cont_returnBarrier also sits
# inside every stack that runs on thawed frames: only on top does it mean thawing), or by that Java frame
CPU_KINDS = [('freeze (copying a parking thread\'s frames into its chunk)', re.compile(r'[Ff]reeze'), ('jdk/internal/vm/Continuation.doYield',)),
             ('thaw (copying them back, also lazily on return)', re.compile(r'[Tt]haw|cont_returnBarrier'), ()),
             ('stack chunks, other VM work (the collector)', re.compile(r'[Ss]tackChunk'), ()),
             ('scheduling (park, unpark, mount, the carriers\' pool, the JDK\'s pollers)', None,
              ('java/lang/VirtualThread', 'java/lang/System$1.parkVirtualThread', 'java/util/concurrent/ForkJoin',
               'jdk/internal/vm/Continuation', 'sun/nio/ch/Poller', 'java/util/concurrent/locks/LockSupport'))]


def stacks(path):
    for line in open(path):
        stack, _, count = line.rstrip('\n').rpartition(' ')
        if stack:
            yield [SUFFIX.sub('', f) for f in stack.split(';')], int(count)


def info(path):
    fields = {}
    if os.path.exists(path):
        words = open(path).read().split('|')[0].split()
        fields = dict(zip(words[0::2], words[1::2]))
    return fields


def site(frames):
    """(first frame outside the JDK from the park outwards, the JDK's kind of wait, first gateway frame)."""
    ours = next((f for f in reversed(frames) if f.startswith('nl/dijkwacht/')), '-')
    if any(f.startswith(('sun/nio/ch/Poller.subPollerLoop', 'sun/nio/ch/Poller.pollerLoop')) for f in frames):
        return '(the JDK\'s I/O poller threads: not a request)', 'poll', '-'
    outside = next((f for f in reversed(frames) if not f.startswith(('java/', 'jdk/', 'sun/'))), '-')
    inner = frames[frames.index(outside) + 1:] if outside in frames else frames
    kind = next((k for k, prefix in WAITS for f in inner if f.startswith(prefix)), inner[0] if inner else '-')
    return outside, kind, ours


def depth(frames):
    """Frames between the virtual thread's entry (VirtualThread.run) and the park."""
    start = max((i for i, f in enumerate(frames) if f.startswith('java/lang/VirtualThread.run')), default=-1)
    return len(frames) - start - 1


def parks(path, requests):
    by_site, depths, total = collections.Counter(), collections.defaultdict(list), 0
    for frames, n in stacks(path):
        key = site(frames)
        by_site[key] += n
        depths[key] += [depth(frames)] * n
        total += n
    print(f'{total / requests:.2f} parks per request ({total} over {requests} requests)\n')
    print('| site (first frame outside the JDK) | wait | gateway frame | parks/req | frames deep (median, max) |\n|---|---|---|---:|---|')
    for (outside, kind, ours), n in by_site.most_common(25):
        d = depths[(outside, kind, ours)]
        print(f'| `{outside}` | {kind} | `{ours.replace("nl/dijkwacht/", "")}` | {n / requests:.3f} | {statistics.median(d):.0f}, {max(d)} |')
    print()


def alloc(path, requests):
    total, chunks, by_site = 0, 0, collections.Counter()
    for frames, n in stacks(path):
        total += n
        if 'StackChunk' in frames[-1]:
            chunks += n
            by_site[site(frames[:-1])] += n
    # async-profiler 4.2 on JDK 25 named no stack chunk in any run (stack22): their bytes are counted in the sample of
    # whichever allocation refills the TLAB next; the chunks-c<N> window (JFR) measures them
    print(f'{total * SAMPLE_KB / requests:.1f} KB per request sampled; samples naming a stack chunk: {chunks}\n')
    if by_site:
        print('| park that froze them | wait | gateway frame | KB/req |\n|---|---|---|---:|')
        for (outside, kind, ours), n in by_site.most_common(12):
            print(f'| `{outside}` | {kind} | `{ours.replace("nl/dijkwacht/", "")}` | {n * SAMPLE_KB / requests:.2f} |')
        print()


def is_java(frame):
    return '/' in frame and '::' not in frame and ' ' not in frame


def cpu(path, cpu_us):
    total, kinds = 0, collections.Counter()
    for frames, n in stacks(path):
        total += n
        last = max((i for i, f in enumerate(frames) if is_java(f)), default=-1)
        tail, inner = ' '.join(frames[last + 1:]), frames[last] if last >= 0 else ''
        for name, pattern, java in CPU_KINDS:
            if (pattern is not None and pattern.search(tail)) or inner.startswith(java or ('\0',)):
                kinds[name] += n
                break
    print(f'{total} samples; the process {cpu_us:.0f} µs CPU per request\n')
    print('| work (self time) | share of samples | µs/req |\n|---|---:|---:|')
    for name, _, _ in CPU_KINDS:
        share = kinds[name] / max(total, 1)
        print(f'| {name} | {100 * share:.2f} % | {share * cpu_us:.1f} |')
    print()


def jfr_events(path):
    """(class, bytes, frames outermost first) per TLAB refill (the TLAB's size) and per allocation outside a TLAB."""
    jfr = next(iter(glob.glob('/usr/lib/jvm/temurin-25*/bin/jfr')), 'jfr')
    text = subprocess.run([jfr, 'print', '--stack-depth', '200', '--events',
                           'jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB', path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split('\njdk.ObjectAllocation')[1:]:
        cls = re.search(r'objectClass = (\S+)', block)
        size = re.search(r'tlabSize = ([\d.]+) (bytes|kB|MB)', block) or re.search(r'allocationSize = ([\d.]+) (bytes|kB|MB)', block)
        if not cls or not size:
            continue
        n = float(size.group(1)) * {'bytes': 1, 'kB': 1024, 'MB': 1024 * 1024}[size.group(2)]
        frames = [m.group(1).replace('.', '/').rsplit('/', 1) for m in re.finditer(r'^\s+([\w$.]+)\(.*\)', block, re.M)]
        yield cls.group(1), n, ['.'.join(f) if len(f) == 2 else f[0] for f in reversed(frames)]


def chunks(out, name, alloc_kb):
    total, chunk, by_site = 0.0, 0.0, collections.Counter()
    for cls, n, frames in jfr_events(os.path.join(out, name + '.jfr')):
        total += n
        if cls == 'jdk.internal.vm.StackChunk':
            chunk += n
            by_site[site(frames)] += n
    share = chunk / total if total else 0
    print(f'stack chunks {100 * share:.2f} % of the bytes allocated ({chunk / 1048576:.1f} of {total / 1048576:.1f} MB in the '
          f'recording); at the alloc window\'s {alloc_kb:.1f} KB per request: {share * alloc_kb:.2f} KB per request\n')
    if by_site:
        print('| park that froze them | wait | gateway frame | share of the chunks\' bytes |\n|---|---|---|---:|')
        for (outside, kind, ours), n in by_site.most_common(8):
            print(f'| `{outside}` | {kind} | `{ours.replace("nl/dijkwacht/", "")}` | {100 * n / chunk:.1f} % |')
        print()
    histo = os.path.join(out, name + '.histo.txt')
    if os.path.exists(histo):
        print('live stack chunks (class histograms during the load): ' + '; '.join(
            f'{int(f[1])} chunks, {int(f[2]) / 1024:.0f} KB, {int(f[2]) / max(int(f[1]), 1):.0f} B each'
            for f in (l.split() for l in open(histo)) if 'StackChunk' in ' '.join(f)) + '\n')


def main():
    out = sys.argv[1]
    for path in sorted(glob.glob(os.path.join(out, '*.collapsed')) + glob.glob(os.path.join(out, 'chunks-*.jfr'))):
        name = os.path.basename(path).rsplit('.', 1)[0]
        if name.startswith('chunks'):
            alloc_kb = float(info(os.path.join(out, 'alloc-' + name.split('-', 1)[1] + '.txt')).get('alloc_kb_per_req', '0'))
            print(f'## {name}\n')
            chunks(out, name, alloc_kb)
            continue
        meta = info(os.path.join(out, name + '.txt'))
        requests = int(meta.get('requests', '0')) or 1
        print(f'## {name}: {requests} requests, CPU {meta.get("cpu_us_per_req", "?")} µs/req, heap {meta.get("alloc_kb_per_req", "?")} '
              f'KB/req, load {meta.get("load", "?")}\n')
        if name.startswith('alloc'):
            alloc(path, requests)
        elif name.startswith('cpu'):
            cpu(path, float(meta.get('cpu_us_per_req', '0')))
        elif name.startswith('parks'):
            parks(path, requests)
        elif name.startswith('unmounts'):
            total = sum(n for _, n in stacks(path))
            print(f'{total / requests:.2f} unmounts per request ({total} over {requests} requests)\n')


if __name__ == '__main__':
    main()
