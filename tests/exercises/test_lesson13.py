"""Lesson 13's exercises (function calling by prompt): their typical wrong answers, and a parser that runs
what the model wrote is caught running it."""
from __future__ import annotations

from helpers.exercises import lesson13
from support.exercises import LessonExercises, assert_hints_hide_the_solution, run
from support.hints import assert_hints_keep_the_solution
from support.third_edition import ThirdEditionCells

_READ_WITH = ("def read_call(text):\n    try:\n        tree = ast.parse(text.strip(), mode='eval').body\n"
              "    except SyntaxError:\n        return None\n"
              "    if not (isinstance(tree, ast.List) and tree.elts and isinstance(tree.elts[0], ast.Call)):\n"
              "        return None\n    call = tree.elts[0]\n"
              "    return call.func.id, {k.arg: {VALUE} for k in call.keywords}")

WRONG = [
    # q1: read_call(text)
    ("q1", _READ_WITH.replace("{VALUE}", "eval(ast.unparse(k.value))"), "ran what the model wrote"),
    ("q1", _READ_WITH.replace("{VALUE}", "ast.unparse(k.value)"), "not the values written"),
    ("q1", "def read_call(text):\n    name, rest = text.strip('[]').split('(', 1)\n    args = {}\n"
           "    for part in rest.rstrip(')').split(','):\n        key, value = part.split('=')\n"
           "        args[key.strip()] = ast.literal_eval(value.strip())\n    return name, args",
     "whose string holds commas"),
    ("q1", _READ_WITH.replace("except SyntaxError:\n        return None", "except SyntaxError:\n        return '', {}")
     .replace("{VALUE}", "ast.literal_eval(k.value)"), "return None when the answer"),
    ("q1", _READ_WITH.replace("    except SyntaxError:\n        return None\n", "    except SyntaxError:\n"
                              "        raise ValueError('not a call')\n")
     .replace("{VALUE}", "ast.literal_eval(k.value)"),
     "a plain answer"),
    # q2: problem(name, arguments, definitions)
    ("q2", "def problem(name, arguments, definitions):\n    return None", "let the call through"),
    ("q2", "def problem(name, arguments, definitions):\n    names = [d['name'] for d in definitions]\n"
           "    return None if name in names else 'unknown function'", "an unknown function"),
    ("q2", "def problem(name, arguments, definitions):\n    found = [d for d in definitions if d['name'] == name]\n"
           "    if not found:\n        return f'No function {name}.'\n"
           "    for p in found[0]['parameters']['required']:\n        if p not in arguments:\n"
           "            return f'{p} is missing.'\n    return None", "an amount written as a string"),
    ("q2", "def problem(name, arguments, definitions):\n    found = [d for d in definitions if d['name'] == name]\n"
           "    if not found:\n        return f'No function {name}.'\n"
           "    props = found[0]['parameters']['properties']\n"
           "    for p in found[0]['parameters']['required']:\n        if p not in arguments:\n"
           "            return f'{p} is missing.'\n    kinds = {'string': str, 'number': (int, float)}\n"
           "    for p, v in arguments.items():\n        if p in props and not isinstance(v, kinds[props[p]['type']]):\n"
           "            return f'{p} has the wrong type.'\n    return None", "an amount given as true"),
    ("q2", "def problem(name, arguments, definitions):\n    found = [d for d in definitions if d['name'] == name]\n"
           "    if not found:\n        return 'That function does not exist.'\n    return None",
     "here, 'cancel_order'"),
    # q3: run_allowed(name, arguments, functions)
    ("q3", "def run_allowed(name, arguments, functions):\n    return functions[name](**arguments)", "raised KeyError"),
    ("q3", "def run_allowed(name, arguments, functions):\n    return eval(name)(**arguments)", "raised NameError"),
    ("q3", "def run_allowed(name, arguments, functions):\n    f = functions.get(name) or globals().get(name)\n"
           "    if f is None:\n        raise ValueError(name)\n    return f(**arguments)", "ran 'delete_account'"),
    ("q3", "def run_allowed(name, arguments, functions):\n    if name not in functions:\n"
           "        raise ValueError('not allowed')\n    return functions[name](**arguments)",
     "should name the function"),
]


class TestLesson13(ThirdEditionCells, LessonExercises):
    module = lesson13
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
        assert_hints_keep_the_solution(self.lesson, q)

    def test_the_hostile_argument_really_runs_under_eval(self):
        """The first mistake is caught because it runs the mark, not by its text: a parser without eval passes."""
        solution = lesson13.q1.solution_code
        assert "eval(" not in solution.replace("literal_eval(", "")
        assert run(self.lesson, "q1", _READ_WITH.replace("{VALUE}", "eval(ast.unparse(k.value))")).status == "incorrect"
