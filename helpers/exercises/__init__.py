"""Self-checking exercises in the style of Kaggle's learntools.

In a lesson::

    from helpers.exercises.lesson02 import q1, q2
    body = ____          # the starter: the learner replaces ____
    q1.check()           # judges the learner's `body`: "not attempted", a named problem, or correct
    q1.hint()            # the next hint (call again for more)
    q1.solution()        # the reference code

A check reads the learner's variables from the notebook, judges what the learner built
(a request body, parsing code, error handling), never the model's random words, so it
gives the same verdict in practice mode and with a real key.
"""
from __future__ import annotations

import inspect
import sys
import types
from dataclasses import dataclass, field
from typing import Any, Callable


class _Blank:
    """The placeholder a starter cell leaves for the learner to replace."""

    def __repr__(self) -> str:
        return "____"

    def __bool__(self) -> bool:
        return False


#: Put ``____`` where the learner must write something.
____ = _Blank()


def _unfinished(value: Any) -> bool:
    """The starter's ``____`` itself, or a function whose code (nested code too) still uses it."""
    if isinstance(value, _Blank):
        return True
    code = getattr(value, "__code__", None)
    return isinstance(code, types.CodeType) and _code_uses_blank(code)


def _code_uses_blank(code: types.CodeType) -> bool:
    if "____" in code.co_names:
        return True
    return any(_code_uses_blank(c) for c in code.co_consts if isinstance(c, types.CodeType))


class Incorrect(Exception):
    """Raised by a checker: its message names what is wrong, without giving the answer away."""


@dataclass
class Outcome:
    """A check's verdict: ``status`` is "not attempted", "incorrect" or "correct"."""

    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"Outcome({self.status!r}, {self.message!r})"


def _show(markdown: str, plain: str) -> None:
    if "IPython" in sys.modules:
        from IPython import get_ipython
        from IPython.display import Markdown, display

        if get_ipython() is not None:
            display(Markdown(markdown))
            return
    print(plain)


@dataclass
class Exercise:
    """One exercise: the variables it reads, a checker, hints and a solution.

    ``checker(**values)`` raises :class:`Incorrect` with a helpful message, or returns
    normally (optionally a string praising what was done).
    """

    name: str
    prompt: str
    variables: tuple[str, ...]
    checker: Callable[..., Any]
    hints: list[str] = field(default_factory=list)
    solution_code: str = ""
    _hints_shown: int = field(default=0, repr=False)
    #: The verdict of the latest ``check()``.
    last_outcome: Outcome | None = field(default=None, repr=False)

    def judge(self, **values: Any) -> Outcome:
        """The verdict on explicit values (what ``check()`` does with the notebook's variables)."""
        missing = [v for v in self.variables if v not in values or _unfinished(values[v])]
        if missing:
            names = ", ".join(f"`{m}`" for m in missing)
            return Outcome("not attempted", f"Not attempted yet: replace the ____ in {names} with your code, "
                                            "run that cell, then check again.")
        try:
            praise = self.checker(**{v: values[v] for v in self.variables})
        except Incorrect as exc:
            return Outcome("incorrect", str(exc))
        return Outcome("correct", praise if isinstance(praise, str) and praise else "Correct!")

    def check(self, **values: Any) -> None:
        """Judge the learner's variables (read from the notebook unless passed) and say why."""
        if not values:
            caller = inspect.currentframe().f_back  # the notebook's namespace
            scope = {**caller.f_globals, **caller.f_locals}
            values = {v: scope[v] for v in self.variables if v in scope}
        outcome = self.judge(**values)
        icon = {"correct": "✅", "incorrect": "❌", "not attempted": "✍️"}[outcome.status]
        _show(f"{icon} **{self.name}: {outcome.status}.** {outcome.message}",
              f"{icon} {self.name}: {outcome.status}. {outcome.message}")
        self.last_outcome = outcome

    def hint(self, n: int | None = None) -> None:
        """Show the next hint (or hint ``n``, counting from 1)."""
        if not self.hints:
            text = "No hint for this one: reread the cell above the exercise."
        else:
            if n is None:
                n = min(self._hints_shown + 1, len(self.hints))
            n = max(1, min(n, len(self.hints)))
            self._hints_shown = max(self._hints_shown, n)
            more = f" (call `hint()` again for hint {n + 1} of {len(self.hints)})" if n < len(self.hints) else ""
            text = f"Hint {n}: {self.hints[n - 1]}{more}"
        _show(f"💡 {text}", f"💡 {text}")

    def solution(self) -> None:
        """Show one correct answer."""
        code = self.solution_code.strip()
        _show(f"💬 **Solution:**\n```python\n{code}\n```", "Solution:\n" + code)

    def __repr__(self) -> str:
        return f"<Exercise {self.name}: {self.prompt}  (check(), hint(), solution())>"


__all__ = ["Exercise", "Incorrect", "Outcome", "____"]
