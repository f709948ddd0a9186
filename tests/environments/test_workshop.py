"""Learners' own copies (helpers.workshop) and the Binder/Colab launch cells (workshop/launch_links.py).

Everything runs in tmp_path: the lessons in notebooks/ are never touched. The git tests build a
maintainer's repository and a learner's clone of it, both on disk, and pull between them.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
import requests

import helpers
from helpers import workshop
from helpers.routing import set_client

ROOT = Path(__file__).resolve().parents[2]
PNG = bytes.fromhex("89504e470d0a1a0a") + b"not really a picture"


def _load_launch_links():
    spec = importlib.util.spec_from_file_location("launch_links", ROOT / "workshop" / "launch_links.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


launch_links = _load_launch_links()


def make_lesson(path: Path, title: str, *code: str) -> Path:
    """A lesson shaped like the kit's: title with "You will learn", code cells, a recap."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n**You will learn**\n- one thing")]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in code]
    nb.cells.append(nbformat.v4.new_markdown_cell("## Recap\n- that thing"))
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def make_kit(root: Path) -> Path:
    """A kit folder: two lessons, an image they use, and things that must never be copied."""
    lessons = root / "notebooks"
    make_lesson(lessons / "00_setup.ipynb", "Setup", "x = 1 + 1\nprint(x)")
    make_lesson(lessons / "01_copy_the_example.ipynb", "Copy the example", "print('hello')")
    (lessons / "images").mkdir()
    (lessons / "images" / "scene.png").write_bytes(PNG)
    (lessons / ".ipynb_checkpoints").mkdir()
    (lessons / ".ipynb_checkpoints" / "00_setup-checkpoint.ipynb").write_text("{}")
    (lessons / ".env").write_text("AIML_API_KEY=\n")
    (lessons / "notes.txt").write_text("a file a lesson reads\n")
    return lessons


def run_notebook(path: Path) -> None:
    """Execute a notebook in place in a real kernel, as a learner pressing Run All would."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)


# --------------------------------------------------------------------------- copy_lessons


def test_my_work_is_ignored_by_git():
    out = subprocess.run(["git", "check-ignore", "my-work/00_setup.ipynb", "my-work/images/scene.png"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.split() == ["my-work/00_setup.ipynb", "my-work/images/scene.png"], out


def test_copy_copies_lessons_and_their_files_but_nothing_secret(tmp_path):
    lessons = make_kit(tmp_path)
    report = workshop.copy_lessons(source=lessons)
    mine = tmp_path / "my-work"
    assert report.dest == mine
    assert report.copied == ["00_setup.ipynb", "01_copy_the_example.ipynb"]
    assert sorted(report.assets) == ["images/scene.png", "notes.txt"]
    assert (mine / "00_setup.ipynb").read_bytes() == (lessons / "00_setup.ipynb").read_bytes()
    assert (mine / "images" / "scene.png").read_bytes() == PNG
    assert not (mine / ".env").exists() and not (mine / ".ipynb_checkpoints").exists()
    manifest = json.loads((mine / workshop.MANIFEST).read_text())
    assert manifest["00_setup.ipynb"]["kit_version"] == workshop.lesson_version(lessons / "00_setup.ipynb")
    assert "copied 2 lesson(s)" in str(report) and "outside the kit" not in str(report)
    assert "outside the kit" in str(workshop.copy_lessons(tmp_path.parent / (tmp_path.name + "-elsewhere"), lessons))


def test_copy_never_overwrites_what_is_there(tmp_path):
    lessons = make_kit(tmp_path)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "00_setup.ipynb").write_text("my own work, not even a notebook")
    (mine / "images").mkdir()
    (mine / "images" / "scene.png").write_bytes(b"my picture")
    report = workshop.copy_lessons(mine, lessons)
    assert (mine / "00_setup.ipynb").read_text() == "my own work, not even a notebook"
    assert (mine / "images" / "scene.png").read_bytes() == b"my picture"
    assert report.copied == ["01_copy_the_example.ipynb"] and report.kept == ["00_setup.ipynb"]
    # Run again: nothing new, nothing touched.
    again = workshop.copy_lessons(mine, lessons)
    assert again.copied == [] and again.assets == [] and again.updated_beside == []
    assert "nothing new" in str(again)
    assert (mine / "00_setup.ipynb").read_text() == "my own work, not even a notebook"


def test_an_updated_lesson_lands_beside_your_copy(tmp_path):
    lessons = make_kit(tmp_path)
    mine = tmp_path / "my-work"
    workshop.copy_lessons(mine, lessons)
    (mine / "00_setup.ipynb").write_text("edited by the learner")
    # The kit changes lesson 00's code; lesson 01 only gains outputs (not a new version).
    make_lesson(lessons / "00_setup.ipynb", "Setup", "x = 2 + 2\nprint(x)")
    nb = nbformat.read(lessons / "01_copy_the_example.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="hello\n")]
    nbformat.write(nb, lessons / "01_copy_the_example.ipynb")

    report = workshop.copy_lessons(mine, lessons)
    version = workshop.lesson_version(lessons / "00_setup.ipynb")
    beside = f"00_setup.kit-{version}.ipynb"
    assert report.updated_beside == [("00_setup.ipynb", beside)]
    assert (mine / "00_setup.ipynb").read_text() == "edited by the learner"
    assert (mine / beside).read_bytes() == (lessons / "00_setup.ipynb").read_bytes()
    assert {s.name: s.state for s in workshop.status(mine, lessons)} == {
        "00_setup.ipynb": "kit updated", "01_copy_the_example.ipynb": "up to date"}
    # Once beside, it is not written again.
    assert workshop.copy_lessons(mine, lessons).updated_beside == []


def test_status_of_lessons_not_copied_or_copied_by_hand(tmp_path):
    lessons = make_kit(tmp_path)
    mine = tmp_path / "my-work"
    mine.mkdir()
    (mine / "01_copy_the_example.ipynb").write_bytes((lessons / "01_copy_the_example.ipynb").read_bytes())
    assert [(s.name, s.state) for s in workshop.status(mine, lessons)] == [
        ("00_setup.ipynb", "not copied"), ("01_copy_the_example.ipynb", "yours (origin unknown)")]


def add_going_further(lessons: Path, code: str = "print('more')") -> Path:
    """A going-further notebook in further/ that links back to its lesson, as the kit's do."""
    path = make_lesson(lessons / "further" / "more_setup.ipynb", "More setup", code)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Back to [00 · Setup](../00_setup.ipynb)."))
    nbformat.write(nb, path)
    return path


def test_going_further_notebooks_are_copied_tracked_updated_and_packed_like_lessons(tmp_path, capsys):
    lessons = make_kit(tmp_path)
    add_going_further(lessons)
    mine = tmp_path / "my-work"
    report = workshop.copy_lessons(mine, lessons)
    name = "further/more_setup.ipynb"
    assert report.copied == ["00_setup.ipynb", "01_copy_the_example.ipynb", name]
    assert name not in report.assets
    assert (mine / name).read_bytes() == (lessons / name).read_bytes()
    assert json.loads((mine / workshop.MANIFEST).read_text())[name]["kit_version"] == \
        workshop.lesson_version(lessons / name)
    assert ("further/more_setup.ipynb", "up to date") in [(s.name, s.state) for s in workshop.status(mine, lessons)]

    # The learner edits their copy; the kit updates the notebook: the new version lands beside it, in further/.
    (mine / name).write_text("edited by the learner")
    add_going_further(lessons, code="print('more, and clearer')")
    beside = f"further/more_setup.kit-{workshop.lesson_version(lessons / name)}.ipynb"
    assert workshop.copy_lessons(mine, lessons).updated_beside == [(name, beside)]
    assert (mine / name).read_text() == "edited by the learner"
    assert (mine / beside).read_bytes() == (lessons / name).read_bytes()
    assert workshop.main(["status", "--source", str(lessons), "--dest", str(mine)]) == 0
    assert re.search(r"^further/more_setup\.ipynb +kit updated$", capsys.readouterr().out, re.M)

    assert workshop.main(["pack", "--dest", str(mine)]) == 0
    assert {f"my-work/{name}", f"my-work/{beside}"} <= set(zipfile.ZipFile(mine / "my-work.zip").namelist())


def test_a_destination_inside_the_lessons_folder_is_refused(tmp_path):
    lessons = make_kit(tmp_path)
    with pytest.raises(workshop.WorkshopError, match="inside it"):
        workshop.copy_lessons(lessons / "mine", lessons)
    assert not (lessons / "mine").exists()


def test_every_link_of_the_real_lessons_works_in_a_learners_copy(tmp_path):
    """make my-copy on the kit's own notebooks: the "Going further" links and the links back still resolve,
    inside the copy or (for the kit's code, ../../helpers/...) in the kit around my-work/."""
    from support.links import relative_links

    source = ROOT / "notebooks"
    mine = tmp_path / "my-work"
    workshop.copy_lessons(mine, source)
    copies = sorted(mine.rglob("*.ipynb"))
    assert {p.relative_to(mine) for p in copies} == set(workshop.course_notebooks(source))
    checked, broken = [], []
    for copy in copies:
        text = "\n".join(c.source for c in nbformat.read(copy, as_version=4).cells if c.cell_type == "markdown")
        for link in relative_links(text):
            target = (copy.parent / link.split("#")[0]).resolve()
            inside = target.is_relative_to(mine)
            found = target.exists() if inside else (ROOT / target.relative_to(tmp_path)).exists()
            checked.append(link)
            if not found:
                broken.append(f"{copy.relative_to(mine)}: {link}")
    assert broken == []
    assert any(link.startswith("further/") for link in checked) and any(link.startswith("../") for link in checked)
    assert {s.state for s in workshop.status(mine, source)} == {"up to date"}


def test_the_lessons_are_found_from_the_root_from_notebooks_and_from_my_work(tmp_path, monkeypatch):
    lessons = make_kit(tmp_path)
    (tmp_path / "my-work").mkdir()
    for start in (tmp_path, lessons, tmp_path / "my-work", lessons / "images"):
        assert workshop.find_lessons_dir(start) == lessons
    monkeypatch.chdir(tmp_path / "my-work")
    assert workshop.copy_lessons().dest == tmp_path / "my-work"


def test_clear_errors_when_there_is_nothing_to_copy(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    with pytest.raises(workshop.WorkshopError, match="--source"):
        workshop.find_lessons_dir(tmp_path / "empty")
    assert workshop.main(["copy", "--source", str(tmp_path / "empty"), "--dest", str(tmp_path / "x")]) == 2
    assert "No lessons" in capsys.readouterr().err
    lessons = make_kit(tmp_path)
    (tmp_path / "a-file").write_text("")
    with pytest.raises(workshop.WorkshopError, match="not a folder"):
        workshop.copy_lessons(tmp_path / "a-file", lessons)
    with pytest.raises(workshop.WorkshopError, match="lessons folder itself"):
        workshop.copy_lessons(lessons, lessons)
    (lessons / "00_setup.ipynb").write_text("{broken")
    with pytest.raises(workshop.WorkshopError, match="not a readable notebook"):
        workshop.copy_lessons(tmp_path / "y", lessons)


def test_pack_zips_your_work_without_checkpoints_or_secrets(tmp_path, capsys):
    lessons = make_kit(tmp_path)
    mine = tmp_path / "my-work"
    assert workshop.main(["copy", "--source", str(lessons), "--dest", str(mine)]) == 0
    (mine / ".ipynb_checkpoints").mkdir()
    (mine / ".ipynb_checkpoints" / "x.ipynb").write_text("{}")
    (mine / ".env").write_text("AIML_API_KEY=not-for-the-zip\n")
    assert workshop.main(["pack", "--dest", str(mine)]) == 0
    archive = mine / "my-work.zip"
    assert f"Packed into {archive}" in capsys.readouterr().out
    names = zipfile.ZipFile(archive).namelist()
    assert sorted(names) == ["my-work/.kit-versions.json", "my-work/00_setup.ipynb",
                             "my-work/01_copy_the_example.ipynb", "my-work/images/scene.png", "my-work/notes.txt"]
    # Packing again replaces the zip and does not put the old zip inside the new one.
    workshop.pack(mine)
    assert "my-work/my-work.zip" not in zipfile.ZipFile(archive).namelist()
    with pytest.raises(workshop.WorkshopError, match="copy` first"):
        workshop.pack(tmp_path / "nothing-here")


def test_on_binder_the_copy_report_says_to_download(tmp_path, monkeypatch):
    lessons = make_kit(tmp_path)
    for name in workshop.BINDER_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert "Binder" not in str(workshop.copy_lessons(tmp_path / "a", lessons))
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert "helpers.workshop pack" in str(workshop.copy_lessons(tmp_path / "b", lessons))


# --------------------------------------------------------------------------- git pull vs a learner's copy


def _git_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_TERMINAL_PROMPT="0",
               GIT_AUTHOR_NAME="Kit", GIT_AUTHOR_EMAIL="kit@example.invalid",
               GIT_COMMITTER_NAME="Kit", GIT_COMMITTER_EMAIL="kit@example.invalid")
    return env


def test_git_pull_of_updated_lessons_never_conflicts_with_a_learners_executed_copy(tmp_path):
    env = _git_env(tmp_path)

    def git(cwd, *args, check=True):
        result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
        if check:
            assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
        return result

    # The maintainers' repository: the kit's real .gitignore, two lessons and an image.
    kit = tmp_path / "kit"
    kit.mkdir()
    (kit / ".gitignore").write_text((ROOT / ".gitignore").read_text())
    make_kit(kit)
    git(kit, "init", "-q", "-b", "main")
    git(kit, "add", "-A")
    git(kit, "commit", "-q", "-m", "lessons 00 and 01")
    assert ".env" not in git(kit, "ls-files").stdout  # the kit's .gitignore keeps it out

    # A learner clones it, makes their copies the documented way, runs and edits one.
    learner = tmp_path / "learner"
    git(tmp_path, "clone", "-q", str(kit), str(learner))
    made = subprocess.run([sys.executable, "-m", "helpers.workshop", "copy"], cwd=learner, env=env,
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    assert "copied 2 lesson(s)" in made.stdout
    copy = learner / "my-work" / "00_setup.ipynb"
    nb = nbformat.read(copy, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("y = x * 10\nprint('my own experiment', y)"))
    nbformat.write(nb, copy)
    run_notebook(copy)
    executed = nbformat.read(copy, as_version=4)
    assert any("my own experiment 20" in o.get("text", "") for c in executed.cells if c.cell_type == "code"
               for o in c.outputs)
    mine_before = copy.read_bytes()
    assert git(learner, "status", "--porcelain").stdout == ""  # git does not even see my-work/

    # The maintainers update lesson 00 and add lesson 02.
    make_lesson(kit / "notebooks" / "00_setup.ipynb", "Setup", "x = 1 + 1\nprint('x is', x)")
    make_lesson(kit / "notebooks" / "02_modify_it.ipynb", "Modify it", "print('new')")
    git(kit, "add", "-A")
    git(kit, "commit", "-q", "-m", "lesson 00 clearer; lesson 02")

    # The learner pulls: no conflict, their copy untouched, the lessons updated.
    pulled = git(learner, "pull", "--no-rebase", "-q")
    assert pulled.returncode == 0
    assert copy.read_bytes() == mine_before
    setup = Path("notebooks") / "00_setup.ipynb"
    assert (learner / setup).read_bytes() == (kit / setup).read_bytes()

    # Copying again brings lesson 02 and puts the new lesson 00 beside the learner's.
    report = workshop.copy_lessons(source=learner / "notebooks")
    assert report.copied == ["02_modify_it.ipynb"]
    version = workshop.lesson_version(kit / "notebooks" / "00_setup.ipynb")
    assert report.updated_beside == [("00_setup.ipynb", f"00_setup.kit-{version}.ipynb")]
    assert copy.read_bytes() == mine_before

    # The contrast that shows this test can see a conflict: running a lesson in notebooks/ itself
    # (outputs saved into the tracked file) makes the next update's pull refuse.
    run_notebook(learner / "notebooks" / "01_copy_the_example.ipynb")
    make_lesson(kit / "notebooks" / "01_copy_the_example.ipynb", "Copy the example", "print('hello, again')")
    git(kit, "commit", "-q", "-am", "lesson 01 updated")
    refused = git(learner, "pull", "--no-rebase", "-q", check=False)
    assert refused.returncode != 0
    assert "would be overwritten" in refused.stderr


# --------------------------------------------------------------------------- Colab secrets


class _FakeUserdata:
    """Colab's ``google.colab.userdata``: ``get`` raises when the secret is missing."""

    class SecretNotFoundError(Exception):
        pass

    def __init__(self, secrets):
        self.secrets = secrets

    def get(self, name):
        if name not in self.secrets:
            raise self.SecretNotFoundError(name)
        return self.secrets[name]


@pytest.fixture
def fake_colab(monkeypatch, tmp_path):
    """Pretend to be on Colab: a ``google.colab.userdata`` module, no key in the environment or a .env."""
    import types

    def install(secrets):
        userdata = _FakeUserdata(secrets)
        google = types.ModuleType("google")
        colab = types.ModuleType("google.colab")
        colab.userdata = userdata
        google.colab = colab
        monkeypatch.setitem(sys.modules, "google", google)
        monkeypatch.setitem(sys.modules, "google.colab", colab)
        monkeypatch.setitem(sys.modules, "google.colab.userdata", userdata)
    for name in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    yield install
    set_client(None)


def test_colab_secret_becomes_the_key_shown_masked(fake_colab, capsys):
    secret = "colab-secret-for-tests-5678"
    fake_colab({"AIML_API_KEY": "  " + secret + "\n"})
    assert workshop.use_colab_secret() == "real"
    out = capsys.readouterr().out
    assert os.environ["AIML_API_KEY"] == secret
    assert "****5678" in out and secret not in out
    assert helpers.mode() == "real"


def test_colab_without_the_secret_stays_in_practice_mode_and_says_how(fake_colab, capsys):
    fake_colab({})
    assert workshop.use_colab_secret() == "practice"
    out = capsys.readouterr().out
    assert "SecretNotFoundError" in out and "Notebook access" in out
    assert "AIML_API_KEY" not in os.environ
    assert helpers.mode() == "practice"


def test_colab_secret_is_not_needed_off_colab(capsys):
    assert "google.colab" not in sys.modules
    assert workshop.use_colab_secret() == helpers.mode()
    assert "Not on Google Colab" in capsys.readouterr().out


# --------------------------------------------------------------------------- launch_links.py


def test_launch_toml_names_the_repository_once_and_the_first_lesson():
    config = launch_links.load_config()
    assert set(config) == {"slug", "branch", "folder", "first"}
    assert (ROOT / config["folder"] / config["first"]).is_file(), \
        "the Binder badge opens this lesson: it must exist"
    # The slug is written nowhere else in the kit (README badges are pasted from `links`).
    if config["slug"] != launch_links.PLACEHOLDER:
        mentions = subprocess.run(["git", "grep", "-l", "-F", config["slug"], "--", ".", ":!notebooks", ":!README.md"],
                                  cwd=ROOT, capture_output=True, text=True).stdout.split()
        assert mentions == ["workshop/launch.toml"], mentions


@pytest.mark.parametrize("slug", ["OWNER/REPO", "", "no-slash", "a/b/c", "https://gitlab.com/a/b", "a b/c"])
def test_bad_slugs_are_refused_with_what_to_do(slug):
    with pytest.raises(launch_links.LaunchError, match="launch.toml|owner/name"):
        launch_links.check_slug(slug)


def test_a_github_url_is_accepted_as_a_slug():
    assert launch_links.check_slug("https://github.com/ada/gemma-kit.git") == "ada/gemma-kit"


def test_links_for_a_slug(capsys):
    assert launch_links.main(["links", "--slug", "ada/gemma-kit"]) == 0
    out = capsys.readouterr().out
    assert ("[![Launch on Binder](https://mybinder.org/badge_logo.svg)]"
            "(https://mybinder.org/v2/gh/ada/gemma-kit/HEAD?urlpath=lab/tree/notebooks/00_setup.ipynb)") in out
    for path in sorted((ROOT / "notebooks").glob(workshop.LESSON_GLOB)):
        assert f"https://colab.research.google.com/github/ada/gemma-kit/blob/main/notebooks/{path.name}" in out
    assert launch_links.main(["links", "--slug", "ada/gemma-kit", "--ref", "workshop-day"]) == 0
    assert "https://mybinder.org/v2/gh/ada/gemma-kit/workshop-day?urlpath=lab/tree/notebooks/00_setup.ipynb" \
        in capsys.readouterr().out


def test_the_placeholder_writes_nothing(tmp_path, capsys):
    lesson = make_lesson(tmp_path / "00_setup.ipynb", "Setup", "print(1)")
    before = lesson.read_bytes()
    config = launch_links.load_config()
    if config["slug"] != launch_links.PLACEHOLDER:
        pytest.skip("launch.toml already names the repository")
    assert launch_links.main(["notebooks", str(lesson)]) == 2
    assert "placeholder" in capsys.readouterr().err
    assert lesson.read_bytes() == before


def test_launch_cells_go_after_the_title_idempotently_and_come_out_again(tmp_path, capsys):
    lessons = [make_lesson(tmp_path / "00_setup.ipynb", "Setup", "print(1)"),
               make_lesson(tmp_path / "03_streaming.ipynb", "Streaming", "print(3)")]
    originals = [p.read_bytes() for p in lessons]
    args = ["--slug", "ada/gemma-kit", *map(str, lessons)]
    assert launch_links.main(["notebooks", "--check", *args]) == 1
    assert [p.read_bytes() for p in lessons] == originals  # --check writes nothing
    assert launch_links.main(["notebooks", *args]) == 0
    once = [p.read_bytes() for p in lessons]
    assert launch_links.main(["notebooks", *args]) == 0
    assert "already up to date" in capsys.readouterr().out
    assert [p.read_bytes() for p in lessons] == once
    assert launch_links.main(["notebooks", "--check", *args]) == 0

    nb = nbformat.read(lessons[1], as_version=4)
    nbformat.validate(nb)
    kinds = [(c.cell_type, c.get("id"), c.metadata.get("launch_links")) for c in nb.cells[:3]]
    assert kinds[0][0] == "markdown" and nb.cells[0].source.startswith("# Streaming")  # the title stays first
    assert kinds[1:] == [("markdown", "launch-links-badges", "badges"), ("code", "launch-links-colab", "colab")]
    assert ("https://colab.research.google.com/github/ada/gemma-kit/blob/main/notebooks/03_streaming.ipynb"
            in nb.cells[1].source)
    assert "urlpath=lab/tree/notebooks/03_streaming.ipynb" in nb.cells[1].source
    assert nb.cells[2].outputs == [] and nb.cells[2].execution_count is None
    assert "recap" in nb.cells[-1].source.lower()

    # A new slug or branch updates the cells in place; --remove restores the lessons exactly.
    assert launch_links.main(["notebooks", "--slug", "bob/kit", "--branch", "dev", str(lessons[1])]) == 0
    nb = nbformat.read(lessons[1], as_version=4)
    assert sum(launch_links._is_ours(c) for c in nb.cells) == 2
    assert "github/bob/kit/blob/dev/" in nb.cells[1].source and '"/content/kit"' in nb.cells[2].source
    assert launch_links.main(["notebooks", "--remove", *args]) == 0
    assert [p.read_bytes() for p in lessons] == originals


def test_the_colab_cell_does_nothing_outside_colab(tmp_path):
    """Run a lesson with the launch cells in a real kernel here: it must not clone, install or move."""
    lesson = make_lesson(tmp_path / "00_setup.ipynb", "Setup",
                         "import os\nassert os.getcwd() == os.path.realpath(%r), os.getcwd()\n"
                         "assert 'KIT' not in globals()\nimport helpers\nprint(helpers.describe_mode())"
                         % str(tmp_path))
    launch_links.update_file(lesson, "ada/gemma-kit", "main", "notebooks",
                             kit_dir=str(tmp_path / "content" / "gemma-kit"))
    run_notebook(lesson)
    assert not (tmp_path / "content").exists()
    outputs = [o for c in nbformat.read(lesson, as_version=4).cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("Practice mode" in o.get("text", "") for o in outputs)


def _sources_repo(dest: Path, env: dict) -> Path:
    """The kit as it is in this working tree (tracked and new files), as a git repo to clone."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / name).write_bytes(src.read_bytes())
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "kit"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True, capture_output=True, timeout=60)
    return dest


def test_the_colab_cell_on_a_fake_colab_installs_the_kit_and_reads_the_secret(tmp_path):
    """The Colab branch, for real: clone (from a local repo), pip install, chdir, read the secret.

    Colab's Python already has the lessons' dependencies; a venv that sees this one's site-packages
    stands in for it, and a ``google.colab.userdata`` module on PYTHONPATH for Colab's secrets.
    """
    import sysconfig

    env = _git_env(tmp_path)
    source = _sources_repo(tmp_path / "origin", env)
    fake = tmp_path / "fake"
    (fake / "google" / "colab").mkdir(parents=True)
    (fake / "google" / "__init__.py").write_text("")
    (fake / "google" / "colab" / "__init__.py").write_text("")
    (fake / "google" / "colab" / "userdata.py").write_text(
        "import os\n"
        "class SecretNotFoundError(Exception):\n    pass\n"
        "def get(name):\n"
        "    value = os.environ.get('FAKE_COLAB_SECRET_' + name)\n"
        "    if value is None:\n        raise SecretNotFoundError(name)\n"
        "    return value\n")
    venv = tmp_path / "colab-python"
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv:  # the same venv, pip seeded into it, in a tenth of a second (python -m venv takes 3 s here)
        subprocess.run([uv, "venv", "-q", "--seed", "--python", sys.executable, str(venv)], check=True, timeout=120)
    else:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", purelib],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "_colab_preinstalled.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    kit_dir = tmp_path / "content" / "gemma-kit"
    cell = launch_links.colab_setup_source("ada/gemma-kit", "main", repo_url=source.as_uri(), kit_dir=str(kit_dir))
    probe = tmp_path / "cell.py"
    probe.write_text("import google.colab\n" + cell + "\n"
                     "import json, os, helpers\n"
                     "print(json.dumps({'cwd': os.getcwd(), 'helpers': helpers.__file__, 'mode': helpers.mode()}))\n")
    base_env = {k: v for k, v in env.items() if k not in ("AIML_API_KEY", "AIMLAPI_API_KEY", "AIML_API_BASE")}
    base_env.update(PYTHONPATH=str(fake), PIP_DISABLE_PIP_VERSION_CHECK="1")

    def run(**extra):
        result = subprocess.run([str(venv / "bin" / "python"), str(probe)], cwd=tmp_path, env={**base_env, **extra},
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout, json.loads(result.stdout.strip().splitlines()[-1])

    out, state = run()
    assert "practice mode" in out and "Notebook access" in out
    assert state["mode"] == "practice"
    assert Path(state["cwd"]) == kit_dir / "notebooks"
    assert Path(state["helpers"]).is_relative_to(venv)  # installed from the clone, not this working tree
    assert (kit_dir / "notebooks" / "images" / "scene.png").is_file()

    [installed] = site.glob("gemma_aiml_kit-*.dist-info/RECORD")
    first_install = installed.stat()

    secret = "colab-secret-for-tests-4321"
    out, state = run(FAKE_COLAB_SECRET_AIML_API_KEY=secret)  # a second run: the clone is reused
    assert state["mode"] == "real" and "****4321" in out and secret not in out
    again = installed.stat()  # and the kit the first run installed is used as it is, not installed again
    assert (again.st_ino, again.st_mtime_ns) == (first_install.st_ino, first_install.st_mtime_ns)


# --------------------------------------------------------------------------- the guide and the handout


DOCS = {name: (ROOT / "workshop" / name).read_text() for name in ("GUIDE.md", "HANDOUT.md")}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_docs_name_only_commands_that_exist(name):
    text = DOCS[name]
    subcommands = set(re.findall(r"python -m helpers\.workshop (\w+)", text))
    assert subcommands and subcommands <= {"copy", "status", "pack"}, subcommands
    targets = set(re.findall(r"\bmake ([a-z][\w-]*)", text))  # "may make 4 calls" is no target
    makefile = (ROOT / "Makefile").read_text()
    assert targets and all(re.search(rf"^{t}:", makefile, re.M) for t in targets), targets
    for call in re.findall(r"helpers\.(\w+)\(", text):
        assert hasattr(helpers, call) or call in ("workshop",), f"helpers.{call} does not exist"
    for function in re.findall(r"from helpers\.workshop import (\w+)", text):
        assert callable(getattr(workshop, function, None)), function


def test_the_errors_the_docs_quote_are_the_ones_learners_get(session_server):
    """Provoke each quoted error against the practice server: the docs quote its real words."""
    conn = {"base_url": session_server.base_url, "max_retries": 0}
    quoted = {}
    with pytest.raises(helpers.AuthenticationError) as e401:
        helpers.Client(api_key="made-up-key-for-tests-1357", **conn).chat("Hi", max_tokens=4)
    quoted["requires a valid API key"] = e401.value.api_message
    client = helpers.Client(api_key=session_server.key, **conn)
    with pytest.raises(helpers.PermissionDeniedError) as e403:
        client.chat("Hi", max_tokens=4, extra_headers={"X-Practice-Fault": "status=403"})
    quoted["run out of credits"] = e403.value.api_message
    with pytest.raises(helpers.RateLimitError) as e429:
        client.chat("Hi", max_tokens=4, extra_headers={"X-Practice-Fault": "status=429"})
    quoted["Too Many Requests"] = e429.value.api_message
    raw = requests.post(session_server.base_url + "/chat/completions", timeout=10,
                        headers={"Authorization": f"Bearer {session_server.key}"},
                        json={"model": helpers.SMALL_MODEL, "messages": [
                            {"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]})
    assert raw.status_code == 400
    quoted["does not support 'system'"] = raw.json()["message"]
    with pytest.raises(ValueError) as no_v1:
        helpers.Client(api_key="x", base_url="https://api.aimlapi.com")
    quoted["base_url must end in /v1"] = str(no_v1.value)
    for words, real in quoted.items():
        assert words in real, (words, real)
        assert words in DOCS["HANDOUT.md"], f"the handout should quote {words!r}"
    guide = DOCS["GUIDE.md"]
    assert raw.json()["message"] in guide  # the 400 quoted in full
    for words in ("This request requires a valid API key", "You've run out of credits", "Too Many Requests",
                  "base_url must end in /v1"):
        assert words in guide, words


def test_the_handout_is_about_one_page():
    lines = [ln for ln in DOCS["HANDOUT.md"].splitlines() if ln.strip()]
    # Measured: 53 non-blank lines printed on one A4 page (10.5 pt, 14 mm margins) from Chromium.
    assert len(lines) <= 60, f"{len(lines)} non-blank lines: it no longer fits one printed page"


def test_the_real_lessons_keep_their_shape_with_the_launch_cells(tmp_path):
    """On copies of the lessons as they are: the title stays first, the recap last, nothing else moves,
    and the first lesson still runs top to bottom with the cells in it (in a folder laid out like the kit)."""
    lessons = sorted((ROOT / "notebooks").glob(workshop.LESSON_GLOB))
    assert lessons
    for name in (".gitignore", ".env.example"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    shutil.copytree(ROOT / "notebooks" / "images", tmp_path / "notebooks" / "images")
    for lesson in lessons:
        copy = tmp_path / "notebooks" / lesson.name
        copy.write_bytes(lesson.read_bytes())
        launch_links.update_file(copy, "ada/gemma-kit", "main", "notebooks")
        before, after = nbformat.read(lesson, as_version=4).cells, nbformat.read(copy, as_version=4).cells
        assert [c for c in after if not launch_links._is_ours(c)] == before, lesson.name
        assert after[0] == before[0] and launch_links._is_ours(after[1]) and launch_links._is_ours(after[2])
        assert "you will learn" in after[0].source.lower() and "recap" in after[-1].source.lower()
    run_notebook(tmp_path / "notebooks" / lessons[0].name)
