"""The typical wrong answers of the exercises of lessons 04 to 07, and their special cases.

Each wrong answer fails with a message that names the problem (tests/exercise_support.py runs
it as a notebook cell would); what every exercise must do is in tests/test_exercises.py.
The checks of lessons 04, 06 and 07 call practice servers over loopback HTTP.
"""
from __future__ import annotations

import pytest

import helpers
from support.exercises import assert_named_mistake, mistake_ids, run
from helpers.exercises import lesson04, lesson07


def test_checks_put_the_default_client_back():
    before = helpers.get_client()
    outcome = run("lesson04", "q3", lesson04.q3.solution_code)
    assert outcome.correct
    assert helpers.get_client() is before
    outcome = run("lesson07", "q1", "def safe_chat(prompt):\n    return helpers.chat(prompt).text")
    assert not outcome.correct
    assert helpers.get_client() is before


def test_refused_base_url_really_refuses():
    client = helpers.Client(api_key="not-a-real-key", base_url=lesson07.refused_base_url(), max_retries=0, timeout=5)
    with pytest.raises(helpers.APIConnectionError) as info:
        client.chat("Hi")
    assert not isinstance(info.value, helpers.APITimeoutError)


# --- typical wrong answers ---------------------------------------------------------------
# (lesson, exercise, learner code, a fragment the failure message must contain)

_SYS = '{"role": "system", "content": "Be brief."}'
_U1 = '{"role": "user", "content": "Hi! My name is Ada."}'
_A1 = '{"role": "assistant", "content": "Nice to meet you!"}'
_U2 = '{"role": "user", "content": "What is my name?"}'

WRONG = [
    # lesson 04, q1: a conversation by hand
    ("lesson04", "q1", f"conversation = [{_SYS}, {_U1}, {_A1}, {_U2}]", "'system' message"),
    ("lesson04", "q1", f"conversation = [{_U1}, {_U2}]", "has 2 message(s)"),
    ("lesson04", "q1", f"conversation = [{_U1}, {_U1}, {_U2}]", "turns alternate"),
    ("lesson04", "q1", f"conversation = [{_A1}, {_U1}, {_U2}]", "starts with the user"),
    ("lesson04", "q1", f'conversation = [{{"role": "user", "content": "Hi, I am Ada."}}, {_A1}, {_U2}]',
     "My name is"),
    ("lesson04", "q1", f'conversation = [{_U1}, {_A1}, {{"role": "user", "content": "Tell me a joke."}}]',
     "ask the model what your name is"),
    ("lesson04", "q1", 'conversation = ["Hi! My name is Ada.", "Nice to meet you!", "What is my name?"]',
     "should be a dict"),
    ("lesson04", "q1", f"conversation = {_U1}", "should be a list"),
    ("lesson04", "q1", f'conversation = [{_U1}, {{"role": "assistant", "content": ""}}, {_U2}]', "non-empty string"),
    # lesson 04, q2: to_gemma
    ("lesson04", "q2", 'def to_gemma(messages):\n    return [m for m in messages if m["role"] != "system"]',
     "instructions are missing"),
    ("lesson04", "q2", 'def to_gemma(messages):\n'
                       '    return [{**m, "role": "user"} if m["role"] == "system" else m for m in messages]',
     "fold the instructions into an existing message"),
    ("lesson04", "q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return messages
    messages[1]["content"] = messages[0]["content"] + "\\n\\n" + messages[1]["content"]
    return messages[1:]
''', "changed the list it was given"),
    ("lesson04", "q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    first = {"role": "user", "content": messages[1]["content"] + "\\n\\n" + messages[0]["content"]}
    return [first] + messages[2:]
''', "instructions come after the question"),
    ("lesson04", "q2", '''
def to_gemma(messages):
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + "\\n\\n" + first["content"]}, *rest]
''', "unchanged"),
    ("lesson04", "q2", "to_gemma = 'fold the system message in'", "should be a function"),
    ("lesson04", "q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + first["content"]}, *rest]
''', "run together"),
    ("lesson04", "q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + "\\n" + first["content"]}, *rest]
''', "a blank line, then the question"),
    # lesson 04, q3: chat_turn
    ("lesson04", "q3", '''
def chat_turn(history, user_text):
    answer = helpers.chat(user_text)
    history += [{"role": "user", "content": user_text}, {"role": "assistant", "content": answer.text}]
    return answer.text
''', "carried only the new message"),
    ("lesson04", "q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer.text})
    return answer
''', "returned ChatResult"),
    ("lesson04", "q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer})
    return answer.text
''', "store the answer's text"),
    ("lesson04", "q3", '''
def chat_turn(history, user_text):
    history = history + [{"role": "user", "content": user_text}]
    answer = helpers.chat(history)
    history = history + [{"role": "assistant", "content": answer.text}]
    return answer.text
''', "holds 0 message(s)"),
    ("lesson04", "q3", "def chat_turn(history, user_text):\n    return 'Nice to meet you!'", "sent no request"),
    ("lesson04", "q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    return answer.text
''', "holds 1 message(s)"),
    # lesson 05, q1: an image message by hand
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + encoded, "detail": "low"}}]}
''', "bytes inside are a PNG image"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes())
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{encoded}", "detail": "low"}}]}
''', "how Python prints a bytes object"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes())
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": b"data:image/png;base64," + encoded, "detail": "low"}}]}
''', "is bytes; a URL is text"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(str(IMAGE_PATH).encode()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}]}
''', "not to an image"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded}}]}
''', "detail is None"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}]}
''', "one text part and one image part"),
    ("lesson05", "q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": "What is this? data:image/png;base64," + encoded}
''', "plain string"),
    ("lesson05", "q1", '''
from PIL import Image
import io
buf = io.BytesIO()
Image.new("RGB", (10, 10)).save(buf, format="PNG")
encoded = base64.b64encode(buf.getvalue()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}]}
''', "not the lesson's sample picture"),
    # lesson 05, q2: to_data_url
    ("lesson05", "q2", '''
def to_data_url(path):
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "the bytes inside are a JPEG image"),
    ("lesson05", "q2", '''
def to_data_url(path):
    kind = Path(path).suffix.lower().lstrip(".")
    return f"data:image/{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "image/jpg"),
    ("lesson05", "q2", '''
TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}
def to_data_url(path):
    mime = TYPES[Path(path).suffix]
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "raised KeyError"),
    ("lesson05", "q2", '''
def to_data_url(path):
    ext = path[path.rfind("."):].lower()
    return "data:image/png;base64," + base64.b64encode(open(path, "rb").read()).decode("ascii")
''', "Path(path) turns either into a Path"),
    ("lesson05", "q2", '''
def to_data_url(path):
    return "data:image/png;base64," + base64.b64encode(str(path).encode()).decode("ascii")
''', "not to an image"),
    # lesson 05, q3: image_type(data)
    ("lesson05", "q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpeg"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data.startswith(b"RIFF"):
        return "image/webp"
    return None
''', "RIFF alone"),
    ("lesson05", "q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpg"
    return None
''', "not a registered MIME type"),
    ("lesson05", "q3", '''
def image_type(data):
    return "png" if data.startswith(b"\\x89PNG") else None
''', "return a MIME type"),
    ("lesson05", "q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpeg"
    if data.startswith(b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
''', "two versions"),
    ("lesson05", "q3", '''
def image_type(data):
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return {0x89: "image/png", 0xFF: "image/jpeg", 0x47: "image/gif"}.get(data[0])
''', "raised IndexError: index out of range. Some files are shorter"),
    ("lesson05", "q3", '''
def image_type(data):
    return "image/png" if data.startswith("\\x89PNG") else None
''', "compare it with bytes literals"),
    ("lesson05", "q3", "def image_type(data):\n    return \"image/png\"", "not the type of the bytes"),
    # lesson 06, q1: measure
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt, model=model)
    for piece in s:
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / total}
''', "divides by the whole time"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    r = helpers.chat(prompt, model=model)
    total = time.perf_counter() - start
    tokens = r.usage["completion_tokens"]
    return {"model": model, "ttft_s": total, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / total}
''', "Use one streamed call"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    s = helpers.stream(prompt, model=model)
    ttft = time.perf_counter() - start
    for piece in s:
        pass
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / (total - ttft)}
''', "shorter than the first piece took"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft, pieces = None, 0
    for piece in helpers.stream(prompt, model=model):
        pieces += 1
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": pieces, "tokens_per_s": pieces / (total - ttft)}
''', "read it from the result's usage"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    ttft = None
    s = helpers.stream(prompt)
    for piece in s:
        if ttft is None:
            ttft = time.perf_counter() - start
    total = time.perf_counter() - start
    tokens = s.result.usage["completion_tokens"]
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": tokens, "tokens_per_s": tokens / (total - ttft)}
''', "streamed from the default model"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    start = time.perf_counter()
    s = helpers.stream(prompt, model=model)
    for piece in s:
        ttft = time.perf_counter() - start
        break
    total = time.perf_counter() - start
    return {"model": model, "ttft_s": ttft, "total_s": total, "tokens": 1, "tokens_per_s": 1 / total}
''', "not read to the end"),
    ("lesson06", "q1", '''
def measure(model, prompt):
    s = helpers.stream(prompt, model=model)
    s.until_done()
    return (s.result.time_to_first_token_s, s.result.latency_s)
''', "return a dict"),
    # lesson 06, q2: cost_per_1000
    ("lesson06", "q2", '''
def cost_per_1000(results):
    out = {}
    for r in results:
        if r.cost_usd is not None:
            out[r.model] = out.get(r.model, 0) + r.cost_usd * 1000
    return out
''', "average the calls"),
    ("lesson06", "q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        if r.cost_usd is not None:
            costs.setdefault(r.model, []).append(r.cost_usd)
    return {m: sum(c) / len(c) for m, c in costs.items()}
''', "cost of one call"),
    ("lesson06", "q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        costs.setdefault(r.model, []).append(r.cost_usd or 0)
    return {m: sum(c) / len(c) * 1000 for m, c in costs.items()}
''', "counted as free"),
    ("lesson06", "q2", '''
def cost_per_1000(results):
    costs = {}
    for r in results:
        costs.setdefault(r.model, []).append(r.cost_usd)
    return {m: sum(c) / len(c) * 1000 for m, c in costs.items()}
''', "raised TypeError"),
    ("lesson06", "q2", '''
def cost_per_1000(results):
    return {"google/gemma-3-4b-it": 0.2, "google/gemma-3-12b-it": 0.9}
''', "is off"),
    # lesson 06, q3: choose_model
    ("lesson06", "q3", "def choose_model(rows, max_wait_s):\n"
                       "    return min(rows, key=lambda r: r['cost_usd'])['model']", "got an answer wrong"),
    ("lesson06", "q3", '''
def choose_model(rows, max_wait_s):
    good = [r for r in rows if all(x["correct"] for x in rows if x["model"] == r["model"])]
    return min(good, key=lambda r: r["cost_usd"])["model"] if good else None
''', "later than max_wait_s"),
    ("lesson06", "q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] >= max_wait_s}
    return min(ok, key=lambda m: sum(r["cost_usd"] for r in rows if r["model"] == m)) if ok else None
''', "exactly at max_wait_s"),
    ("lesson06", "q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] > max_wait_s}
    return min(ok) if ok else None
''', "cost least in total"),
    ("lesson06", "q3", '''
def choose_model(rows, max_wait_s):
    ok = [r for r in rows if r["correct"] and r["ttft_s"] <= max_wait_s]
    return min(ok, key=lambda r: r["cost_usd"]) if ok else None
''', "returned a row"),
    ("lesson06", "q3", '''
def choose_model(rows, max_wait_s):
    ok = {r["model"] for r in rows} - {r["model"] for r in rows if not r["correct"] or r["ttft_s"] > max_wait_s}
    return min(ok, key=lambda m: sum(r["cost_usd"] for r in rows if r["model"] == m)) if ok else ""
''', "or None"),
    # lesson 07, q1: safe_chat
    ("lesson07", "q1", "def safe_chat(prompt):\n    return helpers.chat(prompt).text",
     "let an exception escape (InternalServerError)"),
    ("lesson07", "q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except Exception:
        return None
''', "Catch helpers.APIError only"),
    ("lesson07", "q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except helpers.APIStatusError:
        return None
''', "let an exception escape (APIConnectionError)"),
    ("lesson07", "q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except (helpers.APIStatusError, helpers.APITimeoutError):
        return None
''', "nothing listens"),
    ("lesson07", "q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt).text
    except helpers.APIError as e:
        return f"Sorry: {e.message}"
''', "instead of None"),
    ("lesson07", "q1", '''
def safe_chat(prompt):
    try:
        return helpers.chat(prompt)
    except helpers.APIError:
        return None
''', "returned ChatResult"),
    # lesson 07, q2: what_to_do
    ("lesson07", "q2", '''
def what_to_do(error):
    if isinstance(error, (helpers.BadRequestError, helpers.NotFoundError,
                          helpers.UnprocessableEntityError, helpers.RequestValidationError)):
        return "fix the request"
    if isinstance(error, helpers.AuthenticationError):
        return "check the key"
    if isinstance(error, helpers.PermissionDeniedError):
        return "top up"
    if isinstance(error, helpers.APIConnectionError):
        return "check the network"
    if isinstance(error, (helpers.RateLimitError, helpers.InternalServerError, helpers.APITimeoutError)):
        return "retry later"
    return "read the message"
''', "test the more specific class"),
    ("lesson07", "q2", '''
def what_to_do(error):
    if isinstance(error, helpers.APIStatusError):
        return "read the message"
    if isinstance(error, helpers.RequestValidationError):
        return "fix the request"
    if isinstance(error, helpers.APITimeoutError):
        return "retry later"
    return "check the network"
''', "fell through to the catch-all"),
    ("lesson07", "q2", '''
def what_to_do(error):
    if isinstance(error, (helpers.BadRequestError, helpers.NotFoundError,
                          helpers.UnprocessableEntityError, helpers.RequestValidationError)):
        return "fix the request"
    if isinstance(error, helpers.AuthenticationError):
        return "check the key"
    if isinstance(error, (helpers.PermissionDeniedError, helpers.RateLimitError,
                          helpers.InternalServerError, helpers.APITimeoutError)):
        return "retry later"
    if isinstance(error, helpers.APIConnectionError):
        return "check the network"
    return "read the message"
''', "PermissionDeniedError (403), `what_to_do` said 'retry later'"),
    ("lesson07", "q2", "def what_to_do(error):\n    return 'Fix the request!'", "one of the six phrases exactly"),
    ("lesson07", "q2", lesson07.q2.solution_code.replace('return "read the message"', 'return "retry later"'),
     "no class of its own"),
    ("lesson07", "q2", lesson07.q2.solution_code.replace(
        '    if isinstance(error, helpers.APIStatusError) and error.status_code in (408, 409):\n'
        '        return "retry later"\n', ''), "status 408 (Request Timeout) you said 'read the message'"),
    # lesson 07, q3: backoff_schedule
    ("lesson07", "q3", "def backoff_schedule(retries):\n    return [0.5 * 2 ** i for i in range(retries)]", "A wait of 16"),
    ("lesson07", "q3", "def backoff_schedule(retries):\n    return [min(2 ** i, 8) for i in range(retries)]", "starts at half a second"),
    ("lesson07", "q3", "def backoff_schedule(retries):\n    return [min(0.5 * (i + 1), 8) for i in range(retries)]", "double"),
    ("lesson07", "q3", "def backoff_schedule(retries):\n    return [min(0.5 * 2 ** i, 8) for i in range(retries + 1)]", "gave 4 waits"),
    ("lesson07", "q3", "def backoff_schedule(retries):\n    print([min(0.5 * 2 ** i, 8) for i in range(retries)])",
     "returned NoneType"),
]


@pytest.mark.parametrize("lesson,q,code,fragment", WRONG, ids=mistake_ids(WRONG))
def test_typical_mistake_is_named(lesson, q, code, fragment):
    assert_named_mistake(lesson, q, code, fragment)
