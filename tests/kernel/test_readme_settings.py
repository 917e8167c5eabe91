"""Every setting the code reads from the environment is in the README's table
"Inställningar (miljövariabler)", and every row there is read somewhere."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
NAME = r"""["']([A-Z][A-Z0-9_]+)["']"""
READS = [
    re.compile(r"env_(?:str|bool|int|list)\(\s*" + NAME),
    re.compile(r"os\.environ\.get\(\s*" + NAME),
    re.compile(r"os\.getenv\(\s*" + NAME),
    re.compile(r"os\.environ\.setdefault\(\s*" + NAME),
    re.compile(r"os\.environ\[\s*" + NAME + r"\s*\](?!\s*=[^=])"),
    re.compile(NAME + r"\s+in\s+os\.environ"),
]


def code_files():
    """The project's Python files, tests' helpers included; test modules themselves try made-up names."""
    for path in BASE.rglob("*.py"):
        parts = path.relative_to(BASE).parts
        if parts[0] in {".venv", "node_modules", "staticfiles", "var"} or path.name.startswith("test_"):
            continue
        yield path


def settings_read_in_code():
    names = {}
    for path in code_files():
        text = path.read_text(encoding="utf-8")
        for pattern in READS:
            for name in pattern.findall(text):
                names.setdefault(name, path.relative_to(BASE).as_posix())
    return names


def settings_in_readme():
    text = (BASE / "README.md").read_text(encoding="utf-8")
    section = text.split("## Inställningar (miljövariabler)", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", first_cell))
    return names


def test_every_setting_read_in_the_code_is_in_the_readme_table():
    read = settings_read_in_code()
    assert {"GNV_SECRET_KEY", "DATABASE_URL", "GNV_CSRF_TRUSTED_ORIGINS", "BROWSER_PATH"} <= set(read)
    missing = {name: where for name, where in read.items() if name not in settings_in_readme()}
    assert not missing, f"Lägg till en rad i README:s tabell Inställningar för: {missing}"


def test_every_row_of_the_table_is_read_somewhere():
    code = "\n".join(p.read_text(encoding="utf-8") for p in code_files())
    extra = [p for p in [BASE / "Makefile", *BASE.glob("deploy/**/*")] if p.is_file()]
    code += "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in extra)
    stale = sorted(name for name in settings_in_readme() if not re.search(rf"\b{name}\b", code))
    assert not stale, f"README:s tabell nämner inställningar som ingen kod läser: {stale}"
