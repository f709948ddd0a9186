"""The practice sampler, step by step: llama.cpp's chain (penalties, top-k, top-p, min-p, top-a, temperature, draw)."""
import math
import random

import pytest

from helpers.practice.model.sampler import (PENALTY_LAST_N, History, SamplerSettings, keep_min_p, keep_top_a,
                                            keep_top_k, keep_top_p, penalize, sample, softmax, stages, truncate)

# Five candidates, sorted likeliest first, as the model gives them: logits 25 (p ~ 0.57), 24.5, 23, 20, -1.
IDS = [10, 11, 12, 13, 14]
LOGITS = [25.0, 24.5, 23.0, 20.0, -1.0]


def probs(logits):
    return softmax(list(logits))


def test_settings_read_a_request_with_llama_cpp_off_values_as_defaults():
    assert SamplerSettings.from_request({}) == SamplerSettings(1.0, 0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    s = SamplerSettings.from_request({"temperature": 0, "top_k": 5.9, "top_p": 0.5, "min_p": 0.1, "top_a": 0.2,
                                      "frequency_penalty": None, "presence_penalty": 1, "repetition_penalty": 1.3})
    assert (s.temperature, s.top_k, s.top_p, s.min_p, s.top_a) == (0.0, 5, 0.5, 0.1, 0.2)
    assert (s.frequency_penalty, s.presence_penalty, s.repetition_penalty) == (0.0, 1.0, 1.3)
    # Anything the documented ranges let through stays harmless: no division by zero, no huge k.
    assert SamplerSettings.from_request({"repetition_penalty": 0}).repetition_penalty == 1.0
    assert SamplerSettings.from_request({"repetition_penalty": -3}).repetition_penalty == 1.0
    assert SamplerSettings.from_request({"top_k": -4}).top_k == 0
    assert SamplerSettings.from_request({"top_k": 10**30}).top_k == 1 << 30


def test_penalties_divide_positive_logits_multiply_negative_ones_and_subtract_counts():
    s = SamplerSettings(repetition_penalty=2.0, frequency_penalty=0.5, presence_penalty=1.0)
    ids, logits = penalize(IDS, LOGITS, {10: 3, 14: 1}, s)
    got = dict(zip(ids, logits))
    assert got[10] == pytest.approx(25.0 / 2.0 - 3 * 0.5 - 1.0)  # positive: divided, then count * f + p
    assert got[14] == pytest.approx(-1.0 * 2.0 - 1 * 0.5 - 1.0)  # negative: multiplied
    assert got[11] == 24.5 and got[12] == 23.0  # not seen: unchanged
    assert ids[0] == 11 and logits == sorted(logits, reverse=True)  # sorted again, likeliest first


def test_penalties_off_or_nothing_seen_leave_the_candidates_alone():
    assert penalize(IDS, LOGITS, {10: 5}, SamplerSettings()) == (IDS, LOGITS)
    assert penalize(IDS, LOGITS, {}, SamplerSettings(frequency_penalty=2)) == (IDS, LOGITS)
    assert penalize(IDS, LOGITS, {99: 2}, SamplerSettings(frequency_penalty=2)) == (IDS, LOGITS)


def test_a_negative_penalty_encourages_repeats():
    ids, logits = penalize(IDS, LOGITS, {13: 2}, SamplerSettings(frequency_penalty=-2.0))
    assert ids == [10, 11, 13, 12, 14] and logits[2] == 24.0  # 20 - 2 * (-2): now ahead of 23


def test_top_k_keeps_the_k_likeliest_and_zero_or_less_keeps_all():
    assert keep_top_k(5, 2) == 2 and keep_top_k(5, 1) == 1
    assert keep_top_k(5, 0) == 5 and keep_top_k(5, -3) == 5 and keep_top_k(5, 50) == 5


def test_top_p_keeps_the_smallest_set_that_reaches_p():
    p = probs(LOGITS)
    assert keep_top_p(LOGITS, 5, 1.0) == 5
    assert keep_top_p(LOGITS, 5, 0.01) == 1  # the likeliest alone always reaches a tiny p
    assert keep_top_p(LOGITS, 5, p[0] + 0.01) == 2
    assert keep_top_p(LOGITS, 5, p[0] + p[1] + 0.001) == 3
    assert keep_top_p(LOGITS, 2, 0.999) == 2  # within what top-k left, renormalised


def test_min_p_keeps_tokens_at_least_that_share_of_the_likeliest():
    p = probs(LOGITS)
    assert keep_min_p(LOGITS, 5, 0.0) == 5
    share = p[2] / p[0]  # about 0.135
    assert keep_min_p(LOGITS, 5, share - 0.001) == 3 and keep_min_p(LOGITS, 5, share + 0.001) == 2
    assert keep_min_p(LOGITS, 5, 0.999) == 1


def test_top_a_keeps_tokens_above_a_times_p_max_squared():
    p = probs(LOGITS)
    floor = 0.5 * p[0] ** 2
    assert keep_top_a(LOGITS, 5, 0.5) == sum(1 for x in p if x >= floor)
    assert keep_top_a(LOGITS, 5, 0.0) == 5


def test_truncation_chains_in_llama_cpp_order():
    # top_k first (3 left), then top_p over those three renormalised, then min_p.
    s = SamplerSettings(top_k=3, top_p=0.9, min_p=0.5)
    n = truncate(LOGITS, s)
    three = probs(LOGITS[:3])
    after_top_p = next(i + 1 for i in range(3) if sum(three[: i + 1]) >= 0.9)
    assert n == keep_min_p(LOGITS, after_top_p, 0.5) == 2


def test_softmax_sums_to_one_and_temperature_zero_is_one_hot():
    for t in (0.3, 1.0, 2.0):
        assert sum(softmax(LOGITS, t)) == pytest.approx(1.0)
    assert softmax(LOGITS, 0.0) == [1.0, 0.0, 0.0, 0.0, 0.0]
    hot, cold = softmax(LOGITS, 2.0), softmax(LOGITS, 0.5)
    assert hot[0] < probs(LOGITS)[0] < cold[0]  # temperature flattens or sharpens, in order


@pytest.mark.parametrize("temperature", [0.0, 0.7, 1.5, 2.0])
def test_greedy_settings_take_the_likeliest_token_at_any_temperature(temperature):
    rng = random.Random(1)
    for s in (SamplerSettings(temperature=0.0), SamplerSettings(temperature=temperature, top_k=1),
              SamplerSettings(temperature=temperature, top_p=0.01)):
        assert all(sample(IDS, LOGITS, s, {}, rng) == 10 for _ in range(50))


def test_the_draw_follows_the_distribution_and_a_seed_repeats_it():
    draws = [sample(IDS, LOGITS, SamplerSettings(), {}, random.Random(seed)) for seed in range(4000)]
    p = probs(LOGITS)
    for token, expected in zip(IDS[:3], p[:3]):
        assert draws.count(token) / len(draws) == pytest.approx(expected, abs=0.03)
    again = [sample(IDS, LOGITS, SamplerSettings(), {}, random.Random(seed)) for seed in range(4000)]
    assert draws == again


def test_a_higher_temperature_draws_less_likely_tokens_more_often():
    def share_of_top(t):
        rng = random.Random(7)
        return sum(sample(IDS, LOGITS, SamplerSettings(temperature=t), {}, rng) == 10 for _ in range(3000)) / 3000

    shares = [share_of_top(t) for t in (0.3, 0.7, 1.0, 1.5, 2.0)]
    assert shares == sorted(shares, reverse=True) and shares[0] > 0.8 and shares[-1] < 0.5


def test_history_counts_only_the_last_64_tokens():
    h = History()
    for token in [1] * 10 + list(range(100, 100 + PENALTY_LAST_N)):
        h.accept(token)
    assert 1 not in h.counts and len(h.recent) == PENALTY_LAST_N
    h.accept(100 + PENALTY_LAST_N - 1)  # the newest token again; the oldest (100) leaves the window
    assert h.counts[100 + PENALTY_LAST_N - 1] == 2 and 100 not in h.counts


def test_stages_show_each_active_step_and_end_with_the_temperature():
    s = SamplerSettings(temperature=1.5, top_k=4, top_p=0.95, frequency_penalty=1.0)
    shown = stages(IDS, LOGITS, s, {10: 1})
    assert [st.name for st in shown] == ["model", "penalties", "top_k=4", "top_p=0.95", "temperature=1.5"]
    for stage in shown:
        assert sum(stage.probabilities) == pytest.approx(1.0)
        assert len(stage.ids) == len(stage.probabilities)
    assert len(shown[2].ids) == 4 and len(shown[-1].ids) == len(shown[-2].ids)
    assert math.isclose(sum(shown[-1].probabilities), 1.0)
