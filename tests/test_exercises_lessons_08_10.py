"""The typical wrong answers of the exercises of lessons 08 to 10.

Each wrong answer fails with a message that names the problem (tests/exercise_support.py runs
it as a notebook cell would); what every exercise must do is in tests/test_exercises.py.
The checks of lessons 09 and 10 call practice servers over loopback HTTP.
"""
from __future__ import annotations

import pytest

from support.exercises import assert_named_mistake, fresh_default_client, mistake_ids

# Each test builds the default client from the environment (conftest's practice server).
pytestmark = pytest.mark.usefixtures(fresh_default_client.__name__)

WRONG = [
    # ---- lesson 08 q1: cost_of(response)
    ("lesson08", "q1", '''
def cost_of(response):
    return response.json()["meta"]["usage"]["usd_spent"]
''', "raised KeyError"),
    ("lesson08", "q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent")
''', "returned None, but the headers carried the cost"),
    ("lesson08", "q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent") or response.headers.get("x-aimlapi-usd-spent")
''', "returned the text '0.000042'"),
    ("lesson08", "q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("usd_spent") or float(response.headers.get("x-aimlapi-usd-spent", 0))
''', "zero would claim the call was free"),
    ("lesson08", "q1", '''
def cost_of(response):
    usage = (response.json().get("meta") or {}).get("usage") or {}
    return usage.get("credits_used")
''', "not the dollars"),
    ("lesson08", "q1", "cost_of = 0.0001", "should be a function"),
    ("lesson08", "q1", "def cost_of(response):\n    return response['meta']['usage']['usd_spent']",
     "response.json() gives the body as a dict"),
    # ---- lesson 08 q2: make_request_id(learner, call_number)
    ("lesson08", "q2", '''
import re

def make_request_id(learner, call_number):
    return f"{learner}-{call_number}"
''', "holds ' ', 'í', 'ó', which the API does not accept: the API would silently drop it"),
    ("lesson08", "q2", '''
import re

def make_request_id(learner, call_number):
    return re.sub(r"[^A-Za-z0-9._:-]", "-", learner) + "-" + str(call_number)
''', "is 202 characters long (the API keeps at most 128)"),
    ("lesson08", "q2", '''
import re

def make_request_id(learner, call_number):
    return "workshop-" + (re.sub(r"[^A-Za-z0-9._:-]", "-", learner)[:40] or "x")
''', "does not contain the call number"),
    ("lesson08", "q2", '''
import re

def make_request_id(learner, call_number):
    return f"call-{call_number}"
''', "keep the learner's name in it"),
    ("lesson08", "q2", '''
def make_request_id(learner, call_number):
    return re.sub(r"[^A-Za-z0-9._:-]", "-", learner)[:40] + "-" + str(call_number)
''', "raised NameError: name 're' is not defined. Import it in your cell first (import re)"),
    # ---- lesson 08 q3: estimate_workshop(tally, learners, calls_each)
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.total_tokens * calls, "usd": tally.total_usd * calls}
''', "grows with how many calls you measured"),
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.total_tokens / tally.calls * calls,
            "usd": tally.total_usd / tally.calls * calls}
''', "was counted as free"),
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": (tally.average_tokens_per_call or 0) * calls,
            "usd": (tally.average_usd_per_call or 0) * calls}
''', "return None for it rather than a number"),
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    return {"calls": learners + calls_each, "tokens": 0, "usd": 0}
''', "'calls' is 50"),
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    return {"calls": learners * calls_each, "tokens": tally["tokens"], "usd": tally["usd"]}
''', "`tally` is a CostTally, not a dict"),
    ("lesson08", "q3", '''
def estimate_workshop(tally, learners, calls_each):
    calls = learners * calls_each
    return {"calls": calls, "tokens": tally.average_tokens_per_call * calls, "usd": tally.average_usd_per_call * calls}
''', "keep None as None"),
    # ---- lesson 09 q1: items = helpers.batch(...)
    ("lesson09", "q1", "my_batch = helpers.batch(QUESTIONS, concurrency=8, progress=False, max_tokens=30)",
     "ran with concurrency 8"),
    ("lesson09", "q1", "my_batch = [helpers.chat(q, max_tokens=30) for q in QUESTIONS]", "loop of helpers.chat"),
    ("lesson09", "q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False)",
     "Nothing capped the answers"),
    ("lesson09", "q1", "my_batch = helpers.batch(QUESTIONS, concurrency=4, progress=False, max_tokens=300)",
     "capped at 300 tokens; the task asks for 30"),
    ("lesson09", "q1", "my_batch = helpers.batch(QUESTIONS[:3], concurrency=4, progress=False, max_tokens=30)",
     "ran 3 prompt(s), not the 6"),
    # ---- lesson 09 q2: failed_prompts(items)
    ("lesson09", "q2", '''
def failed_prompts(items):
    return [item.prompt for item in items if item.ok]
''', "returned the prompts that worked"),
    ("lesson09", "q2", '''
def failed_prompts(items):
    return [item for item in items if not item.ok]
''', "returned the items themselves"),
    ("lesson09", "q2", '''
def failed_prompts(items):
    return [item.prompt for item in items if isinstance(item.error, helpers.APIStatusError)]
''', "missed some failures"),
    ("lesson09", "q2", '''
def failed_prompts(items):
    [item.prompt for item in items if not item.ok]
''', "forget `return`"),
    # ---- lesson 09 q3: retry_failed(items)
    ("lesson09", "q3", '''
def retry_failed(items):
    return [item.text for item in helpers.batch([item.prompt for item in items], progress=False)]
''', "including prompts that had already worked"),
    ("lesson09", "q3", '''
def retry_failed(items):
    return helpers.batch([item.prompt for item in items if not item.ok], progress=False).texts
''', "returned 3 text(s); return one per item of the original batch (6)"),
    ("lesson09", "q3", '''
def retry_failed(items):
    return [item.text for item in items]
''', "sent no request"),
    # ---- lesson 10 q1: quick = OpenAI(...)
    ("lesson10", "q1", '''
conn = helpers.connection()
quick = OpenAI(api_key=conn.api_key, timeout=5, max_retries=1)
''', "points at api.openai.com"),
    ("lesson10", "q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key)
''', "keeps the SDK's default timeout, 600 s per attempt"),
    ("lesson10", "q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key=conn.api_key, timeout=10)
''', "3 attempts (max_retries=2) of up to 10 s each: 30 s in the worst case"),
    ("lesson10", "q1", '''
conn = helpers.connection()
quick = OpenAI(base_url=conn.base_url, api_key="my-key-123", timeout=5, max_retries=0)
''', "holds another key"),
    ("lesson10", "q1", '''
quick = OpenAI(base_url="http://localhost:9/v1", api_key=helpers.connection().api_key, timeout=5, max_retries=0)
''', "not at the base URL this notebook uses"),
    ("lesson10", "q1", "quick = OpenAI", "the class OpenAI itself"),
    # ---- lesson 10 q2: ask(client, prompt)
    ("lesson10", "q2", '''
def ask(client, prompt):
    return client.chat.completions.create(model="google/gemma-3-4b-it",
                                          messages=[{"role": "user", "content": prompt}])
''', "returned a ChatCompletion; return the text only"),
    ("lesson10", "q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content
''', "raised BadRequestError"),
    ("lesson10", "q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model="google/gemma-3-12b-it", messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content
''', "the task is about 'google/gemma-3-4b-it'"),
    ("lesson10", "q2", '''
def ask(client, prompt):
    return helpers.chat(prompt).text
''', "sent no request through the client it is given"),
    ("lesson10", "q2", '''
def ask(client, prompt):
    c = client.chat.completions.create(model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    return c["choices"][0]["message"]["content"]
''', "objects, not dicts"),
    # ---- lesson 10 q3: ask_with_id(client, prompt)
    ("lesson10", "q3", '''
def ask_with_id(client, prompt):
    c = client.chat.completions.create(model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content, c.id
''', "the completion's `id` from the body"),
    ("lesson10", "q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    c = client.chat.completions.create(model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    return c.choices[0].message.content, raw.headers.get("x-inference-id")
''', "sent 2 requests"),
    ("lesson10", "q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    return raw.parse().choices[0].message.content
''', "return a pair"),
    ("lesson10", "q3", '''
def ask_with_id(client, prompt):
    raw = client.chat.completions.with_raw_response.create(
        model="google/gemma-3-4b-it", messages=[{"role": "user", "content": prompt}])
    return raw.choices[0].message.content, raw.headers.get("x-inference-id")
''', "its .parse() gives the usual ChatCompletion"),
]


@pytest.mark.parametrize("lesson,q,code,fragment", WRONG, ids=mistake_ids(WRONG))
def test_typical_mistake_is_named(lesson, q, code, fragment):
    assert_named_mistake(lesson, q, code, fragment)
