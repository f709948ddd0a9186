"""Lesson 03's exercises (streaming by hand): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson03
from support.exercises import LessonExercises, assert_hints_hide_the_solution, run

# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: parse_sse_line(line)
    ("q1", 'import json\ndef parse_sse_line(line):\n    return json.loads(line[6:])["choices"][0]["delta"]["content"]',
     "JSONDecodeError"),
    ("q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
           '        return None\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
           '    return (choices[0].get("delta") or {}).get("content", "").strip() or None',
     "do not strip"),
    ("q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
           '        return ""\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
           '    return (choices[0].get("delta") or {}).get("content")', "return None"),
    ("q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
           '        return None\n    return json.loads(line[6:])["choices"][0]["delta"]["content"]',
     "use .get()"),
    ("q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data: ") or line == "data: [DONE]":\n'
           '        return None\n    choices = json.loads(line[6:]).get("choices") or [{}]\n'
           '    return (choices[0].get("delta") or {}).get("content") or None',
     "without a space after the colon"),
    ("q1", 'import json\ndef parse_sse_line(line):\n    if not line.startswith("data:") or "[DONE]" in line:\n'
           '        return None\n    choices = json.loads(line[5:]).get("choices") or [{}]\n'
           '    return (choices[0].get("delta") or {}).get("content") or None',
     "mentions [DONE]"),
    # q2: assemble(raw)
    ("q2", 'import re\ndef assemble(raw):\n    text = raw.decode("latin-1")\n'
           '    out = []\n    for line in re.split(r"\\r\\n|\\r|\\n", text):\n'
           '        if line == "data: [DONE]":\n            break\n'
           '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "garbled characters"),
    ("q2", 'def assemble(raw):\n    out = []\n    for line in raw.decode("utf-8").splitlines():\n'
           '        if line == "data: [DONE]":\n            break\n'
           '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "U+2028"),
    ("q2", 'import re\ndef assemble(raw):\n    out = []\n'
           '    for line in re.split(r"\\r\\n|\\r|\\n", raw.decode("utf-8")):\n'
           '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "[DONE]"),
    ("q2", 'def assemble(raw):\n    out = []\n    for line in raw.decode("utf-8").split("\\n"):\n'
           '        if line == "data: [DONE]":\n            break\n'
           '        out.append(parse_sse_line(line) or "")\n    return "".join(out)', "CRLF"),
    ("q2", 'import re\ndef assemble(raw):\n    out = []\n'
           '    for line in re.split(r"\\r\\n|\\r|\\n", raw.decode("utf-8")):\n'
           '        if line == "data: [DONE]":\n            break\n'
           '        out.append(parse_sse_line(line) or "")\n    return out', "returned list"),
    # q3: undo_latin1(text)
    ("q3", 'def undo_latin1(text):\n    return text.encode("utf-8").decode("latin-1")', "wrong way"),
    ("q3", 'def undo_latin1(text):\n    return text.encode("utf-8").decode("utf-8")', "unchanged"),
    ("q3", 'def undo_latin1(text):\n    return text.encode("latin-1")', "bytes"),
]


class TestLesson03(LessonExercises):
    module = lesson03
    mistakes = WRONG

    def test_messages_never_show_the_repair(self):
        """Beyond the solution's lines (checked for every mistake): the repair itself never shows."""
        for q, code, _ in self.mistakes:
            if q == "q3":
                assert 'encode("latin-1").decode("utf-8")' not in run(self.lesson, q, code).message

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
