#!/usr/bin/env python3
"""Renders collapsed stacks ("frame;frame;frame count" per line, as async-profiler's `collapsed` output or
jfrconv write them) as a self-contained flame graph SVG (no scripts), for docs/bench/.

    python3 docs/bench/flamegraph.py profile.collapsed "Title" > flame.svg

Frames narrower than --min-width pixels are dropped; colours are by frame kind (Java, JDK, native/kernel, our own
code nl.dijkwacht) so the reader sees at a glance where the gateway's own code is. Each frame's <title> (hover text)
holds the frame and its share of all samples.
"""
import argparse
import html
import sys


def parse(path):
    root = {"n": 0, "c": {}}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, count = line.rpartition(" ")
            try:
                n = int(count)
            except ValueError:
                continue
            node = root
            node["n"] += n
            for frame in stack.split(";"):
                node = node["c"].setdefault(frame, {"n": 0, "c": {}})
                node["n"] += n
    return root


def colour(frame):
    if frame.startswith("nl/dijkwacht") or frame.startswith("nl.dijkwacht"):
        return "#e8743b"  # our code
    if frame.endswith("_[k]") or frame.startswith("[") or "::" in frame or frame.startswith("__"):
        return "#c9c9c9"  # kernel / JVM internals
    if frame.startswith(("java/", "java.", "jdk/", "jdk.", "sun/", "sun.")):
        return "#6baed6"  # JDK
    if frame.startswith(("opennlp", "org/apache/opennlp")):
        return "#9e6ad0"
    if frame.startswith(("org/h2", "org.h2", "org/postgresql", "com/zaxxer")):
        return "#d6616b"  # database
    return "#74c476"  # libraries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("collapsed")
    ap.add_argument("title")
    ap.add_argument("--width", type=int, default=1600)
    ap.add_argument("--min-width", type=float, default=0.4)
    a = ap.parse_args()
    root = parse(a.collapsed)
    total = root["n"] or 1
    row, pad_top, pad_bottom = 16, 50, 30
    frames = []  # (depth, x, w, name, n)

    def walk(node, depth, x):
        for name, child in sorted(node["c"].items()):
            w = child["n"] / total * (a.width - 20)
            if w >= a.min_width:
                frames.append((depth, x, w, name, child["n"]))
                walk(child, depth + 1, x)
            x += w

    walk(root, 0, 10.0)
    depth = max((f[0] for f in frames), default=0) + 1
    height = pad_top + depth * row + pad_bottom
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{a.width}" height="{height}" '
           f'font-family="Verdana, sans-serif" font-size="11">',
           f'<rect width="100%" height="100%" fill="#fdfdf6"/>',
           f'<text x="{a.width / 2}" y="22" text-anchor="middle" font-size="15">{html.escape(a.title)}</text>',
           f'<text x="10" y="40" fill="#555">{total} samples. Width = share of CPU samples; bottom = thread start, top = '
           f'the frame on CPU. Orange: Dijkwacht code; blue: JDK; purple: OpenNLP; red: database; green: other '
           f'libraries; grey: JVM/kernel. Hover a frame for its name and share.</text>']
    for d, x, w, name, n in frames:
        y = height - pad_bottom - (d + 1) * row
        label = name
        max_chars = int(w / 6.5)
        if max_chars < 3:
            label = ""
        elif len(label) > max_chars:
            label = label[:max_chars - 2] + ".."
        out.append(f'<g><title>{html.escape(name)} ({n} samples, {n / total * 100:.2f}%)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 1}" fill="{colour(name)}" rx="2"/>'
                   + (f'<text x="{x + 3:.1f}" y="{y + 11}">{html.escape(label)}</text>' if label else '') + '</g>')
    out.append('</svg>')
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
