"""The dry-run model's answers read by the official OpenAI Python SDK (n, dimensions, base64 embeddings).

Run by nl.dijkwacht.invoke.DryRunShapesTest against a gateway on a random port:
    python dry_run_shapes_check.py <base_url> <api_key>
The SDK asks for base64 embeddings unless told otherwise and decodes them itself; its response types come from
OpenAI's API specification. Prints one JSON line with what the SDK read; exits non-zero when a shape is wrong.
"""
import json
import math
import sys

from openai import OpenAI


def main() -> int:
    base_url, api_key = sys.argv[1:3]
    client = OpenAI(base_url=base_url, api_key=api_key, max_retries=0, timeout=20)
    chat = client.chat.completions.create(model="dry-run", n=2, messages=[{"role": "user", "content": "Vat samen"}])
    default = client.embeddings.create(model="dry-run", input=["eerste tekst", "tweede tekst"], dimensions=24)
    floats = client.embeddings.create(model="dry-run", input=["eerste tekst", "tweede tekst"], dimensions=24,
                                      encoding_format="float")
    vectors = [d.embedding for d in default.data]
    result = {
        "choices": [c.index for c in chat.choices],
        "dry_run_text": all("[dry-run]" in (c.message.content or "") for c in chat.choices),
        "dimensions": [len(v) for v in vectors],
        "unit_length": all(abs(math.sqrt(sum(x * x for x in v)) - 1.0) < 1e-4 for v in vectors),
        "base64_equals_float": all(
            all(abs(a - b) < 1e-6 for a, b in zip(v, f.embedding)) for v, f in zip(vectors, floats.data)),
    }
    print(json.dumps(result))
    ok = (result["choices"] == [0, 1] and result["dry_run_text"] and result["dimensions"] == [24, 24]
          and result["unit_length"] and result["base64_equals_float"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
