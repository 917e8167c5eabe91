"""The README's command table works as written for a new user: in a fresh copy of the project (the
files git tracks) after `make .env` (what `make run` does first), each `.venv/bin/python manage.py …` row runs
as a subprocess with nothing set in the environment and succeeds; before the `.env` exists a
command stops with one Swedish line saying what to set, not a traceback.

Slow (a fresh database, the demo data, a PDF): about a minute."""

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
DATA = BASE / "tests" / "infographic" / "data"
PREFIX = ".venv/bin/python manage.py "

# What the test writes for the README's placeholders, per command.
INPUTS = {
    "import_selfassessments": {"FIL.csv": ("sjalvskattning.csv", "year,leadership,respondent,subgoal,rating,comment,"
                                           "applied\n" + "".join(f"2022,Falun,anna@falun.invalid,{n},{n % 5 + 1},,ja\n"
                                                                 for n in range(1, 6)))},
    "import_kolada": {"svar.json": DATA / "kolada_v3_page1.json"},
    "import_indicator_values": {"FIL.csv": DATA / "values.csv"},
    "export_data": {"FIL.json": Path("kopia.json")},  # written by the command
    "import_economy": {"FIL.csv": ("ekonomi.csv", "year,municipality,allocated,surplus,consumed\n"
                                   "2022,Falun,4970761,0,4970761\n2022,Mora,1704429,0,1700000\n")},
    "import_survey": {"FIL.csv": ("kommunenkat-2022.csv", "year,municipality,question_key,answer\n"
                                  "2022,Falun,omraden,halsoframjande\n2022,Falun,viktigaste-insatser,Mobila team.\n"
                                  "2022,Mora,omraden,dialoger\n2022,Mora,overgripande-uppfoljning,ja\n")},
}
# Commands that run until stopped: started, watched for a while, then stopped.
SERVICES = {"db_worker": 8}


def readme_commands():
    """The command cells of the README's table "Kommandon", as written."""
    text = (BASE / "README.md").read_text(encoding="utf-8")
    section = text.split("## Kommandon", 1)[1].split("\n## ", 1)[0]
    cells = [line.split(" | ")[0].removeprefix("| ").strip() for line in section.splitlines()
             if line.startswith("| `")]
    return [re.sub(r"^`|`$", "", cell).replace("\\|", "|") for cell in cells]


def argv(command, files):
    """The README's words, optional parts ([…]) included, of alternatives (a|b) the first the test has a
    file for, placeholders replaced by files."""
    words = []
    for word in command.removeprefix(PREFIX).split():
        word = word.strip("[]")
        if word in ("", "…"):
            continue
        if "|" in word:
            alternatives = word.split("|")
            word = next((a for a in alternatives if a in files), alternatives[0])
        words.append(str(files.get(word, word)))
    return [".venv/bin/python", "manage.py", *words]


def clean_env():
    """A new user's shell: no GNV_ settings, no DATABASE_URL, no settings module (pytest's is removed)."""
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "BROWSER_PATH"}
    return {k: v for k, v in os.environ.items() if k in keep}


@pytest.fixture
def fresh_project(tmp_path):
    """What a clone holds (the files git tracks, as they are now), with the installed .venv and node_modules."""
    project = tmp_path / "gnv-portalen"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=BASE, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        if (BASE / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(BASE / name, project / name)
    for shared in (".venv", "node_modules"):
        (project / shared).symlink_to((BASE / shared).resolve())
    return project


def run(project, args, **kwargs):
    return subprocess.run(args, cwd=project, env=clean_env(), capture_output=True, text=True, timeout=600, **kwargs)


def test_readme_lists_every_command_the_way_it_runs():
    commands = readme_commands()
    assert "make run" in commands and any(c.startswith(PREFIX + "import_survey") for c in commands)
    wrong = [c for c in commands if not (c.startswith("make ") or c.startswith(PREFIX))]
    assert not wrong, f"Skriv kommandon som `make …` eller `{PREFIX}…`: {wrong}"


def test_the_readme_commands_run_as_written_after_make_run_writes_env(fresh_project):
    project = fresh_project
    missing = run(project, [".venv/bin/python", "manage.py", "check"])
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "Traceback" not in missing.stderr
    assert missing.stderr.startswith("GNV-portalen: GNV_SECRET_KEY saknas")

    written = run(project, ["make", "-s", ".env"])
    assert written.returncode == 0, written.stderr
    env_text = (project / ".env").read_text(encoding="utf-8")
    assert "GNV_DEBUG=true" in env_text and re.search(r"^GNV_SECRET_KEY=\S{50,}$", env_text, re.M)
    # gunicorn's entry point never reads .env: without settings in the environment it refuses to start.
    wsgi = run(project, [".venv/bin/python", "-c", "import gnv_portal.wsgi"])
    assert wsgi.returncode != 0 and "GNV_SECRET_KEY saknas" in wsgi.stderr

    migrate = run(project, [".venv/bin/python", "manage.py", "migrate", "--noinput"])
    assert migrate.returncode == 0, migrate.stderr
    ran = []
    for command in readme_commands():
        if not command.startswith(PREFIX):
            continue
        name = command.removeprefix(PREFIX).split()[0]
        files = {}
        for placeholder, source in INPUTS.get(name, {}).items():
            if isinstance(source, tuple):
                (project / source[0]).write_text(source[1], encoding="utf-8")
                source = project / source[0]
            files[placeholder] = source
        args = argv(command, files)
        leftover = [w for w in args if re.fullmatch(r"FIL\.\w+|svar\.json", w)]
        assert not leftover, f"The test has no file for {leftover} in `{command}`: add one to INPUTS."
        if name in SERVICES:
            process = subprocess.Popen(args, cwd=project, env=clean_env(), stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, text=True)
            time.sleep(SERVICES[name])
            alive = process.poll() is None
            process.terminate()
            output = process.communicate(timeout=30)[0]
            assert alive, f"`{command}` stopped: {output}"
            assert "Traceback" not in output, output
        else:
            result = run(project, args)
            assert result.returncode == 0, f"`{command}`:\n{result.stdout}\n{result.stderr}"
            assert "Traceback" not in result.stderr
        ran.append(name)
    assert ran[:2] == ["load_reference_data", "load_demo_data"]
    assert {"import_survey", "build_report", "db_worker"} <= set(ran)
    assert (project / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert (project / ".env").read_text(encoding="utf-8") == env_text
