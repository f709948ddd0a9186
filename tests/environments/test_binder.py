"""Binder: what binder/ tells repo2docker to build is an environment in which the lessons run.

No Docker engine runs here, so the image itself is never built. Two checks stand in for it:

1. ``repo2docker --no-build --debug`` prints the Dockerfile it would build (requirements-test.txt
   installs repo2docker; the check skips itself where it is missing).
2. A fresh virtual environment built exactly as binder/ says (binder/requirements.txt, then
   binder/postBuild run from the repository root with that environment first on PATH), in a
   copy of the repository. In it: `pip check`; one probe interpreter that imports every helpers
   module and every module any lesson imports, then runs the first lesson (the one the badge
   opens) top to bottom in that environment's own kernel against the practice server the root
   conftest.py started; and JupyterLab started the way Binder starts it, serving the badge's
   path with the widgets' extension among those its page loads. So a broken Binder configuration
   fails the suite.

Why not every lesson by default: measured on the 2-core machine, uv builds the environment in
2 to 3 s and postBuild takes 2 to 4 s; the default run of this module takes 15 to 20 s (up to 50 s
while the shared host runs slow). Running all 12 lessons in it took 37 to 49 s more (3 to 5 s a
lesson), on top of nbval running the same lessons in the developers' environment. What the Binder
environment alone can break (a missing or mismatched package) shows at import time, which the
probe covers for every module every lesson imports. BINDER_TEST_ALL_LESSONS=1 runs every lesson
as well (before a workshop, say).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import requests

from helpers.ports import free_port
from helpers.workshop import LESSON_GLOB

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")
#: Lines in binder/requirements.txt that pip reads as local paths (they stop repo2docker
#: from installing the requirements before the repository is copied in).
LOCAL = re.compile(r"^\s*(-e|--editable|-r|--requirement|-c|--constraint|\.|/|file:)")
#: Pins only binder/ has, each for a reason given in binder/requirements.txt.
BINDER_ONLY = {"notebook"}
#: JupyterLab's plugin whose settings show the "get notified about official Jupyter news?" pop-up.
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"
#: Where binder/postBuild and the Makefile put binder/overrides.json, under an environment's prefix.
LAB_SETTINGS = Path("share", "jupyter", "lab", "settings", "overrides.json")
#: ipywidgets' JupyterLab extension: without it a lesson's widgets show as text.
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"


def pins(path: Path) -> dict[str, str]:
    result = {}
    for line in path.read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            result[match.group(1).lower().replace("_", "-")] = match.group(2)
    return result


def runtime_version() -> str:
    text = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(3\.\d+)", text)
    assert match, f"binder/runtime.txt must read like 'python-3.11', not {text!r}"
    return match.group(1)


def repo_copy(dest: Path) -> Path:
    """The repository as a fresh clone would have it, plus files not committed yet (ignored ones left out)."""
    names = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, names):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


# --------------------------------------------------------------------------- the files themselves


def test_binder_pins_are_the_kits_pins():
    kit, binder = pins(ROOT / "requirements.txt"), pins(BINDER / "requirements.txt")
    differ = {name: (version, binder.get(name)) for name, version in kit.items() if binder.get(name) != version}
    assert not differ, f"binder/requirements.txt must pin what requirements.txt pins (kit, binder): {differ}"
    assert set(binder) - set(kit) == BINDER_ONLY


def test_binder_requirements_name_no_local_paths():
    local = [line for line in (BINDER / "requirements.txt").read_text().splitlines() if LOCAL.match(line)]
    assert not local, f"install the kit in binder/postBuild, not in binder/requirements.txt: {local}"


def test_runtime_is_a_python_the_kit_supports():
    wanted = tuple(int(p) for p in runtime_version().split("."))
    floor = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert floor.startswith(">=")
    assert wanted >= tuple(int(p) for p in floor[2:].split(".")), (wanted, floor)


def test_build_scripts_stop_on_errors():
    post = BINDER / "postBuild"
    lines = [ln.strip() for ln in post.read_text().splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert post.read_text().startswith("#!/usr/bin/env bash")
    assert lines[0].startswith("set -e"), "postBuild must start with `set -e`, or a failed step does not stop the build"
    assert os.access(post, os.X_OK)
    assert any(re.search(r"pip install .*(-e|--no-deps) \.", ln) for ln in lines), "postBuild installs the kit"
    start = BINDER / "start"
    if start.exists():
        body = [ln.strip() for ln in start.read_text().splitlines() if ln.strip()]
        assert body[-1] == 'exec "$@"', 'binder/start must end with exec "$@", or Jupyter never starts'


def test_the_lab_settings_turn_the_news_popup_off():
    """binder/overrides.json answers the news question ("Never") and stops the update check, with keys and
    values that the installed JupyterLab's own schema of the plugin defines."""
    overrides = json.loads((BINDER / "overrides.json").read_text())
    assert overrides == {NEWS_PLUGIN: {"fetchNews": "false", "checkForUpdates": False}}
    package, plugin = NEWS_PLUGIN.split(":")
    schema = json.loads(Path(sys.prefix, "share", "jupyter", "lab", "schemas", package, f"{plugin}.json").read_text())
    assert "false" in {choice["const"] for choice in schema["properties"]["fetchNews"]["oneOf"]}
    assert schema["properties"]["checkForUpdates"]["type"] == "boolean"


def test_make_writes_the_lab_settings_for_lab_and_test(tmp_path):
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    venv = tmp_path / "venv"
    target = venv / LAB_SETTINGS
    for goal in ("lab", "test"):  # a dry run: what each would do, nothing done
        dry = subprocess.run([make, "-n", f"VENV={venv}", goal], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert f"cp binder/overrides.json {target}" in dry.stdout, f"make {goal} does not write {LAB_SETTINGS}"
    subprocess.run([make, "-s", f"VENV={venv}", str(target)], cwd=ROOT, check=True, timeout=60)
    assert target.read_text() == (BINDER / "overrides.json").read_text()


def test_repo2docker_reads_binder_as_intended(tmp_path):
    beside_python = str(Path(sys.executable).parent)  # the venv's bin/, not on PATH under `.venv/bin/python -m pytest`
    exe = shutil.which("repo2docker", path=beside_python) or shutil.which("repo2docker")
    if exe is None:
        pytest.skip("repo2docker is not installed (pip install jupyter-repo2docker to run this check)")
    repo = repo_copy(tmp_path / "repo")
    out = subprocess.run([exe, "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan", str(repo)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout + out.stderr
    assert f"python={runtime_version()}" in text, "runtime.txt was not read"
    lines = text.splitlines()

    def where(pattern: str) -> int:
        found = [i for i, ln in enumerate(lines) if re.search(pattern, ln)]
        assert found, f"no line matching {pattern!r} in the Dockerfile repo2docker would build"
        return found[0]

    install = where(r'pip install --no-cache-dir -r "binder/requirements\.txt"')
    copy_repo = where(r"^COPY --chown=1000:1000 src/ \$\{REPO_DIR\}/$")
    post = where(r"^RUN \./binder/postBuild$")
    assert install < copy_repo < post, "requirements installed before the repository is copied, postBuild after"
    top_level = [ln for ln in lines if re.search(r'-r "requirements\.txt"', ln)]
    assert not top_level, "the top-level requirements.txt was read"


# --------------------------------------------------------------------------- a fresh environment built the Binder way


@pytest.fixture(scope="module")
def binder_env(tmp_path_factory):
    """A copy of the repository and a virtual environment built from binder/ the way repo2docker does."""
    version = runtime_version()
    python = shutil.which(f"python{version}")
    if python is None and f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        python = sys.executable
    if python is None:
        pytest.skip(f"binder/runtime.txt asks for Python {version}, which this machine does not have")
    base = tmp_path_factory.mktemp("binder")
    repo = repo_copy(base / "repo")
    venv = base / "venv"
    # PYTHONDONTWRITEBYTECODE too: pip (and so Binder) compiles what it installs, uv does not; letting Python
    # cache bytecode as it imports keeps every process after the first from compiling JupyterLab afresh.
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    def step(*cmd, cwd=repo, timeout=900):
        result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        command = " ".join(map(str, cmd))
        assert result.returncode == 0, f"{command} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        return result

    started = time.perf_counter()
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv:
        # uv installs the same file with the same pins about ten times faster than pip (3 s, not 30 s, here):
        # repo2docker runs pip on it (test_repo2docker_reads_binder_as_intended), and `pip check` below
        # proves the set uv chose is consistent. --seed puts pip in the venv, for postBuild.
        step(uv, "venv", "-q", "--seed", "--python", python, str(venv))
        step(uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), "-r", "binder/requirements.txt")
    else:
        step(python, "-m", "venv", str(venv))
        # --no-compile only skips writing .pyc files; what gets installed is exactly what binder/ asks for.
        step(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile", "-r",
             "binder/requirements.txt")
    installed = time.perf_counter()
    post = step("./binder/postBuild")  # as repo2docker runs it: from the repository root
    print(f"\nbinder env: requirements {installed - started:.0f} s, postBuild {time.perf_counter() - installed:.0f} s")
    return {"repo": repo, "venv": venv, "python": venv / "bin" / "python", "env": env, "step": step,
            "postbuild_output": post.stdout}


def test_postbuild_installs_the_kit_from_the_repository(binder_env):
    assert f"installed from {binder_env['repo'] / 'helpers' / '__init__.py'}" in binder_env["postbuild_output"]


def test_postbuild_writes_the_lab_settings(binder_env):
    written = binder_env["venv"] / LAB_SETTINGS
    assert written.read_text() == (BINDER / "overrides.json").read_text()


def test_the_binder_environment_is_consistent(binder_env):
    check = binder_env["step"](str(binder_env["python"]), "-m", "pip", "check")
    assert "No broken requirements" in check.stdout


#: The start of the probe's one line of report, whatever else a lesson or a library prints.
PROBE_MARK = "binder-probe-report: "
#: Run in the Binder environment's own Python: import every helpers module and every module a lesson imports,
#: then run lessons top to bottom, each in a kernel of that environment. One interpreter for all three checks;
#: the tests below each read their part of the JSON it prints.
PROBE = r'''
import ast, importlib, json, pathlib, pkgutil, sys, time, traceback
started = time.perf_counter()
import nbformat
from nbclient import NotebookClient
from IPython.core.inputtransformer2 import TransformerManager

prefix, run, lessons, mark = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
report = {}

try:
    import helpers
    names = [m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")]
    for name in names:
        importlib.import_module(name)
    report["helpers"] = {"file": helpers.__file__, "modules": len(names)}
except Exception:
    report["helpers"] = {"error": traceback.format_exc()[-3000:]}
report["seconds"] = {"start and helpers": time.perf_counter() - started}

wanted = set()
for name in lessons:
    for cell in nbformat.read(name, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(TransformerManager().transform_cell(cell.source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                wanted.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                wanted.add(node.module)
wanted.discard("google.colab")  # only on Colab, behind `if "google.colab" in sys.modules`
missing = []
for module in sorted(wanted):
    try:
        importlib.import_module(module)
    except ImportError as exc:
        missing.append(f"{module}: {exc}")
report["imports"] = {"wanted": len(wanted), "missing": missing}
report["seconds"]["imports"] = time.perf_counter() - started - sum(report["seconds"].values())

# Each lesson's kernel first proves it is this environment's, then runs the lesson.
check = "import sys\nassert sys.prefix == %r, ('the kernel is not the Binder environment', sys.prefix)" % prefix
report["ran"], report["failed"] = [], {}
for name in run:
    path = pathlib.Path(name)
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(check))
    try:
        NotebookClient(nb, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        report["ran"].append(path.name)
    except Exception:
        report["failed"][path.name] = traceback.format_exc()[-3000:]
report["seconds"]["lessons"] = time.perf_counter() - started - sum(report["seconds"].values())
print(mark + json.dumps(report))
'''


def probe(binder_env, lessons_to_run) -> dict:
    script = binder_env["repo"].parent / "probe.py"
    script.write_text(PROBE)
    every = sorted((binder_env["repo"] / "notebooks").glob(LESSON_GLOB))
    assert every, "no lessons"
    out = binder_env["step"](str(binder_env["python"]), str(script), str(binder_env["venv"]),
                             json.dumps(list(map(str, lessons_to_run))), json.dumps(list(map(str, every))), PROBE_MARK,
                             cwd=binder_env["repo"] / "notebooks", timeout=1200)
    reports = [line[len(PROBE_MARK):] for line in out.stdout.splitlines() if line.startswith(PROBE_MARK)]
    assert len(reports) == 1, f"the probe printed no report:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return json.loads(reports[0])


def first_lesson() -> str:
    lessons = tomllib.loads((ROOT / "workshop" / "launch.toml").read_text())["lessons"]
    return f"{lessons['folder']}/{lessons['first']}"


@pytest.fixture(scope="module")
def binder_probe(binder_env, session_server):
    """The probe run once, with the lesson the Binder badge opens, against the practice server the root
    conftest.py started; and how many calls that server had before and after."""
    assert os.environ["AIML_API_BASE"] == session_server.base_url
    before = len(session_server.requests)
    report = probe(binder_env, [binder_env["repo"] / first_lesson()])
    print("\nbinder probe:", ", ".join(f"{part} {seconds:.1f} s" for part, seconds in report["seconds"].items()))
    return {**report, "calls": len(session_server.requests) - before}


def test_every_helpers_module_imports_in_the_binder_environment(binder_probe, binder_env):
    helpers_seen = binder_probe["helpers"]
    assert "error" not in helpers_seen, helpers_seen.get("error")
    assert Path(helpers_seen["file"]) == binder_env["repo"] / "helpers" / "__init__.py"
    assert helpers_seen["modules"] >= len(list((ROOT / "helpers").glob("*.py"))) - 1  # every module but __init__


def test_everything_the_lessons_import_is_in_the_binder_environment(binder_probe):
    """Every module any lesson imports (a test-only package, say) imports in the Binder environment."""
    imports = binder_probe["imports"]
    assert imports["wanted"] > 0
    assert not imports["missing"], "not importable in the Binder environment:\n" + "\n".join(imports["missing"])


def test_the_first_lesson_runs_in_the_binder_environment(binder_probe):
    """The lesson the Binder badge opens, top to bottom, in the Binder environment's own kernel."""
    assert not binder_probe["failed"], binder_probe["failed"]
    assert binder_probe["ran"] == [Path(first_lesson()).name]
    assert binder_probe["calls"] > 0, "the lesson did not reach the practice server"


@pytest.mark.skipif(os.environ.get("BINDER_TEST_ALL_LESSONS") != "1",
                    reason="about 5 s a lesson on top of nbval's own run of them: set BINDER_TEST_ALL_LESSONS=1")
def test_every_lesson_runs_in_the_binder_environment(binder_env, session_server):
    calls_before = len(session_server.requests)
    lessons = sorted((binder_env["repo"] / "notebooks").glob(LESSON_GLOB))
    report = probe(binder_env, lessons)
    assert not report["failed"], report["failed"]
    assert report["ran"] == [p.name for p in lessons]
    assert len(session_server.requests) > calls_before


@pytest.fixture(scope="module")
def binder_lab(binder_env):
    """JupyterLab started from the Binder environment at the repository root, as Binder starts it."""
    port = free_port()
    log_path = binder_env["repo"].parent / "lab.log"
    log = open(log_path, "w")
    lab = subprocess.Popen(
        [str(binder_env["venv"] / "bin" / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.token=", "--ServerApp.password=", "--allow-root", "--LabApp.news_url=None",
         f"--ServerApp.root_dir={binder_env['repo']}"],
        env=binder_env["env"], stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{url}/api/status", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert lab.poll() is None and time.monotonic() < deadline, \
                "JupyterLab did not start:\n" + log_path.read_text()[-3000:]
            time.sleep(0.3)
        yield url
    finally:
        lab.terminate()
        try:
            lab.wait(timeout=15)
        except subprocess.TimeoutExpired:
            lab.kill()
            lab.wait(timeout=5)
        log.close()


def page_config(page: str) -> dict:
    """The settings JupyterLab's server writes into the page for the browser to read."""
    match = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.S)
    assert match, "the page carries no jupyter-config-data"
    return json.loads(match.group(1))


def test_the_badge_opens_the_first_lesson_in_jupyterlab(binder_lab):
    """Ask the Binder environment's JupyterLab for the lesson the badge's urlpath names."""
    path = first_lesson()
    contents = requests.get(f"{binder_lab}/api/contents/{path}?content=0", timeout=10)
    assert contents.status_code == 200 and contents.json()["type"] == "notebook", contents.text[:300]
    page = requests.get(f"{binder_lab}/lab/tree/{path}", timeout=10)
    assert page.status_code == 200 and "JupyterLab" in page.text
    # The browser reads these defaults: "Never" to the news question, so the pop-up is never shown.
    news = requests.get(f"{binder_lab}/lab/api/settings/{NEWS_PLUGIN}", timeout=10).json()["schema"]["properties"]
    assert news["fetchNews"]["default"] == "false" and news["checkForUpdates"]["default"] is False


def test_jupyterlab_loads_the_widgets_extension(binder_lab):
    """The page JupyterLab serves names the widgets' extension among those the browser loads, not disabled:
    without it the lessons' widgets show as text."""
    config = page_config(requests.get(f"{binder_lab}/lab/tree/{first_lesson()}", timeout=10).text)
    loaded = {extension["name"] for extension in config.get("federated_extensions", [])}
    assert WIDGETS_EXTENSION in loaded, f"the widgets would not show in JupyterLab (loaded: {sorted(loaded)})"
    disabled = [p for p in config.get("disabledExtensions", []) if is_disabled_by(p, WIDGETS_EXTENSION)]
    assert not disabled, f"JupyterLab is told to disable the widgets' extension: {disabled}"


def is_disabled_by(pattern: str, extension: str) -> bool:
    """Whether an entry of JupyterLab's disabledExtensions (an extension, one of its plugins, or a regular
    expression) turns the extension, or a plugin of it, off."""
    if pattern == extension or pattern.startswith(extension + ":"):
        return True
    try:
        return re.fullmatch(pattern, extension) is not None or re.fullmatch(pattern, extension + ":plugin") is not None
    except re.error:
        return False
