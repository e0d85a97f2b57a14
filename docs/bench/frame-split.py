#!/usr/bin/env python3
"""Splits the samples that pass through a frame by what they do there: for every stack (collapsed, root first, as
jfr-collapse.py writes them) whose frames match PATTERN (a substring, dotted form), the group is the nearest gateway
frame (nl.dijkwacht.) at or above the first match — who calls it — and the DEPTH frames from the first match down —
what it spends them on. Shares are of all samples of the profile.

    python3 docs/bench/frame-split.py profile.collapsed PATTERN [--depth N] [--top N] [--below PREFIX]

--below PREFIX: group by the first frame under the match that starts with PREFIX instead of the DEPTH frames (e.g.
PATTERN io.micrometer.observation --below io.micrometer.tracing gives the tracing handler's parts).
Several profiles can be given before PATTERN (e.g. A/ and B/ of one ab-cpu.sh run) and are reported one after another.
"""
import collections
import sys


def short(frame):
    parts = frame.split(".")
    return ".".join(parts[-2:]) if len(parts) > 2 else frame


def main():
    args = sys.argv[1:]
    depth, top, below = 1, 25, None
    for flag in ("--depth", "--top", "--below"):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i:i + 2]
            if flag == "--depth":
                depth = int(value)
            elif flag == "--top":
                top = int(value)
            else:
                below = value
    pattern = args[-1]
    for path in args[:-1]:
        report(path, pattern, depth, top, below)


def report(path, pattern, depth, top, below):
    groups = collections.Counter()
    callers = collections.Counter()
    total = matched = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, n = line.rstrip("\n").rpartition(" ")
            try:
                n = int(n)
            except ValueError:
                continue
            total += n
            frames = stack.replace("/", ".").split(";")
            first = next((i for i, fr in enumerate(frames) if pattern in fr), None)
            if first is None:
                continue
            matched += n
            caller = next((frames[i] for i in range(first, -1, -1) if frames[i].startswith("nl.dijkwacht.")), "(none)")
            if below:
                what = next((short(fr) for fr in frames[first:] if fr.startswith(below)), "(other)")
            else:
                what = " > ".join(short(fr) for fr in frames[first:first + depth])
            groups[(short(caller), what)] += n
            callers[short(caller)] += n
    print(f"## {path}: `{pattern}` in {matched} of {total} samples ({100 * matched / max(total, 1):.2f} %)\n")
    print("| gateway frame above | share | |\n|---|---:|---|")
    for caller, n in callers.most_common(top):
        print(f"| {caller} | {100 * n / total:.2f} % | {n} |")
    print("\n| gateway frame above | below the match | share | samples |\n|---|---|---:|---:|")
    for (caller, what), n in groups.most_common(top):
        print(f"| {caller} | {what} | {100 * n / total:.2f} % | {n} |")
    print()


if __name__ == "__main__":
    main()
