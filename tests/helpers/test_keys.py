"""The key (helpers.keys): shown only as its last 4 characters, saved only where and how the learner asks."""
import pytest

import helpers
from support.wire import KEY

CANARY = "sk-canary-fedcba9876543210"


def test_repr_and_str_never_show_the_key():
    client = helpers.Client(api_key=KEY, base_url="http://127.0.0.1:9/v1")
    shown = repr(client) + str(client) + repr(client.session.auth) + helpers.routing.describe(client)
    assert KEY not in shown and "****cdef" in shown


def test_mask_key_rule():
    assert helpers.mask_key("sk-canary-mnop-1234") == "****1234"
    assert helpers.mask_key("short") == "****"
    assert helpers.mask_key(None) == "(no key)"


def test_a_paste_that_is_no_key_is_told_apart():
    from helpers.keys import looks_like_key

    assert looks_like_key(CANARY) and not looks_like_key("my key") and not looks_like_key('"sk-abc1234"')
    assert not looks_like_key("short") and not looks_like_key("AIML_API_KEY=sk-abcdef12")


def test_a_key_is_saved_beside_env_example_else_here(tmp_path, monkeypatch):
    from helpers.keys import default_env_path

    (tmp_path / ".env.example").write_text("AIML_API_KEY=\n")
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert default_env_path() == tmp_path / ".env"
    (tmp_path / ".env.example").unlink()
    assert default_env_path() == tmp_path / "notebooks" / ".env"


def test_save_key_writes_a_private_dotenv(tmp_path):
    from helpers.keys import save_key
    path = tmp_path / ".env"
    path.write_text("OTHER=1\nAIML_API_KEY=old\n")
    save_key(CANARY, path)
    assert path.read_text() == f"OTHER=1\nAIML_API_KEY={CANARY}\n"
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(ValueError):
        save_key("two words", path)
