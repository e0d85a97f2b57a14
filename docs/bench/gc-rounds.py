#!/usr/bin/env python3
"""ab-cpu.sh --gc-log: the collector's pauses inside each measured round, from each gateway's G1 log, Serial GC's on one core, or generational ZGC's (issue 15).

usage: gc-rounds.py AB_OUT_DIR

Reads AB_OUT_DIR/rounds.tsv (round, gateway, start and end in epoch seconds), AB_OUT_DIR/ab.tsv (requests per round)
and AB_OUT_DIR/<gateway>/gc.log (-Xlog:gc*,gc+age=trace,gc+phases=debug with the utctime decoration). Per round and
gateway: young pauses (Normal and Concurrent Start; mixed apart), one per how many requests, their length p50 / max,
the survivors after them (the age table's total, and the part aged 2 or more: what outlived one pause interval),
the object copy inside them (the slowest worker's, p50), and the other pauses (remark, cleanup, mixed, full)."""
import collections, datetime, re, statistics, sys

out = sys.argv[1]
TIME = re.compile(r"^\[(\d{4}-\d\d-\d\dT[\d:.]+)([+-]\d{4})\]")
PAUSE = re.compile(r"GC\((\d+)\) Pause (Young \((Normal|Concurrent Start|Prepare Mixed|Mixed|Allocation Failure)\)|Remark|Cleanup|Full)"
                   r".* (\d+\.\d+)ms$")
AGE = re.compile(r"GC\((\d+)\) - age +(\d+): +(\d+) bytes")
COPY = re.compile(r"GC\((\d+)\) +Object Copy \(ms\): +Min: +[\d.]+, Avg: +[\d.]+, Max: +([\d.]+)")
# generational ZGC (-XX:+UseZGC): its three short pauses per generation's cycle, the cycles, and the allocation stalls
# (a thread waiting for the collector to free memory: ZGC's stall where G1 would pause)
ZPAUSE = re.compile(r"GC\((\d+)\) [yYoO]: Pause (Mark Start|Mark End|Relocate Start)(?: \(Major\))? (\d+\.\d+)ms$")
ZCYCLE = re.compile(r"GC\((\d+)\) (Minor|Major) Collection \([^)]*\)$")
ZSTALL = re.compile(r"Allocation Stall \(.*\) (\d+\.\d+)ms$")


def epoch(line):
    m = TIME.match(line)
    if not m:
        return None
    t = datetime.datetime.strptime(m.group(1) + m.group(2), "%Y-%m-%dT%H:%M:%S.%f%z")
    return t.timestamp()


def read_log(path):
    pauses, ages, copy = [], collections.defaultdict(dict), {}
    for line in open(path, errors="replace"):
        line = line.rstrip("\n")
        m = PAUSE.search(line)
        if m:
            kind = m.group(3) or m.group(2)
            pauses.append((epoch(line), int(m.group(1)), kind, float(m.group(4))))
            continue
        m = ZPAUSE.search(line)
        if m:
            pauses.append((epoch(line), int(m.group(1)), "ZGC", float(m.group(3))))
            continue
        m = ZCYCLE.search(line)
        if m:
            pauses.append((epoch(line), int(m.group(1)), "Z" + m.group(2).lower(), 0.0))
            continue
        m = ZSTALL.search(line)
        if m:
            pauses.append((epoch(line), -1, "Zstall", float(m.group(1))))
            continue
        m = AGE.search(line)
        if m:
            ages[int(m.group(1))][int(m.group(2))] = int(m.group(3))
            continue
        m = COPY.search(line)
        if m:
            copy[int(m.group(1))] = float(m.group(2))
    return pauses, ages, copy


requests = {}
for line in open(out + "/ab.tsv"):
    f = line.rstrip("\n").split("\t")
    if f[0] != "round":
        requests[(f[0], f[1])] = int(f[2])
logs = {}
print("round\tgw\trequests\tyoung_pauses\treq_per_pause\tyoung_p50_ms\tyoung_max_ms\tsurvivors_mb\taged2plus_mb"
      "\tcopy_p50_ms\tpaused_ms_per_s\tother_pauses")
for line in open(out + "/rounds.tsv"):
    r, gw, t0, t1 = line.split()
    if gw not in logs:
        logs[gw] = read_log("%s/%s/gc.log" % (out, gw))
    pauses, ages, copy = logs[gw]
    inside = [p for p in pauses if p[0] is not None and float(t0) <= p[0] <= float(t1)]
    # "Allocation Failure": Serial GC's young collection (ab-cpu.sh pins a gateway to one core, where the JVM picks it)
    # "ZGC": generational ZGC's pauses (counted here as young ones); its cycles (Zminor, Zmajor) and allocation stalls
    # (Zstall) go to other_pauses, the stalls' time into paused_ms_per_s
    young = [p for p in inside if p[2] in ("Normal", "Concurrent Start", "Allocation Failure", "ZGC")]
    other = collections.Counter(p[2] for p in inside if p[2] not in ("Normal", "Concurrent Start", "Allocation Failure", "ZGC"))
    n = requests.get((r, gw), 0)
    lengths = [p[3] for p in young]
    surv = [sum(ages[p[1]].values()) / 2**20 for p in young if p[1] in ages]
    aged = [sum(v for a, v in ages[p[1]].items() if a >= 2) / 2**20 for p in young if p[1] in ages]
    cp = [copy[p[1]] for p in young if p[1] in copy]
    med = lambda xs, fmt="%.1f": fmt % statistics.median(xs) if xs else "-"
    print("%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s" % (
        r, gw, n, len(young), "%.0f" % (n / len(young)) if young else "-", med(lengths, "%.2f"),
        "%.2f" % max(lengths) if lengths else "-", med(surv, "%.2f"), med(aged, "%.2f"), med(cp),
        sum(p[3] for p in inside) / (float(t1) - float(t0)),
        ",".join("%s %d" % kv for kv in sorted(other.items())) or "-"))
