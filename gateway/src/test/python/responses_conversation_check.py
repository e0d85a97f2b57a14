"""A Responses API conversation continued the way the official OpenAI Python SDK and agent frameworks continue it
(turns45): the earlier answer's output items, as the SDK parsed them, resent as input with the next question
(``input = earlier + response.output + [next]``).

Run by nl.dijkwacht.purpose.DeliveredTurnsContract against a gateway on a random port:
    python responses_conversation_check.py <base_url> <api_key> <model> <use_case> <scenario>
Scenarios:
  three-turns          three questions, each with the whole conversation so far (whole answers)
  three-turns-streamed the same, streamed: the output items of each stream's response.completed event are resent
  changed              the first answer resent with its text changed (not delivered as sent)
  function-call        a function call of the first answer resent with the function's output and a follow-up
Prints one JSON line per request: its status (200 or the error's status and code) and the answer's text.
"""
import json
import sys

import openai
from openai import OpenAI

QUESTIONS = ["Wat mag een medewerker vragen over bijstand?", "Maak de tekst korter.", "Dank u. Nog een laatste vraag?"]


def ask(client, model, items, stream, **extra):
    """One request; returns (line, output items as the SDK parsed them or None)."""
    try:
        if stream:
            response = None
            with client.responses.create(model=model, input=items, stream=True, **extra) as events:
                for event in events:
                    if event.type == "response.completed":
                        response = event.response
            if response is None:
                return {"status": "no response.completed"}, None
        else:
            response = client.responses.create(model=model, input=items, **extra)
        kinds = [item.type for item in response.output]
        return {"status": 200, "text": response.output_text, "items": kinds}, response.output
    except openai.APIStatusError as e:
        return {"status": e.status_code, "code": getattr(e, "code", None),
                "trace": e.response.headers.get("x-dijkwacht-trace-id")}, None


def conversation(client, model, stream):
    items = [{"role": "user", "content": QUESTIONS[0]}]
    for turn in range(3):
        line, output = ask(client, model, items, stream)
        line["turn"] = turn + 1
        print(json.dumps(line))
        if output is None:
            return
        if turn < 2:
            # the SDK's own objects, as a tool passes them on (serialised by the SDK, annotations and logprobs included)
            items = items + output + [{"role": "user", "content": QUESTIONS[turn + 1]}]


def changed(client, model):
    items = [{"role": "user", "content": QUESTIONS[0]}]
    line, output = ask(client, model, items, False)
    print(json.dumps(line))
    message = next(item for item in output if item.type == "message")
    part = message.content[0]
    edited = message.model_copy(update={"content": [part.model_copy(update={"text": part.text.replace("bijstand", "bijstand van mevrouw Jansen")})]})
    line, _ = ask(client, model, items + [edited, {"role": "user", "content": QUESTIONS[1]}], False)
    print(json.dumps(line))


def function_call(client, model, result):
    tools = [{"type": "function", "name": "zoek_dossier", "description": "Zoekt een dossier op.",
              "parameters": {"type": "object", "properties": {"zaak": {"type": "string"}}}}]
    items = [{"role": "user", "content": "Zoek het dossier van zaak Z-2026-001."}]
    line, output = ask(client, model, items, False, tools=tools)
    print(json.dumps(line))
    call = next(item for item in output if item.type == "function_call")
    items = items + output + [{"type": "function_call_output", "call_id": call.call_id, "output": result},
                              {"role": "user", "content": "Vat het dossier samen."}]
    line, _ = ask(client, model, items, False, tools=tools)
    print(json.dumps(line))


def main() -> int:
    base_url, api_key, model, use_case, scenario = sys.argv[1:6]
    client = OpenAI(base_url=base_url, api_key=api_key, default_headers={"X-Dijkwacht-Use-Case": use_case},
                    max_retries=0, timeout=20)
    if scenario == "three-turns":
        conversation(client, model, False)
    elif scenario == "three-turns-streamed":
        conversation(client, model, True)
    elif scenario == "changed":
        changed(client, model)
    elif scenario == "function-call":
        function_call(client, model, sys.argv[6])
    else:
        print("unknown scenario " + scenario)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
