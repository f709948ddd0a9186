"""Where calls go (helpers.routing): the settings read, the default client, the one switch between modes."""
import os

import pytest

import helpers
from helpers import practice
from helpers.practice import SIMULATED_MARKER, PracticeServer

CANARY = "sk-canary-fedcba9876543210"


@pytest.fixture()
def srv():
    with PracticeServer(latency=0) as server:
        previous = helpers.get_client()
        helpers.routing.set_client(helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0))
        yield server
        helpers.routing.set_client(previous)


@pytest.fixture()
def real_mode(srv, monkeypatch):
    """The kit in real mode: a key that is not a practice key, sent to a server on loopback."""
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    real = helpers.Client(api_key="a-real-looking-key-1234", base_url=srv.base_url, max_retries=0)
    helpers.routing.set_client(real)
    yield real
    helpers.use_practice().back()  # whatever a failed test left on


def test_switch_puts_real_mode_into_practice_mode_and_back(real_mode, srv, monkeypatch):
    srv.reset()
    switch = helpers.use_practice()
    assert switch.on and helpers.mode() == "practice" and helpers.get_client() is not real_mode
    assert os.environ["AIML_PRACTICE"] == "1"
    assert helpers.routing.from_environment().mode == "practice"  # a client built meanwhile from the environment too
    assert "until .back()" in repr(switch)
    practice.fail_next(1, status=403)  # reaches the practice server, not the one real mode talks to
    with pytest.raises(helpers.PermissionDeniedError):
        helpers.chat("Hi", max_tokens=5)
    assert not srv.requests
    switch.back()
    assert helpers.get_client() is real_mode and helpers.mode() == "real"  # the same client: a typed key too
    assert "AIML_PRACTICE" not in os.environ
    assert repr(switch).startswith("Switched back. Real mode")
    switch.back()  # a second time changes nothing
    assert helpers.get_client() is real_mode


def test_switch_restores_a_variable_that_was_set(real_mode, monkeypatch):
    monkeypatch.setenv("AIML_PRACTICE", "0")
    switch = helpers.use_practice()
    assert os.environ["AIML_PRACTICE"] == "1"
    switch.back()
    assert os.environ["AIML_PRACTICE"] == "0"


def test_running_the_switch_cell_twice_returns_the_same_switch(real_mode):
    first = helpers.use_practice()
    again = helpers.use_practice()
    assert again is first
    again.back()
    assert helpers.get_client() is real_mode and not first.on


def test_switch_as_a_with_block_ends_even_when_the_block_raises(real_mode):
    with pytest.raises(ZeroDivisionError), helpers.use_practice():
        assert helpers.mode() == "practice"
        1 / 0
    assert helpers.get_client() is real_mode and "AIML_PRACTICE" not in os.environ


def test_a_with_block_inside_a_switch_leaves_it_on(real_mode):
    outer = helpers.use_practice()
    with helpers.use_practice() as inner:
        assert inner is outer
    assert outer.on and helpers.mode() == "practice"
    outer.back()
    assert helpers.get_client() is real_mode


def test_switch_in_practice_mode_changes_nothing(srv, monkeypatch):
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    before = helpers.get_client()
    switch = helpers.use_practice()
    assert not switch.on and helpers.get_client() is before and "AIML_PRACTICE" not in os.environ
    assert "practice mode already" in repr(switch)
    switch.back()
    assert helpers.get_client() is before


def test_use_practice_false_leaves_practice_mode_for_the_settings(monkeypatch, srv, capsys):
    """The room's fallback and its way back: with a (made-up) key, practice mode is one call away, and back."""
    monkeypatch.setenv("AIML_API_KEY", "made-up-key-for-tests-2468")  # not the practice key: "real" mode
    monkeypatch.setenv("AIML_API_BASE", srv.base_url)
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    helpers.routing.set_client(None)
    assert helpers.mode() == "real"
    switch = helpers.use_practice()
    assert switch.on and os.environ["AIML_PRACTICE"] == "1" and helpers.chat("Hi", max_tokens=8).simulated
    assert helpers.use_practice(False) is None
    out = capsys.readouterr().out
    assert helpers.mode() == "real" and "AIML_PRACTICE" not in os.environ and not switch.on
    assert "Real mode" in out and "****2468" in out and "made-up-key-for-tests-2468" not in out


def test_a_plain_client_knows_nothing_of_the_settings(monkeypatch):
    """Client(key, url) sends where it is told; only helpers.routing reads the settings."""
    monkeypatch.setenv("AIML_API_KEY", "made-up-key-for-tests-2468")
    monkeypatch.setenv("AIML_API_BASE", "http://127.0.0.1:9/v1")
    plain = helpers.Client()
    assert plain.api_key is None and plain.base_url == helpers.schema.DEFAULT_BASE_URL and plain.key_source == ""
    built = helpers.routing.from_environment(max_retries=0)
    assert built.api_key == "made-up-key-for-tests-2468" and built.base_url == "http://127.0.0.1:9/v1"
    assert built.key_source == "AIML_API_KEY" and built.max_retries == 0


def test_with_options_keeps_the_key_and_url(srv):
    client = helpers.get_client()
    twin = client.with_options(max_retries=0, timeout=3)
    assert (twin.api_key, twin.base_url, twin.max_retries, twin.timeout) == (client.api_key, client.base_url, 0, 3.0)
    assert twin is not client and twin.session is not client.session


def test_with_options_may_change_the_key_too(srv):
    wrong = helpers.get_client().with_options(api_key="not-a-real-key-0000", max_retries=0)
    assert wrong.api_key == "not-a-real-key-0000" and wrong.base_url == helpers.get_client().base_url
    with pytest.raises(helpers.AuthenticationError):
        wrong.chat("Hi", max_tokens=2)


@pytest.fixture
def no_env(monkeypatch, tmp_path):
    """No key, no base, no .env: a newcomer's machine."""
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE", "AIML_PRACTICE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_key_means_the_embedded_practice_server(no_env):
    c = helpers.routing.from_environment()
    assert c.mode == "practice" and c.simulated
    assert "Practice mode" in helpers.routing.describe(c)
    assert c.chat("Hi").text.startswith(SIMULATED_MARKER)


def test_practice_mode_says_how_to_leave_it(no_env, monkeypatch):
    assert "set AIML_API_KEY" in helpers.routing.describe(helpers.routing.from_environment())
    monkeypatch.setenv("AIML_API_KEY", CANARY)
    monkeypatch.setenv("AIML_PRACTICE", "1")  # a key is set, but the learner asked for practice
    c = helpers.routing.from_environment()
    described = helpers.routing.describe(c)
    assert c.simulated and "unset AIML_PRACTICE" in described and "set AIML_API_KEY" not in described


def test_key_from_the_environment_and_its_fallbacks(no_env, monkeypatch):
    monkeypatch.setenv("AIMLAPI_API_KEY", CANARY)
    c = helpers.routing.from_environment()
    assert c.mode == "real" and c.key_source == "AIMLAPI_API_KEY" and c.base_url == helpers.schema.DEFAULT_BASE_URL
    monkeypatch.setenv("AIML_API_KEY", "sk-canary-primary-0000000")
    assert helpers.routing.from_environment().api_key_masked == "****0000"
    monkeypatch.setenv("AIML_PRACTICE", "1")
    assert helpers.routing.from_environment().mode == "practice"


def test_key_and_base_from_a_dotenv_file(no_env):
    (no_env / ".env").write_text(f"AIML_API_KEY={CANARY}\nAIML_API_BASE=http://127.0.0.1:9/v1/\n")
    c = helpers.routing.from_environment()
    assert c.key_source == ".env (AIML_API_KEY)" and c.base_url == "http://127.0.0.1:9/v1"
    assert "AIML_API_KEY" not in os.environ, ".env is read into memory, not exported"


def test_a_wrong_aiml_api_base_is_named_and_practice_mode_is_still_one_call_away(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIML_API_KEY", "made-up-key-for-tests-2468")
    monkeypatch.setenv("AIML_API_BASE", "https://api.aimlapi.com")  # no /v1
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    helpers.routing.set_client(None)
    with pytest.raises(ValueError, match="AIML_API_BASE is 'https://api.aimlapi.com'.*unset it"):
        helpers.describe_mode()
    switch = helpers.use_practice()
    assert switch.on and helpers.chat("Hi", max_tokens=5).simulated
    switch.back()
    helpers.routing.set_client(None)


def test_leaving_practice_mode_keeps_a_key_typed_in_this_kernel(srv, monkeypatch, capsys):
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    typed = helpers.routing.use_key("made-up-key-for-tests-1357", max_retries=0)
    switch = helpers.use_practice()
    assert "The switch's .back() returns" in helpers.describe_mode()  # not "unset AIML_PRACTICE"
    helpers.use_practice(False)
    assert helpers.get_client() is typed and not switch.on and "****1357" in capsys.readouterr().out


def test_a_key_typed_during_a_switch_ends_it_and_stays(srv, monkeypatch):
    monkeypatch.delenv("AIML_PRACTICE", raising=False)
    helpers.routing.use_key("made-up-key-for-tests-1357", max_retries=0)
    switch = helpers.use_practice()
    assert helpers.routing.switch_is_on()
    pasted = helpers.routing.use_key("made-up-key-for-tests-8642", max_retries=0)
    assert not switch.on and "AIML_PRACTICE" not in os.environ and helpers.get_client() is pasted
    switch.back()  # nothing left to undo
    assert helpers.get_client() is pasted


def test_a_key_with_an_invisible_character_is_refused_with_what_to_do():
    from helpers.keys import looks_like_key

    assert not looks_like_key("made-up-key-for-tests-1234\u200b")
    with pytest.raises(ValueError, match="not plain visible text"):
        helpers.Client("made-up-key-for-tests-1234\u200b", "http://127.0.0.1:9/v1")
