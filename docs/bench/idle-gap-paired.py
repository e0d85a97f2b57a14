#!/usr/bin/env python3
"""Paired differences of an idle-gap.sh run: each gateway's request i against the base gateway's request i.

   python3 docs/bench/idle-gap-paired.py RUN_DIR [RUN_DIR ...] [--base A]

idle-gap.sh sends every target its i-th request in the same round, one after another, so request i of B and request i
of A met the same background. Per cell (raw-<gap>-<mode>.tsv) and per other gateway this prints the median of the
differences in the time to the first answer text (JSON: the whole answer), for the request after the pause and for the
one straight after it (+follow), with a 95 % bootstrap interval of that median. The medians of gaps.tsv compare two
distributions; this compares the rounds, which separates a few hundredths of a millisecond at n = 100.
"""
import argparse, collections, glob, os, random, statistics


def first_text_ms(path):
    rows = collections.defaultdict(list)
    for line in open(path):
        target, sent, _headers, first, _end = line.rstrip("\n").split("\t")[:5]
        rows[target].append((int(first) - int(sent)) / 1e6)
    return rows


def median_interval(diffs, rng, draws=2000):
    medians = sorted(statistics.median(rng.choices(diffs, k=len(diffs))) for _ in range(draws))
    return medians[int(draws * 0.025)], medians[int(draws * 0.975)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--base", default="A", help="the gateway the others are compared with")
    args = ap.parse_args()
    rng = random.Random(1)
    print("run\tcell\ttarget\tn\tmedian_diff_ms\tci_low\tci_high")
    for run in args.runs:
        for path in sorted(glob.glob(os.path.join(run, "raw-*.tsv"))):
            cell = os.path.basename(path)[4:-4]
            rows = first_text_ms(path)
            others = [t for t in rows if t not in ("mock", "nginx", args.base) and "+" not in t]
            for other in others:
                for suffix in ("", "+follow"):
                    base, cand = rows.get(args.base + suffix, []), rows.get(other + suffix, [])
                    diffs = [c - b for b, c in zip(base, cand)]
                    if not diffs:
                        continue
                    low, high = median_interval(diffs, rng)
                    print(f"{os.path.basename(run.rstrip('/'))}\t{cell}\t{other}{suffix}-{args.base}\t{len(diffs)}\t"
                          f"{statistics.median(diffs):+.3f}\t{low:+.3f}\t{high:+.3f}")


if __name__ == "__main__":
    main()
