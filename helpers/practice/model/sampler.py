"""The practice sampler: turns the model's next-token logits into one token, the way llama.cpp does.

The order and the meaning of every step follow llama.cpp's sampler chain: the default
``samplers`` list of ``common_params_sampling`` (common/common.h), built into a chain by
``common_sampler_init`` (common/sampling.cpp), with each step as in src/llama-sampling.cpp:

1. penalties (``llama_sampler_penalties_apply``), over the last ``penalty_last_n`` = 64 tokens:
   a repeated token's logit is divided by ``repetition_penalty`` when positive and multiplied by
   it when negative, then lowered by ``count * frequency_penalty + (count > 0) * presence_penalty``;
2. top-k: keep the k likeliest (k <= 0 keeps all);
3. top-p: keep the smallest set of likeliest tokens whose probabilities reach p (at least one);
4. min-p: keep the tokens at least ``min_p`` times as likely as the likeliest;
   top-a (from KoboldAI and OpenRouter; llama.cpp has none) follows it: keep the tokens whose
   probability is at least ``top_a * p_max ** 2``;
5. temperature: logits divided by it; 0 keeps only the likeliest token (greedy), as
   ``llama_sampler_temp_impl`` does for ``temp <= 0``;
6. dist: one draw from the softmax, with the request's seed or a fresh generator.

Probabilities at steps 3 and 4 are taken before the temperature, as in llama.cpp, so ``top_k=1``
and ``top_p=0.01`` give the greedy token at any temperature. Everything is pure Python over
candidate lists of at most a few dozen tokens, sorted likeliest first.
"""
from __future__ import annotations

import math
import random
from collections import deque
from dataclasses import dataclass
from typing import Any

#: llama.cpp's default penalty window (``penalty_last_n``).
PENALTY_LAST_N = 64
#: A candidate a million times less likely than the likeliest (after temperature) is never drawn:
#: the draw stops adding weights there (the candidates are sorted), which keeps low temperatures
#: fast. What it leaves out weighs at most a few parts in ten thousand of the whole.
NEGLIGIBLE = 1e-6


@dataclass(frozen=True)
class SamplerSettings:
    """The sampling knobs of one request, with llama.cpp's "off" values as defaults."""

    temperature: float = 1.0
    top_k: int = 0
    top_p: float = 1.0
    min_p: float = 0.0
    top_a: float = 0.0
    repetition_penalty: float = 1.0
    frequency_penalty: float = 0.0
    presence_penalty: float = 0.0

    @classmethod
    def from_request(cls, params: dict[str, Any]) -> "SamplerSettings":
        """The settings of a validated request body; absent or null fields keep their defaults.

        ``top_k`` is cut to a whole number and a ``repetition_penalty`` of 0 or less is taken as
        1 (off): the documented range allows any number, and dividing by zero has no meaning.
        """
        def number(name: str, default: float) -> float:
            value = params.get(name)
            return default if value is None else float(value)

        repetition = number("repetition_penalty", 1.0)
        top_k = params.get("top_k")
        return cls(temperature=number("temperature", 1.0),
                   top_k=max(0, min(int(top_k), 1 << 30)) if top_k is not None else 0,
                   top_p=number("top_p", 1.0), min_p=number("min_p", 0.0), top_a=number("top_a", 0.0),
                   repetition_penalty=repetition if repetition > 0 else 1.0,
                   frequency_penalty=number("frequency_penalty", 0.0),
                   presence_penalty=number("presence_penalty", 0.0))

    @property
    def penalizes(self) -> bool:
        return (self.repetition_penalty != 1.0 or self.frequency_penalty != 0.0
                or self.presence_penalty != 0.0)

    @property
    def truncates(self) -> bool:
        return self.top_p < 1.0 or self.min_p > 0.0 or self.top_a > 0.0


class History:
    """The last PENALTY_LAST_N tokens of an answer and how often each occurs among them."""

    def __init__(self) -> None:
        self.recent: deque[int] = deque()
        self.counts: dict[int, int] = {}

    def accept(self, token: int) -> None:
        self.recent.append(token)
        self.counts[token] = self.counts.get(token, 0) + 1
        if len(self.recent) > PENALTY_LAST_N:
            old = self.recent.popleft()
            self.counts[old] -= 1
            if not self.counts[old]:
                del self.counts[old]


# --------------------------------------------------------------------------- the steps

def penalize(ids: list[int], logits: list[float], counts: dict[int, int],
             s: SamplerSettings) -> tuple[list[int], list[float]]:
    """Step 1, as llama.cpp's penalties sampler; the result is sorted again, likeliest first."""
    if not s.penalizes or not counts:
        return ids, logits
    changed = False
    new = list(logits)
    for i, token in enumerate(ids):
        count = counts.get(token)
        if not count:
            continue
        value = new[i]
        value = value * s.repetition_penalty if value <= 0 else value / s.repetition_penalty
        new[i] = value - count * s.frequency_penalty - s.presence_penalty
        changed = True
    if not changed:
        return ids, logits
    order = sorted(range(len(ids)), key=lambda i: (-new[i], i))
    return [ids[i] for i in order], [new[i] for i in order]


def keep_top_k(n: int, k: int) -> int:
    """Step 2: how many candidates top-k keeps."""
    return min(n, k) if k > 0 else n


def keep_top_p(logits: list[float], n: int, p: float) -> int:
    """Step 3: how many of the first ``n`` candidates top-p keeps."""
    if p >= 1.0:
        return n
    top = logits[0]
    weights = [math.exp(x - top) for x in logits[:n]]
    goal, running = p * sum(weights), 0.0
    for i, w in enumerate(weights):
        running += w
        if running >= goal:
            return i + 1
    return n


def keep_min_p(logits: list[float], n: int, m: float) -> int:
    """Step 4: how many of the first ``n`` candidates are at least ``m`` times as likely as the first."""
    if m <= 0.0:
        return n
    floor = logits[0] + math.log(m)
    kept = 1
    while kept < n and logits[kept] >= floor:
        kept += 1
    return kept


def keep_top_a(logits: list[float], n: int, a: float) -> int:
    """Step 4b: how many of the first ``n`` have probability at least ``a * p_max ** 2``."""
    if a <= 0.0:
        return n
    top = logits[0]
    weights = [math.exp(x - top) for x in logits[:n]]
    p_max = 1.0 / sum(weights)
    floor = a * p_max * p_max
    kept = 1
    while kept < n and weights[kept] * p_max >= floor:
        kept += 1
    return kept


def truncate(logits: list[float], s: SamplerSettings) -> int:
    """Steps 2 to 4b: how many of the sorted candidates survive top-k, top-p, min-p and top-a."""
    n = keep_top_k(len(logits), s.top_k)
    if s.truncates and n > 1:
        n = keep_top_a(logits, keep_min_p(logits, keep_top_p(logits, n, s.top_p), s.min_p), s.top_a)
    return n


def softmax(logits: list[float], temperature: float = 1.0) -> list[float]:
    """Probabilities of sorted logits at a temperature; temperature 0 puts everything on the first."""
    if temperature <= 0.0:
        return [1.0] + [0.0] * (len(logits) - 1)
    top, inverse = logits[0], 1.0 / temperature
    weights = [math.exp((x - top) * inverse) for x in logits]
    total = sum(weights)
    return [w / total for w in weights]


def sample(ids: list[int], logits: list[float], s: SamplerSettings, counts: dict[int, int],
           rng: random.Random) -> int:
    """One token: penalties, top-k, top-p, min-p, top-a, temperature, then a draw (steps 1 to 6)."""
    ids, logits = penalize(ids, logits, counts, s)
    n = truncate(logits, s)
    if n == 1 or s.temperature <= 0.0:
        return ids[0]
    top, inverse = logits[0], 1.0 / s.temperature
    weights = []
    for x in logits[:n]:
        w = math.exp((x - top) * inverse)
        if w < NEGLIGIBLE:
            break  # sorted: every later candidate is less likely still
        weights.append(w)
    goal = rng.random() * sum(weights)
    for token, w in zip(ids, weights):
        goal -= w
        if goal < 0.0:
            return token
    return ids[len(weights) - 1]  # rounding at the very end of the cumulative sum


@dataclass
class Stage:
    """The candidates after one step of the chain, with their probabilities then."""

    name: str
    ids: list[int]
    probabilities: list[float]


def stages(ids: list[int], logits: list[float], s: SamplerSettings, counts: dict[int, int]) -> list[Stage]:
    """What each step of the chain leaves, for showing (``helpers.practice.lesson.next_tokens``)."""
    shown = [Stage("model", ids, softmax(logits))]
    if s.penalizes and counts:
        ids, logits = penalize(ids, logits, counts, s)
        shown.append(Stage("penalties", ids, softmax(logits)))
    n = len(ids)
    for name, active, keep in (
            (f"top_k={s.top_k}", s.top_k > 0, lambda n: keep_top_k(n, s.top_k)),
            (f"top_p={s.top_p:g}", s.top_p < 1.0, lambda n: keep_top_p(logits, n, s.top_p)),
            (f"min_p={s.min_p:g}", s.min_p > 0.0, lambda n: keep_min_p(logits, n, s.min_p)),
            (f"top_a={s.top_a:g}", s.top_a > 0.0, lambda n: keep_top_a(logits, n, s.top_a))):
        if active:
            n = keep(n)
            shown.append(Stage(name, ids[:n], softmax(logits[:n])))
    shown.append(Stage(f"temperature={s.temperature:g}", ids[:n], softmax(logits[:n], s.temperature)))
    return shown
