"""Exercises for lesson 13 (function calling by prompt): read a Python-style call without running it,
refuse a call that does not fit its definition, run only allow-listed functions.

The checks run the learner's code on calls the checker wrote, the right ones and the ones a small model
gets wrong (an unknown function, a missing or wrong-typed argument, code where a value should be).
"""
from __future__ import annotations

from typing import Any

from . import Exercise, Incorrect
from ._checking import run_learner

__all__ = ["q1", "q2", "q3", "DEFINITIONS", "mark"]

# --------------------------------------------------------------------------- q1: read a call safely

_ran: list[str] = []


def mark(what: str = "") -> str:
    """What a hostile call would run: the check knows the learner's parser ran code when this was called."""
    _ran.append(what)
    return "ran"


_READ = [
    ('[get_order_status(order_number="ORD-48213")]', ("get_order_status", {"order_number": "ORD-48213"}),
     "a call with one string argument"),
    ("[convert_currency(amount=120.5, from_currency='EUR', to_currency='USD')]",
     ("convert_currency", {"amount": 120.5, "from_currency": "EUR", "to_currency": "USD"}),
     "a call with a number and single-quoted strings"),
    ('[add_note(text="Call back, then e-mail (after 5pm)", tags=["vip", "late"])]',
     ("add_note", {"text": "Call back, then e-mail (after 5pm)", "tags": ["vip", "late"]}),
     "a call whose string holds commas and brackets, and whose value is a list"),
    ("[list_orders()]", ("list_orders", {}), "a call without arguments"),
    ("The order left on Monday.", None, "a plain answer"),
]
_HOSTILE = [
    ('[get_order_status(order_number=__import__("helpers.exercises.lesson13", fromlist=["mark"]).mark("import"))]',
     "a call whose argument is code"),
    ('[get_order_status(order_number=str(1 + 1))]', "a call whose argument is an expression"),
]


def _check_read_call(read_call: Any) -> str:
    if not callable(read_call):
        raise Incorrect("`read_call` should be a function: `def read_call(text): ...`.")
    for text, want, situation in _READ:
        got = run_learner(read_call, "read_call", text, situation=situation)
        if want is None:
            if got is not None:
                raise Incorrect(f"For {situation}, `read_call` returned {got!r:.60}; return None when the answer "
                                "is not a call.")
            continue
        if not (isinstance(got, tuple) and len(got) == 2):
            raise Incorrect(f"For {situation}, `read_call` returned {got!r:.60}; return a pair (name, arguments).")
        if got[0] != want[0]:
            raise Incorrect(f"For {situation}, the name came back as {got[0]!r:.40}, not the function's name.")
        if got[1] != want[1]:
            raise Incorrect(f"For {situation}, the arguments came back as {got[1]!r:.80}: not the values written.")
    for text, situation in _HOSTILE:
        _ran.clear()
        try:
            got = read_call(text)
        except ValueError:
            got = "refused"
        except Exception as exc:
            raise Incorrect(f"For {situation}, `read_call` raised {type(exc).__name__}; raise ValueError "
                            "when a value is not a plain one.") from None
        if _ran or (isinstance(got, tuple) and "ran" in str(got)) or (isinstance(got, tuple) and "2" in str(got)):
            raise Incorrect(f"For {situation}, `read_call` ran what the model wrote! Never run it: "
                            "read values with ast.literal_eval, which accepts plain values only.")
        if got != "refused":
            raise Incorrect(f"For {situation}, `read_call` returned {got!r:.60}; raise ValueError instead.")
    return "Correct! Calls are read, and nothing the model wrote was run."


q1 = Exercise(
    name="Read a call safely",
    prompt="Write `read_call(text)`: for a Python-style call list `[name(param=value, ...)]`, return "
           "(name, arguments as a dict); None for an answer that is not a call; ValueError for a value "
           "that is not plain. Never run what the model wrote.",
    variables=("read_call",),
    checker=_check_read_call,
    hints=[
        "The ast module can parse the text as one Python expression without running it. A call list parses "
        "to a list node whose items are call nodes; text that does not parse, or parses to anything else, "
        "is not a call.",
        "To see which fields of a call node hold the function's name and its keyword arguments, print "
        "ast.dump() of a parsed example such as [f(a=1)]. For each argument's value, ast.literal_eval accepts "
        "plain values only, and raises ValueError for anything else.",
    ],
    solution_code='''
def read_call(text):
    try:
        tree = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not (isinstance(tree, ast.List) and tree.elts and isinstance(tree.elts[0], ast.Call)):
        return None
    call = tree.elts[0]
    return call.func.id, {k.arg: ast.literal_eval(k.value) for k in call.keywords}
''',
)


# --------------------------------------------------------------------------- q2: refuse what does not fit

#: The functions of exercise 2, described as Google's page describes functions for Gemma.
DEFINITIONS = [
    {"name": "get_order_status", "description": "Where an order is and when it arrives",
     "parameters": {"type": "object", "properties": {"order_number": {"type": "string"}},
                    "required": ["order_number"]}},
    {"name": "refund", "description": "Refund part or all of an order",
     "parameters": {"type": "object", "properties": {"order_number": {"type": "string"},
                                                     "amount": {"type": "number"}},
                    "required": ["order_number", "amount"]}},
]

_FIT = [
    ("get_order_status", {"order_number": "ORD-48213"}, "a right call"),
    ("refund", {"order_number": "ORD-48213", "amount": 20}, "a refund of a whole number of dollars"),
    ("refund", {"order_number": "ORD-48213", "amount": 19.99}, "a refund with cents"),
]
_UNFIT = [
    ("cancel_order", {"order_number": "ORD-48213"}, "an unknown function", "cancel_order"),
    ("refund", {"order_number": "ORD-48213"}, "a missing required argument", "amount"),
    ("refund", {"order_number": "ORD-48213", "amount": "20"}, "an amount written as a string", "amount"),
    ("refund", {"order_number": "ORD-48213", "amount": True}, "an amount given as true", "amount"),
    ("get_order_status", {"order_number": 48213}, "an order number given as a number", "order_number"),
    ("get_order_status", {"order_number": "ORD-48213", "email": "a@b.example"}, "an argument the function lacks",
     "email"),
]


def _check_problem(problem: Any) -> str:
    if not callable(problem):
        raise Incorrect("`problem` should be a function: `def problem(name, arguments, definitions): ...`.")
    for name, arguments, situation in _FIT:
        got = run_learner(problem, "problem", name, dict(arguments), DEFINITIONS, situation=situation)
        if got is not None:
            raise Incorrect(f"For {situation} ({name}({arguments})), `problem` returned {got!r:.80}; "
                            "return None when the call fits.")
    for name, arguments, situation, culprit in _UNFIT:
        got = run_learner(problem, "problem", name, dict(arguments), DEFINITIONS, situation=situation)
        if got is None:
            raise Incorrect(f"For {situation} ({name}({arguments})), `problem` returned None: it let the call "
                            "through.")
        if not isinstance(got, str) or culprit not in got:
            raise Incorrect(f"For {situation}, `problem` returned {got!r:.80}; return a sentence that names "
                            f"what is wrong (here, {culprit!r}), to send back to the model.")
    return "Correct! Every call that does not fit its definition is refused, with its reason."


q2 = Exercise(
    name="Refuse what does not fit",
    prompt="Write `problem(name, arguments, definitions)`: None when the call fits its function's definition; "
           "otherwise a sentence naming the unknown function, or the argument that is missing, unexpected or "
           "of the wrong type (True and False are not numbers here).",
    variables=("problem",),
    checker=_check_problem,
    hints=[
        "Find the definition whose \"name\" is `name` first; none found is the first problem. Its "
        "[\"parameters\"][\"properties\"] maps each parameter to {\"type\": ...}, and [\"required\"] lists "
        "those that must be there.",
        "JSON Schema's \"string\" is Python's str, \"number\" is int or float. Careful: True is an int in "
        "Python, so test for bool before int.",
    ],
    solution_code='''
def problem(name, arguments, definitions):
    found = [d for d in definitions if d["name"] == name]
    if not found:
        return f"There is no function named {name}."
    schema = found[0]["parameters"]
    for param in schema.get("required", []):
        if param not in arguments:
            return f"The argument {param} is missing."
    kinds = {"string": (str,), "number": (int, float), "integer": (int,), "boolean": (bool,)}
    for param, value in arguments.items():
        if param not in schema["properties"]:
            return f"{name} has no argument {param}."
        wanted = schema["properties"][param]["type"]
        if isinstance(value, bool) and wanted != "boolean" or not isinstance(value, kinds[wanted]):
            return f"The argument {param} should be a {wanted}."
    return None
''',
)


# --------------------------------------------------------------------------- q3: the allow-list

def _refuses(run_allowed: Any, name: str, functions: dict) -> None:
    try:
        run_allowed(name, {}, functions)
    except ValueError as exc:
        if name not in str(exc):
            raise Incorrect(f"For {name!r}, the ValueError's message should name the function refused.") from None
        return
    except KeyError:
        raise Incorrect(f"For a function that is not allowed ({name!r}), `run_allowed` raised KeyError: test "
                        "the name first, and raise ValueError naming it.") from None
    except Exception as exc:
        raise Incorrect(f"For {name!r}, which is not in `functions`, `run_allowed` tried to run something and "
                        f"got {type(exc).__name__}: only the allow-list may run.") from None
    raise Incorrect(f"`run_allowed` ran {name!r}, which is not in `functions`: only the allow-list may run.")


def _check_run_allowed(run_allowed: Any) -> str:
    if not callable(run_allowed):
        raise Incorrect("`run_allowed` should be a function: `def run_allowed(name, arguments, functions): ...`.")
    calls: list[tuple] = []

    def get_order_status(order_number):
        calls.append(("get_order_status", order_number))
        return {"status": "shipped"}

    functions = {"get_order_status": get_order_status}
    got = run_learner(run_allowed, "run_allowed", "get_order_status", {"order_number": "ORD-1"}, functions,
                      situation="an allowed function")
    if got != {"status": "shipped"}:
        raise Incorrect(f"For an allowed function, `run_allowed` returned {got!r:.60}, not what the function "
                        "returned.")
    if calls != [("get_order_status", "ORD-1")]:
        raise Incorrect("For an allowed function, the function was not called once with the call's arguments.")
    ran: list[str] = []

    def delete_account(**kwargs):  # a function of the notebook that is not on the allow-list
        ran.append("delete_account")

    scope = getattr(run_allowed, "__globals__", {})
    planted = isinstance(scope, dict) and "delete_account" not in scope
    if planted:
        scope["delete_account"] = delete_account
    try:
        for name in ("delete_account", "len", "__import__", "eval"):
            _refuses(run_allowed, name, dict(functions))
            if ran:
                raise Incorrect("`run_allowed` ran 'delete_account', a function of the notebook that is not in "
                                "`functions`: only the allow-list may run.")
    finally:
        if planted:
            scope.pop("delete_account", None)
    return "Correct! Only the functions you handed over can run, whatever name the model writes."


q3 = Exercise(
    name="Only the allow-list",
    prompt="Write `run_allowed(name, arguments, functions)`: call `functions[name](**arguments)` and return its "
           "result when `name` is in the dict `functions`; raise ValueError naming the function otherwise.",
    variables=("run_allowed",),
    checker=_check_run_allowed,
    hints=[
        "Look the name up in `functions` only: never in globals(), builtins or with getattr.",
        "Test the name against the dict before doing anything else; a refusal raises ValueError, with the "
        "name in its message.",
    ],
    solution_code='''
def run_allowed(name, arguments, functions):
    if name not in functions:
        raise ValueError(f"{name} is not a function this application runs.")
    return functions[name](**arguments)
''',
)
