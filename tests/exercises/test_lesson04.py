"""Lesson 04's exercises (conversations): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.

Its checks call the practice server over loopback HTTP.
"""
from __future__ import annotations

from helpers.exercises import lesson04
from support.exercises import LessonExercises, assert_hints_hide_the_solution

_SYS = '{"role": "system", "content": "Be brief."}'
_U1 = '{"role": "user", "content": "Hi! My name is Ada."}'
_A1 = '{"role": "assistant", "content": "Nice to meet you!"}'
_U2 = '{"role": "user", "content": "What is my name?"}'

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: a conversation by hand
    ("q1", f"conversation = [{_SYS}, {_U1}, {_A1}, {_U2}]", "'system' message"),
    ("q1", f"conversation = [{_U1}, {_U2}]", "has 2 message(s)"),
    ("q1", f"conversation = [{_U1}, {_U1}, {_U2}]", "turns alternate"),
    ("q1", f"conversation = [{_A1}, {_U1}, {_U2}]", "starts with the user"),
    ("q1", f'conversation = [{{"role": "user", "content": "Hi, I am Ada."}}, {_A1}, {_U2}]',
     "My name is"),
    ("q1", f'conversation = [{_U1}, {_A1}, {{"role": "user", "content": "Tell me a joke."}}]',
     "ask the model what your name is"),
    ("q1", 'conversation = ["Hi! My name is Ada.", "Nice to meet you!", "What is my name?"]',
     "should be a dict"),
    ("q1", f"conversation = {_U1}", "should be a list"),
    ("q1", f'conversation = [{_U1}, {{"role": "assistant", "content": ""}}, {_U2}]', "non-empty string"),
    # q2: to_gemma
    ("q2", 'def to_gemma(messages):\n    return [m for m in messages if m["role"] != "system"]',
     "instructions are missing"),
    ("q2", 'def to_gemma(messages):\n'
           '    return [{**m, "role": "user"} if m["role"] == "system" else m for m in messages]',
     "fold the instructions into an existing message"),
    ("q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return messages
    messages[1]["content"] = messages[0]["content"] + "\\n\\n" + messages[1]["content"]
    return messages[1:]
''', "changed the list it was given"),
    ("q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    first = {"role": "user", "content": messages[1]["content"] + "\\n\\n" + messages[0]["content"]}
    return [first] + messages[2:]
''', "instructions come after the question"),
    ("q2", '''
def to_gemma(messages):
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + "\\n\\n" + first["content"]}, *rest]
''', "unchanged"),
    ("q2", "to_gemma = 'fold the system message in'", "should be a function"),
    ("q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + first["content"]}, *rest]
''', "run together"),
    ("q2", '''
def to_gemma(messages):
    if messages[0]["role"] != "system":
        return list(messages)
    system, first, *rest = messages
    return [{"role": "user", "content": system["content"] + "\\n" + first["content"]}, *rest]
''', "a blank line, then the question"),
    # q3: chat_turn
    ("q3", '''
def chat_turn(history, user_text):
    answer = helpers.chat(user_text)
    history += [{"role": "user", "content": user_text}, {"role": "assistant", "content": answer.text}]
    return answer.text
''', "carried only the new message"),
    ("q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer.text})
    return answer
''', "returned ChatResult"),
    ("q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer})
    return answer.text
''', "store the answer's text"),
    ("q3", '''
def chat_turn(history, user_text):
    history = history + [{"role": "user", "content": user_text}]
    answer = helpers.chat(history)
    history = history + [{"role": "assistant", "content": answer.text}]
    return answer.text
''', "holds 0 message(s)"),
    ("q3", "def chat_turn(history, user_text):\n    return 'Nice to meet you!'", "sent no request"),
    ("q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    return answer.text
''', "holds 1 message(s)"),
    # q3's change from the lesson's chat loop: the request is trimmed, the history is not
    ("q3", '''
def chat_turn(history, user_text):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "keep_last as a third argument"),
    ("q3", '''
def chat_turn(history, user_text, keep_last=4):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "the request carried all 5 messages"),
    ("q3", '''
def chat_turn(history, user_text, keep_last=4):
    history.append({"role": "user", "content": user_text})
    if len(history) > keep_last + 1:
        history[:] = history[:1] + history[-keep_last:]
    answer = helpers.chat(history)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "Trim only what you send"),
    ("q3", '''
def chat_turn(history, user_text, keep_last=4):
    history.append({"role": "user", "content": user_text})
    answer = helpers.chat(history[-(keep_last + 1):])
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "lost the first message"),
    ("q3", '''
def chat_turn(history, user_text, keep_last=4):
    history.append({"role": "user", "content": user_text})
    sent = history if len(history) <= keep_last + 1 else history[:1] + history[-keep_last - 1:]
    answer = helpers.chat(sent)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "the first message and the last 2"),
    ("q3", '''
def chat_turn(history, user_text, keep_last=6):
    history.append({"role": "user", "content": user_text})
    sent = history if len(history) <= keep_last + 1 else history[:1] + history[-keep_last:]
    answer = helpers.chat(sent)
    history.append({"role": "assistant", "content": answer.text})
    return answer.text
''', "Called without keep_last"),
]


class TestLesson04(LessonExercises):
    module = lesson04
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
