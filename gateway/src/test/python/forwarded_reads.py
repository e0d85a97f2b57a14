"""What Python's json module reads from the bodies Dijkwacht forwarded to a model (parse28).

Run by nl.dijkwacht.api.GeneratedParserDifferentialsTest:
    python forwarded_reads.py <dir> <needle> [<needle> ...]
Reads every file in <dir> as a provider written in Python does (json.loads on the request's bytes: OpenAI, vLLM,
LiteLLM) and prints one line per file: "<file> OK", "<file> FOUND <path>" when a string — a value or a key — holds
one of the needles, or "<file> UNREADABLE <error class>". Never prints the strings themselves.
"""
import json
import os
import sys


def strings(node, path="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            yield path + ".<key>", key
            yield from strings(value, path + "." + key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + "[" + str(i) + "]")
    elif isinstance(node, str):
        yield path, node


def main() -> int:
    folder, needles = sys.argv[1], sys.argv[2:]
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            raw = f.read()
        try:
            body = json.loads(raw)
        except ValueError as e:
            print(name, "UNREADABLE", type(e).__name__)
            continue
        found = [path for path, text in strings(body) if any(n in text for n in needles)]
        print(name, "FOUND " + found[0] if found else "OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
