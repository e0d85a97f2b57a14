"""Structured output through Dijkwacht with the official OpenAI Python SDK (issue 9, item 4).

Run by nl.dijkwacht.response.StructuredOutputSdkTest against a gateway on a random port:
    python structured_output_check.py <base_url> <api_key> <model> <use_case>
Prints one JSON line with what the SDK parsed; exits non-zero when parsing fails.
"""
import json
import sys

from openai import OpenAI
from pydantic import BaseModel


class Besluit(BaseModel):
    onderwerp: str
    akkoord: bool
    punten: list[str]


def main() -> int:
    base_url, api_key, model, use_case = sys.argv[1:5]
    client = OpenAI(base_url=base_url, api_key=api_key, default_headers={"X-Dijkwacht-Use-Case": use_case},
                    max_retries=0, timeout=20)
    completion = client.chat.completions.parse(
        model=model,
        messages=[{"role": "user", "content": "Vat het besluit samen als JSON."}],
        response_format=Besluit,
    )
    message = completion.choices[0].message
    parsed = message.parsed
    if parsed is None:
        print(json.dumps({"ok": False, "refusal": message.refusal}))
        return 1
    extra = completion.model_extra or {}
    print(json.dumps({"ok": True, "parsed": parsed.model_dump(), "dijkwacht": extra.get("dijkwacht")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
