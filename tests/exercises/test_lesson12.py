"""Lesson 12's exercises (JSON out of Gemma): their typical wrong answers.

What every exercise must do is written once, in LessonExercises; the third edition keeps a hint and a
solution in separate cells, which ThirdEditionCells checks in place of the second edition's shared cell.
"""
from __future__ import annotations

from helpers.exercises import lesson12
from support.exercises import LessonExercises, assert_hints_hide_the_solution
from support.hints import assert_hints_keep_the_solution
from support.third_edition import ThirdEditionCells

WRONG = [
    # q1: parse_fenced(text)
    ("q1", "def parse_fenced(text):\n    return json.loads(text)", "JSONDecodeError"),
    ("q1", 'def parse_fenced(text):\n    return json.loads(text.replace("```json", "").replace("```", ""))',
     "a sentence before and after it"),
    ("q1", "def parse_fenced(text):\n    return json.loads(re.search(r'```json\\s*(.*?)```', text, re.S).group(1))",
     "returned None: handle that case"),
    ("q1", "def parse_fenced(text):\n    m = re.search(r'```(?:json)?\\s*(.*?)```', text, re.S)\n"
           "    return m.group(1) if m else text", "returned a string"),
    ("q1", 'def parse_fenced(text):\n    return json.loads(text.strip().removeprefix("```json").removesuffix("```"))',
     "without a language tag"),
    # q2: Ticket
    ("q2", "Ticket = dict", "inherits from BaseModel"),
    ("q2", "class Ticket(BaseModel):\n    category: str\n    order_number: str | None = None\n    urgent: bool",
     "a category that is not one of the five"),
    ("q2", 'class Ticket(BaseModel):\n    category: Literal["billing", "technical", "account", "shipping", "other"]\n'
           "    order_number: str | None\n    urgent: bool", "refused a right ticket"),
    ("q2", 'class Ticket(BaseModel):\n    category: Literal["billing", "technical", "account", "shipping", "other"]\n'
           "    order_number: str | int | None = None\n    urgent: bool", "tighten the type of `order_number`"),
    ("q2", 'class Ticket(BaseModel):\n    category: Literal["billing", "technical", "account", "shipping", "other"]\n'
           "    order_number: str | None = None\n    urgent: bool | None = None", "a ticket without urgent"),
    ("q2", 'class Ticket(BaseModel):\n    category: Literal["billing", "technical", "account", "shipping", "other"]\n'
           "    order_number: str | None = None", "no field 'urgent'"),
    # q3: verdict(text, model_class)
    ("q3", "def verdict(text, model_class):\n    try:\n        parse_as(model_class, text)\n"
           "    except ValueError:\n        return 'not JSON'\n    except ValidationError:\n"
           "        return 'wrong shape'\n    return 'valid'", "which `except` comes first"),
    ("q3", "def verdict(text, model_class):\n    parse_as(model_class, text)\n    return 'valid'", "raised"),
    ("q3", "def verdict(text, model_class):\n    try:\n        model_class.model_validate(json.loads(text))\n"
           "    except ValidationError:\n        return 'wrong shape'\n    except ValueError:\n"
           "        return 'not JSON'\n    return 'valid'", "a fenced answer that fits"),
    ("q3", "def verdict(text, model_class):\n    try:\n        parse_as(model_class, text)\n"
           "    except Exception:\n        return False\n    return True", "return one of"),
]


class TestLesson12(ThirdEditionCells, LessonExercises):
    module = lesson12
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
        assert_hints_keep_the_solution(self.lesson, q)
