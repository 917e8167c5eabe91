"""Imports point one way: kernel ← selfassessment, infographic ← reporting, and inside
reporting municipal ← annual_report, municipal ← dashboards (the packages' docstrings say so)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package → packages it must never import
FORBIDDEN = {
    "gnv_portal": ["selfassessment", "infographic", "reporting"],
    "selfassessment": ["infographic", "reporting"],
    "infographic": ["selfassessment", "reporting"],
    "reporting/municipal": ["reporting.annual_report", "reporting.dashboards", "reporting.home",
                            "reporting.demo"],
    "reporting/annual_report": ["reporting.dashboards", "reporting.home", "reporting.demo"],
    "reporting/dashboards": ["reporting.annual_report", "reporting.home", "reporting.demo"],
}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _violations(package, forbidden, root=ROOT):
    found = []
    for path in sorted((root / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(root)} imports {module}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_point_one_way(package):
    assert _violations(package, FORBIDDEN[package]) == []


def test_the_check_sees_a_forbidden_import(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("from reporting.annual_report import report\n")
    assert _violations("pkg", ["reporting.annual_report"], root=tmp_path) == [
        "pkg/m.py imports reporting.annual_report", "pkg/m.py imports reporting.annual_report.report"]
