"""The local `.env` of `make run`: written once with a secret key of its own, read by manage.py
only when the environment chooses no settings itself, never by the WSGI entry point."""

import stat
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from gnv_portal import devenv


def test_written_once_with_a_generated_key_readable_only_by_its_owner(tmp_path):
    path = tmp_path / ".env"
    assert devenv.write(path) is True
    values = devenv.parse(path.read_text(encoding="utf-8"))
    assert values["GNV_DEBUG"] == "true"
    assert len(values["GNV_SECRET_KEY"]) >= 50
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_text(encoding="utf-8")
    assert devenv.write(path) is False
    assert path.read_text(encoding="utf-8") == before
    other = tmp_path / "other.env"
    devenv.write(other)
    assert devenv.parse(other.read_text(encoding="utf-8"))["GNV_SECRET_KEY"] != values["GNV_SECRET_KEY"]


def test_used_when_the_environment_sets_none_of_the_explicit_settings(tmp_path):
    path = tmp_path / ".env"
    path.write_text("# kommentar\n\nGNV_DEBUG=true\nGNV_SECRET_KEY=k\nGNV_EMAIL_HOST=smtp.lokal\n", encoding="utf-8")
    environ = {"PATH": "/usr/bin", "GNV_EMAIL_HOST": "från-miljön"}
    devenv.apply(environ, path)
    # The file fills in what is missing; what the environment has stays.
    assert environ == {"PATH": "/usr/bin", "GNV_DEBUG": "true", "GNV_SECRET_KEY": "k",
                       "GNV_EMAIL_HOST": "från-miljön"}


@pytest.mark.parametrize("name", devenv.EXPLICIT)
def test_ignored_entirely_when_the_environment_sets_one_explicit_setting(tmp_path, name):
    path = tmp_path / ".env"
    path.write_text("GNV_DEBUG=true\nGNV_SECRET_KEY=k\nGNV_EMAIL_HOST=smtp.lokal\n", encoding="utf-8")
    environ = {name: "satt i miljön"}
    devenv.apply(environ, path)
    assert environ == {name: "satt i miljön"}


def test_no_file_no_change_and_a_bad_line_is_named(tmp_path):
    environ = {}
    devenv.apply(environ, tmp_path / ".env")
    assert environ == {}
    (tmp_path / ".env").write_text("GNV_DEBUG=true\nexport GNV_X\n", encoding="utf-8")
    with pytest.raises(devenv.DevEnvError, match="Rad 2 i .env ska ha formen NAMN=värde"):
        devenv.apply({}, tmp_path / ".env")


def test_never_committed_and_only_manage_py_reads_it():
    base = Path(settings.BASE_DIR)
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=base)
    assert ignored.returncode == 0, ".env must be in .gitignore"
    tracked = subprocess.run(["git", "ls-files", ".env"], cwd=base, capture_output=True, text=True)
    assert tracked.stdout == ""
    readers = [p.relative_to(base).as_posix() for p in base.glob("**/*.py")
               if ".venv" not in p.parts and "node_modules" not in p.parts and "tests" not in p.parts
               and "devenv" in p.read_text(encoding="utf-8") and p.name != "devenv.py"]
    assert readers == ["manage.py"]
