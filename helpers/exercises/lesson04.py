"""Exercises for lesson 04 (conversations): a history, the system role, a chat turn.

``q3`` runs the learner's function against the offline practice server, whatever mode the
notebook is in: checking costs nothing and does not depend on the model's words.
"""
from __future__ import annotations

import re
from typing import Any

from ..schema import check_messages
from . import Exercise, Incorrect
from ._checking import RecordingClient, default_client, reject_problems, run_learner, run_learner_on_copy

__all__ = ["q1", "q2", "q3"]


def _roles(messages: list) -> list:
    return [m.get("role") if isinstance(m, dict) else type(m).__name__ for m in messages]


# --------------------------------------------------------------------------- q1: a conversation by hand

_NAME_INTRO = re.compile(r"\bmy name is\s+\w+", re.I)


def _check_conversation(conversation: Any) -> str:
    if not isinstance(conversation, list):
        raise Incorrect(f"`conversation` should be a list of message dicts, not {type(conversation).__name__}.")
    for i, m in enumerate(conversation):
        if not isinstance(m, dict) or "role" not in m or "content" not in m:
            raise Incorrect(f"conversation[{i}] should be a dict with 'role' and 'content' keys, not {m!r:.60}.")
        if not isinstance(m["content"], str) or not m["content"].strip():
            raise Incorrect(f"conversation[{i}]['content'] should be some text (a non-empty string).")
    roles = _roles(conversation)
    if "system" in roles:
        raise Incorrect("There is a 'system' message: Gemma 3 refuses that role. Use only 'user' and 'assistant'.")
    if len(conversation) != 3:
        raise Incorrect(f"`conversation` has {len(conversation)} message(s); the exchange described has three "
                        "(what you said, what the model answered, your next question).")
    if roles[0] != "user":
        raise Incorrect(f"The first message has role {roles[0]!r}: a conversation starts with the user.")
    if roles != ["user", "assistant", "user"]:
        raise Incorrect(f"The roles are {roles}: the model's earlier answer goes back in with the role the API "
                        "gave it, and the turns alternate.")
    if not _NAME_INTRO.search(conversation[0]["content"]):
        raise Incorrect("The first message should introduce you with the words \u201cMy name is ...\u201d.")
    last = conversation[-1]["content"].lower()
    if "name" not in last:
        raise Incorrect("The last message should ask the model what your name is.")
    reject_problems(check_messages(conversation, allow_empty_text=False))
    return "Correct! Sent as one request, this history lets the model answer with your name."


q1 = Exercise(
    name="A conversation",
    prompt="Build `conversation`: you give your name, the model answers, you ask for your name.",
    variables=("conversation",),
    checker=_check_conversation,
    hints=[
        "Three dicts in a list, each {'role': ..., 'content': ...}.",
        "Who speaks first? Who answered? The roles are 'user' and 'assistant' only.",
        "The model's answer in the middle can be anything plausible you write yourself, "
        "e.g. 'Nice to meet you!'.",
    ],
    solution_code='''
conversation = [
    {"role": "user", "content": "Hi! My name is Ada."},
    {"role": "assistant", "content": "Nice to meet you, Ada! How can I help?"},
    {"role": "user", "content": "What is my name?"},
]
''',
)


# --------------------------------------------------------------------------- q2: no system role

_Q2_CASES = [
    [{"role": "system", "content": "Answer like a pirate."},
     {"role": "user", "content": "What is the capital of France?"}],
    [{"role": "system", "content": "Be brief."},
     {"role": "user", "content": "My name is Lin."},
     {"role": "assistant", "content": "Nice to meet you, Lin!"},
     {"role": "user", "content": "What is my name?"}],
    [{"role": "user", "content": "Hello"},
     {"role": "assistant", "content": "Hi there!"},
     {"role": "user", "content": "Tell me a joke."}],
]


def _check_to_gemma(to_gemma: Any) -> str:
    if not callable(to_gemma):
        raise Incorrect("`to_gemma` should be a function (def to_gemma(messages): ...).")
    for case in _Q2_CASES:
        out = run_learner_on_copy(to_gemma, "to_gemma", case, instead="build and return a new list instead")
        if not isinstance(out, list):
            raise Incorrect(f"`to_gemma` returned {type(out).__name__}; it should return a list of messages.")
        roles = _roles(out)
        if "system" in roles:
            raise Incorrect("The result still holds a 'system' message, which Gemma 3 refuses.")
        if case[0]["role"] != "system":
            if out != case:
                raise Incorrect("Given a list with no system message, `to_gemma` should return the same messages "
                                "unchanged.")
            continue
        instructions, rest = case[0]["content"], case[1:]
        if len(out) == len(case):
            raise Incorrect(f"Given {len(case)} messages, one of them system, the result still has {len(out)}: the "
                            "instructions are a message of their own: fold the instructions into an existing message "
                            "(the first user message) instead.")
        if len(out) != len(rest):
            raise Incorrect(f"For {len(case)} messages (one of them system) the result has {len(out)}; "
                            "fold the instructions into an existing message instead of adding or dropping one.")
        if roles != _roles(rest):
            raise Incorrect(f"The roles came out as {roles}; they should stay as the non-system messages had them.")
        first = out[0].get("content")
        if not isinstance(first, str):
            raise Incorrect("The first message's content should stay a string.")
        question = rest[0]["content"]
        if instructions not in first:
            raise Incorrect("The system message's instructions are missing from the result: they should not be lost.")
        if question not in first:
            raise Incorrect("The first user message lost its own text; keep it after the instructions.")
        if first.index(instructions) > first.index(question):
            raise Incorrect("The instructions come after the question; put them first, where a reader meets them "
                            "first.")
        if first == instructions + question:
            raise Incorrect("The instructions and the question run together with nothing between them: put a blank "
                            "line between the two, as the task says.")
        if first != instructions + "\n\n" + question:
            raise Incorrect(f"The first user message came out as {first!r:.90}: it should be the instructions, a blank "
                            "line, then the question, with nothing else added.")
        if out[1:] != rest[1:]:
            raise Incorrect("Only the first user message should change; the later messages should stay as they were.")
        reject_problems(check_messages(out))
    return "Correct! Gemma 3 gets the same instructions, in the only place it accepts them."


q2 = Exercise(
    name="Fold a system message",
    prompt="Write `to_gemma(messages)`: fold a leading system message into the first user message.",
    variables=("to_gemma",),
    checker=_check_to_gemma,
    hints=[
        "Check whether messages[0]['role'] == 'system'; if not, return the messages as they are (a copy is fine).",
        "Build a new first user message whose content is the instructions, a blank line, then the original question.",
        "Return [new_first] + the messages after the first user message. Do not modify the list you were given.",
    ],
    solution_code='''
def to_gemma(messages):
    if not messages or messages[0]["role"] != "system":
        return list(messages)
    instructions, first, *rest = messages
    merged = {"role": "user", "content": instructions["content"] + "\\n\\n" + first["content"]}
    return [merged, *rest]
''',
)


# --------------------------------------------------------------------------- q3: a chat turn that trims

def _signature_tip(exc: Exception) -> str:
    if isinstance(exc, TypeError) and "positional argument" in str(exc):
        return "The check passes keep_last as a third argument: def chat_turn(history, user_text, keep_last=4)."
    return ""


def _check_first_turns(chat_turn: Any, recorder: RecordingClient) -> list:
    """Two short turns, where nothing is trimmed yet; returns the history they built."""
    history: list = []
    reply = run_learner(chat_turn, "chat_turn", history, "Hello! My name is Zoe.")
    if not recorder.calls:
        raise Incorrect("`chat_turn` sent no request: call helpers.chat(...) with the history.")
    if not isinstance(reply, str):
        raise Incorrect(f"`chat_turn` returned {type(reply).__name__}; return the answer's text (a string).")
    if len(history) != 2:
        raise Incorrect(f"After one turn `history` holds {len(history)} message(s): it should hold your "
                        "message and the model's answer (append them to the list you were given).")
    if _roles(history) != ["user", "assistant"]:
        raise Incorrect(f"After one turn the roles in `history` are {_roles(history)}.")
    if history[0].get("content") != "Hello! My name is Zoe.":
        raise Incorrect("The user message in `history` should carry `user_text` as its content.")
    if not isinstance(history[1].get("content"), str):
        raise Incorrect(f"The assistant message's content is a {type(history[1].get('content')).__name__}: "
                        "store the answer's text, a string.")
    if history[1]["content"] != reply:
        raise Incorrect("The assistant message in `history` should hold the same text `chat_turn` returned.")
    if recorder.calls[0][1] != history[:1]:
        raise Incorrect("The first request should carry exactly the history up to your new message.")

    second = run_learner(chat_turn, "chat_turn", history, "What is my name?")
    if len(recorder.calls) != 2:
        raise Incorrect(f"The second turn sent {len(recorder.calls) - 1} request(s); one turn is one request.")
    sent = recorder.calls[1][1]
    if len(sent) == 1:
        raise Incorrect("The second request carried only the new message. The API remembers nothing "
                        "between calls, so the model never saw your name.")
    if sent != history[:3]:
        raise Incorrect(f"The second request carried roles {_roles(sent)}; three messages are short enough to "
                        "send whole: the history so far, ending with the new question.")
    if len(history) != 4 or history[3].get("content") != second:
        raise Incorrect("After the second turn `history` should hold four messages, the last being the answer.")
    return history


def _check_trimmed_turn(chat_turn: Any, recorder: RecordingClient, history: list, keep_last: int | None) -> None:
    """One more turn on a history long enough to trim (keep_last None: the default, 4)."""
    args = (history, "Where do I live?") if keep_last is None else (history, "Where do I live?", keep_last)
    before = len(history)
    run_learner(chat_turn, "chat_turn", *args, tip=_signature_tip)
    keep = 4 if keep_last is None else keep_last
    called = "without keep_last" if keep_last is None else f"with keep_last={keep_last}"
    if len(history) < before + 2:
        raise Incorrect(f"Called {called} on {before} messages, `history` holds {len(history)} afterwards: it "
                        "should keep every message, the new ones included. Trim only what you send.")
    sent = recorder.calls[-1][1]
    whole = history[:before + 1]
    want = whole[:1] + whole[-keep:]
    if sent == want:
        return
    if sent == whole:
        raise Incorrect(f"Called {called}, the request carried all {len(whole)} messages of the history: send "
                        "only the first message and the most recent ones.")
    if sent == whole[-keep:] or (sent and sent[0] != whole[0]):
        raise Incorrect(f"Called {called}, the request lost the first message: the trim keeps it (it holds "
                        "your instructions, or here your name).")
    raise Incorrect(f"Called {called} on a history of {len(whole)} messages, the request carried "
                    f"{len(sent)} ({_roles(sent)}); it should carry the first message and the last {keep}.")


def _check_chat_turn(chat_turn: Any) -> str:
    if not callable(chat_turn):
        raise Incorrect("`chat_turn` should be a function (def chat_turn(history, user_text, keep_last=4): ...).")
    with default_client(RecordingClient()) as recorder:
        history = _check_first_turns(chat_turn, recorder)
        _check_trimmed_turn(chat_turn, recorder, history, 2)
        _check_trimmed_turn(chat_turn, recorder, history, None)
    return "Correct! The caller keeps the whole conversation; each request carries only what still matters."


q3 = Exercise(
    name="A chat turn that trims",
    prompt="Write `chat_turn(history, user_text, keep_last=4)`: add your message to `history`, send it trimmed "
           "(the first message and the last `keep_last`), add the answer to `history` and return its text.",
    variables=("chat_turn",),
    checker=_check_chat_turn,
    hints=[
        "Keep two lists apart: `history`, which only ever grows (append to the list you were given), and what "
        "you send, which is built from it.",
        "What you send: the whole history while it has at most keep_last + 1 messages; otherwise the first "
        "message plus the last keep_last messages (two slices).",
        "After the call, append the answer's .text to `history` with the role 'assistant', and return that text.",
    ],
    solution_code='''
def chat_turn(history, user_text, keep_last=4):
    history.append({"role": "user", "content": user_text})
    if len(history) <= keep_last + 1:
        sent = history
    else:
        sent = history[:1] + history[-keep_last:]
    answer = helpers.chat(sent, max_tokens=200)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''',
)
