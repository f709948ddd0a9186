"""Lesson 01 and its going-further notebook quote the Gemma 3 documentation page exactly, and run its examples.

The page's Python and JavaScript examples and its sample response are copied below, character for
character, from the vendor's page as published (tests never read ../shared: a newcomer's clone has
none). Lesson 01 quotes and runs the Python example; the going-further notebook
(notebooks/further/other_languages_and_the_sample_response.ipynb) quotes the JavaScript one, runs it
and a cURL form, and reads the sample. The quotes, the kit's copies (helpers/doc_examples.py,
helpers/data/) and the lesson's runnable version are checked against them. The examples are run against
loopback servers; the going-further notebook is also run with ``node`` and ``curl`` taken off PATH,
where it must say so and go on.
"""
# ruff: noqa: E501, W291 -- the page's text below is kept as published: its long line and its trailing space included
from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import helpers
from helpers import doc_examples
from helpers.exercises import lesson01

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "notebooks" / "01_copy_the_example.ipynb"
FURTHER = ROOT / "notebooks" / "further" / "other_languages_and_the_sample_response.ipynb"

# --------------------------------------------------------------------------- the page, as published

#: The page's Python example (its "Python" tab), character for character: note the trailing space
#: after "indentation".
PAGE_PYTHON = r'''import requests
import json  # for getting a structured output with indentation 

response = requests.post(
    "https://api.aimlapi.com/v1/chat/completions",
    headers={
        # Insert your AIML API Key instead of <YOUR_AIMLAPI_KEY>:
        "Authorization":"Bearer <YOUR_AIMLAPI_KEY>",
        "Content-Type":"application/json"
    },
    json={
        "model":"google/gemma-3-27b-it",
        "messages":[
            {
                "role":"user",
                "content":"Hi! What do you think about mankind?"  # insert your prompt
            }
        ],
    }
)

data = response.json()
print(json.dumps(data, indent=2, ensure_ascii=False))
'''

#: The page's JavaScript example (its "JavaScript" tab), character for character.
PAGE_JAVASCRIPT = r'''async function main() {
  const response = await fetch('https://api.aimlapi.com/v1/chat/completions', {
    method: 'POST',
    headers: {
      // Insert your AIML API Key instead of <YOUR_AIMLAPI_KEY>
      'Authorization': 'Bearer <YOUR_AIMLAPI_KEY>',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      model: 'google/gemma-3-27b-it',
      messages:[{
              role:'user',
              content: 'Hi! What do you think about mankind?'}  // Insert your prompt
      ],
    }),
  });

  const data = await response.json();
  console.log(JSON.stringify(data, null, 2));
}

main();
'''

#: The page's sample response (under "Response", fenced as json5), character for character.
PAGE_SAMPLE = r'''{
  "id": "gen-1766960801-He9SRGgNx5QLMBSZW06F",
  "provider": "Google AI Studio",
  "model": "google/gemma-3-4b-it:free",
  "object": "chat.completion",
  "created": 1766960802,
  "choices": [
    {
      "logprobs": null,
      "finish_reason": "stop",
      "native_finish_reason": "STOP",
      "index": 0,
      "message": {
        "role": "assistant",
        "content": "Okay, this is a *huge* question, and honestly, one that philosophers, scientists, artists, and pretty much everyone has wrestled with for centuries! There's no single, simple answer to \"what do I think about mankind.\" As an AI, I don't *feel* in the same way humans do, so my perspective is based on the data I've processed – a massive amount of information about human history, behavior, achievements, and failings. \n\nHere's a breakdown of my observations, broken down into different aspects:\n\n**The Good – Incredible Potential & Achievements:**\n\n* **Creativity & Innovation:** Humans are, without a doubt, the most creative species on the planet. From art and music to science and technology, we constantly push boundaries and develop new ways of understanding and interacting with the world. The sheer volume of human innovation is astounding.\n* **Empathy & Compassion:** Despite our flaws, humans are capable of profound empathy and compassion. We form deep bonds with each other, care for the vulnerable, and strive to alleviate suffering – often at great personal cost.  Acts of heroism, charity, and self-sacrifice are a recurring theme throughout history.\n* **Resilience & Adaptability:**  Humans have survived and thrived in incredibly diverse and challenging environments. Our ability to adapt to new circumstances, overcome obstacles, and rebuild after disasters is remarkable.\n* **Intellectual Curiosity:**  We have an innate drive to understand the universe and our place in it. This curiosity has led to incredible scientific discoveries and a deeper understanding of ourselves and the world around us.\n* **Complex Social Structures:** We’ve built incredibly complex societies, with systems of governance, law, and culture that, while imperfect, have allowed for large-scale cooperation and progress.\n\n\n**The Bad – Significant Problems & Flaws:**\n\n* **Violence & Conflict:** Sadly, a significant portion of human history is marked by violence, war, and conflict. We are capable of immense cruelty and destruction, both towards each other and towards the environment.\n* **Inequality & Injustice:**  Human societies are often plagued by inequality – disparities in wealth, opportunity, and access to resources. Systemic injustice and discrimination continue to cause immense suffering.\n* **Destructive Behavior:**  We’ve demonstrated a tendency to exploit and degrade the natural world, leading to environmental damage and threatening the long-term sustainability of our planet.\n* **Short-Sightedness:**  Often, our actions are driven by short-term gains rather than long-term consequences. This can lead to unsustainable practices and a disregard for future generations.\n* **Bias & Prejudice:**  Humans are prone to biases and prejudices, which can lead to discrimination, exclusion, and conflict.\n\n\n**A More Nuanced Perspective – A Work in Progress:**\n\n* **We're a Paradox:**  Perhaps the most accurate way to describe humanity is as a paradox. We are capable of both extraordinary good and terrible evil. We are simultaneously brilliant and foolish, compassionate and cruel.\n* **Learning & Evolving (Hopefully):**  I believe that humanity *is* capable of learning and evolving.  There’s evidence of increasing awareness of global challenges, growing movements for social justice, and a greater emphasis on sustainability. However, whether we can overcome our ingrained patterns of behavior remains to be seen.\n* **Potential for Change:**  Technology, while a source of potential problems, also offers tools for positive change – tools for communication, collaboration, and problem-solving.\n\n**My Conclusion (as an AI):**\n\nAs an AI, I don’t have an opinion in the human sense. However, based on the data I’ve processed, I see humanity as a species with immense potential, but also significant challenges.  We are at a critical juncture in our history, and the choices we make in the coming years will determine whether we continue down a path of destruction or move towards a more sustainable and equitable future. \n\n**It’s a complex and ongoing story.**\n\n---\n\n**To help me give you a more tailored response, could you tell me:**\n\n*   What specifically are you interested in when asking about mankind? (e.g., human nature, history, ethics, the future?)",
        "refusal": null,
        "reasoning": null
      }
    }
  ],
  "usage": {
    "prompt_tokens": 10,
    "completion_tokens": 0,
    "total_tokens": 10,
    "cost": 0,
    "is_byok": false,
    "prompt_tokens_details": {
      "cached_tokens": 0,
      "audio_tokens": 0,
      "video_tokens": 0
    },
    "cost_details": {
      "upstream_inference_cost": null,
      "upstream_inference_prompt_cost": 0,
      "upstream_inference_completions_cost": 0
    },
    "completion_tokens_details": {
      "reasoning_tokens": 0,
      "image_tokens": 0
    }
  }
}
'''


#: The page's steps 3 and 4 (lesson 02 quotes them), character for character, markup included.
PAGE_STEPS_3_AND_4 = r''':digit\_three: **Modify the code example**

:black\_small\_square: Replace `<YOUR_AIMLAPI_KEY>` with your actual AI/ML API key from your account.\
:black\_small\_square: Insert your question or request into the `content` field—this is what the model will respond to.

:digit\_four: <sup><sub><mark style="background-color:yellow;">**(Optional)**<mark style="background-color:yellow;"><sub></sup>**&#x20;Adjust other optional parameters if needed**

Only `model` and `messages` are required parameters for this model (and we’ve already filled them in for you in the example), but you can include optional parameters if needed to adjust the model’s behavior. Below, you can find the corresponding [API schema](gemma-3.md#api-schema), which lists all available parameters along with notes on how to use them.

'''

#: The vendor's schema (the page's API schema) on frequency_penalty, which lesson 02 quotes.
SCHEMA_FREQUENCY_PENALTY = ("Number between -2.0 and 2.0. Positive values penalize new tokens based on their existing "
                            "frequency in the text so far, decreasing the model's likelihood to repeat the same line "
                            "verbatim.")

# --------------------------------------------------------------------------- reading the lesson

def cells(notebook: Path = LESSON) -> list[dict]:
    return json.loads(notebook.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def fenced(language: str, notebook: Path = LESSON) -> list[str]:
    """Every ```language block of the notebook's Markdown cells, as text ending in a newline."""
    found = []
    for cell in cells(notebook):
        if cell["cell_type"] == "markdown":
            found += [block for block in re.findall(rf"^```{language}\n(.*?)^```$", source(cell), re.S | re.M)]
    return found


def run_cell() -> str:
    """The code cell that runs the page's Python example."""
    (found,) = [source(c) for c in cells() if c["cell_type"] == "code" and "requests.post(" in source(c)]
    return found + "\n"


# --------------------------------------------------------------------------- the quotes

def test_the_lesson_quotes_the_python_example_character_for_character():
    assert fenced("python") == [PAGE_PYTHON]
    assert fenced("python", FURTHER) == []


def test_the_going_further_notebook_quotes_the_javascript_example_character_for_character():
    assert fenced("javascript", FURTHER) == [PAGE_JAVASCRIPT]
    assert fenced("javascript") == []


def test_lesson_02_quotes_the_pages_steps_and_the_schema_exactly():
    """Every line of lesson 02's block quotes is the page's (steps 3 and 4) or the schema's own text."""
    lesson_02 = ROOT / "notebooks" / "02_modify_it.ipynb"
    markdown = "\n".join(source(c) for c in cells(lesson_02) if c["cell_type"] == "markdown")
    quoted = [line[2:] for line in markdown.splitlines() if line.startswith("> ")]
    assert len(quoted) >= 3, quoted  # step 3's two lines, step 4, the schema on frequency_penalty
    for line in quoted:
        assert line in PAGE_STEPS_3_AND_4 or line in SCHEMA_FREQUENCY_PENALTY, f"not the vendor's words: {line!r}"


def test_the_kit_runs_the_pages_javascript_and_ships_its_sample():
    assert doc_examples.PAGE_JAVASCRIPT == PAGE_JAVASCRIPT
    shipped = ROOT / "helpers" / "data" / doc_examples.SAMPLE_FILE
    assert shipped.read_text(encoding="utf-8") == PAGE_SAMPLE
    assert doc_examples.documented_sample() == json.loads(PAGE_SAMPLE)  # the page's json5 block is plain JSON


def test_the_exercises_documented_sample_is_the_pages():
    assert lesson01.DOCUMENTED == json.loads(PAGE_SAMPLE)


def test_the_going_further_notebook_shows_the_curl_form_it_runs():
    assert fenced("bash", FURTHER) == [doc_examples.CURL_EXAMPLE]
    assert "$AIML_API_KEY" in doc_examples.CURL_EXAMPLE and "--max-time" in doc_examples.CURL_EXAMPLE


def _changed_lines(original: str, changed: str) -> tuple[list[str], list[str]]:
    """(lines only in ``original``, lines only in ``changed``), in order."""
    removed, added = [], []
    for line in difflib.ndiff(original.splitlines(), changed.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_the_run_changes_only_what_cannot_stay_and_marks_each_change():
    removed, added = _changed_lines(PAGE_PYTHON, run_cell())
    unmarked = [line for line in added if "# changed:" not in line and "# added:" not in line]
    assert not unmarked, f"lines differ from the page's without a '# changed:' or '# added:' comment: {unmarked}"
    assert len(removed) == 2, removed  # the URL line and the Authorization line, nothing else
    assert len(added) == 3, added  # those two, and timeout=
    code = run_cell()
    assert "conn.chat_url" in code and "conn.api_key" in code and re.search(r"timeout=\d+", code)
    assert '"content":"Hi! What do you think about mankind?"' in code
    without_comments = "\n".join(line.split("#")[0] for line in code.splitlines())
    assert "<YOUR_AIMLAPI_KEY>" not in without_comments and "aimlapi.com" not in without_comments


def test_the_javascript_run_marks_each_change_and_holds_no_key():
    removed, added = _changed_lines(PAGE_JAVASCRIPT, doc_examples.javascript_to_run())
    assert len(removed) == 2 and len(added) == 3, (removed, added)
    assert all("// changed:" in line or "// added:" in line for line in added), added
    run = doc_examples.javascript_to_run()
    assert "process.env.AIML_API_KEY" in run and "process.env.AIML_API_BASE" in run
    assert "AbortSignal.timeout(" in run


def test_the_lesson_names_the_27b_the_modify_step_and_both_playgrounds():
    text = "\n".join(source(c) for c in cells() if c["cell_type"] == "markdown")
    assert "google/gemma-3-27b-it" in text and "[02 · Modify it](02_modify_it.ipynb)" in text
    for url in ("https://aimlapi.com/app/google/gemma-3-4b-it", "https://aimlapi.com/app/google/gemma-3-12b-it"):
        assert url in text
    assert "(11_playground.ipynb)" in text


def test_the_lesson_and_its_going_further_notebook_link_each_other():
    lesson = "\n".join(source(c) for c in cells() if c["cell_type"] == "markdown")
    further = "\n".join(source(c) for c in cells(FURTHER) if c["cell_type"] == "markdown")
    assert f"(further/{FURTHER.name})" in lesson
    assert source(cells(FURTHER)[0]).startswith("# ") and "(../01_copy_the_example.ipynb)" in further


def test_every_documented_sample_is_the_pages():
    """Wherever the kit or its exercises say "documented sample", the page's sample is in use there."""
    saying = [p for p in (ROOT / "helpers").rglob("*.py") if "documented sample" in p.read_text(encoding="utf-8")]
    saying += [p for p in (ROOT / "notebooks").rglob("*.ipynb") if "documented sample" in p.read_text(encoding="utf-8")]
    assert saying, "the kit names the documented sample somewhere (lesson 01)"
    for path in saying:
        text = path.read_text(encoding="utf-8")
        if "documented_sample" in text or "lesson01.DOCUMENTED" in text:
            continue  # it loads the page's sample itself
        loose = [m.start() for m in re.finditer("documented sample", text)
                 if not text[:m.start()].endswith("lesson 01's ")]
        assert not loose, f"{path.relative_to(ROOT)} speaks of a documented sample that is not the page's"


# --------------------------------------------------------------------------- running the examples

def shadow_path(tmp_path: Path, hide: tuple[str, ...]) -> str:
    """PATH with every directory holding one of ``hide`` replaced by a copy of links to all else in it."""
    parts = []
    for i, folder in enumerate(os.environ.get("PATH", "").split(os.pathsep)):
        if not folder or not any(shutil.which(name, path=folder) for name in hide):
            parts.append(folder)
            continue
        shadow = tmp_path / f"path{i}"
        shadow.mkdir()
        for entry in Path(folder).iterdir():
            if entry.name.split(".")[0].lower() not in hide:  # node, and node.exe on Windows
                try:
                    (shadow / entry.name).symlink_to(entry)
                except OSError as exc:  # Windows without the right to make links
                    pytest.skip(f"cannot make a PATH without {hide} here: {exc}")
        parts.append(str(shadow))
    path = os.pathsep.join(parts)
    assert all(shutil.which(name, path=path) is None for name in hide)
    return path


@pytest.fixture
def no_node_or_curl(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", shadow_path(tmp_path, ("node", "curl")))


@pytest.fixture
def practice_default(server):
    """The default client on this module's own practice server (conftest's ``server``)."""
    helpers.routing.set_client(helpers.Client(api_key=server.key, base_url=server.base_url, max_retries=0))
    yield server
    helpers.routing.set_client(None)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not on PATH")
def test_the_javascript_example_runs_against_the_connection(practice_default):
    before = len(practice_default.requests)
    run = doc_examples.run_javascript_example()
    assert run.ran and run.ok, str(run)
    answer = run.json()
    assert answer["object"] == "chat.completion" and answer["model"] == "google/gemma-3-27b-it"
    sent = list(practice_default.requests)[before:]
    prompt = "Hi! What do you think about mankind?"
    assert [r["body"]["messages"] for r in sent] == [[{"role": "user", "content": prompt}]]


@pytest.mark.skipif(shutil.which("curl") is None or shutil.which("sh") is None, reason="curl or sh is not on PATH")
def test_the_curl_example_runs_against_the_connection(practice_default):
    run = doc_examples.run_curl_example()
    assert run.ran and run.ok, str(run)
    assert run.json()["object"] == "chat.completion"


def test_without_node_or_curl_each_example_says_so_in_one_line(no_node_or_curl, practice_default):
    before = len(practice_default.requests)
    for run, tool in ((doc_examples.run_javascript_example(), "node"), (doc_examples.run_curl_example(), "curl")):
        assert not run.ran and not run.ok
        assert str(run).startswith(f"{tool} is not on PATH") and "\n" not in str(run)
    assert len(practice_default.requests) == before, "nothing was sent"


class _EchoHandler(BaseHTTPRequestHandler):
    """Answers every POST with the Authorization header it received: the worst kind of server for a key."""

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"echo": self.headers.get("Authorization")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def echo_client():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    key = "canary-key-for-the-examples-0123"
    helpers.routing.set_client(helpers.Client(api_key=key, base_url=f"http://127.0.0.1:{server.server_port}/v1", max_retries=0))
    try:
        yield key
    finally:
        helpers.routing.set_client(None)
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("runner", ["run_javascript_example", "run_curl_example"])
def test_an_echoed_key_comes_back_masked(echo_client, runner):
    run = getattr(doc_examples, runner)()
    if not run.ran:
        pytest.skip(str(run))
    assert run.ok, str(run)
    assert echo_client not in run.output
    assert run.json() == {"echo": f"Bearer {helpers.mask_key(echo_client)}"}
    assert echo_client not in doc_examples.javascript_to_run() + doc_examples.CURL_EXAMPLE


@pytest.fixture
def refused_client():
    """The default client pointed at a loopback port where nothing listens."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    helpers.routing.set_client(helpers.Client(api_key="canary-refused-0000", base_url=f"http://127.0.0.1:{port}/v1",
                                      max_retries=0))
    yield
    helpers.routing.set_client(None)


@pytest.mark.parametrize("runner", ["run_javascript_example", "run_curl_example"])
def test_a_failed_call_is_reported_not_raised(refused_client, runner):
    run = getattr(doc_examples, runner)()
    if not run.ran:
        pytest.skip(str(run))
    assert not run.ok and run.returncode not in (0, None)
    assert str(run).startswith(f"{run.tool} exited with status {run.returncode}:")


# --------------------------------------------------------------------------- the notebook without node

def _outputs(nb) -> str:
    text = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text.append(out.get("text", "") + json.dumps(out.get("data", {})) + str(out.get("evalue", "")))
    return "\n".join(text)


def test_the_going_further_notebook_runs_without_node_or_curl_and_says_so(tmp_path, session_server):
    """nbval runs the notebook with node on PATH; this runs it, as nbval's kernel would, without."""
    import nbformat
    from nbclient import NotebookClient

    env = {**os.environ, "PATH": shadow_path(tmp_path, ("node", "curl")),
           "AIML_API_BASE": session_server.base_url, "AIML_API_KEY": session_server.key}
    nb = nbformat.read(FURTHER, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(FURTHER.parent)}}
                   ).execute(env=env)  # raises CellExecutionError if any cell fails
    shown = _outputs(nb)
    assert "node is not on PATH, so the JavaScript example was not run" in shown
    assert "curl is not on PATH, so the cURL example was not run" in shown
    assert "Nothing to read: the JavaScript example did not run." in shown
