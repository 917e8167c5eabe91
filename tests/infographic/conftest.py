from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@dataclass
class Spec:
    """A hand-made indicator for the rules (what the Indicator model offers them)."""

    number: str = "9.1"
    title: str = "Prov"
    subtitle: str = ""
    level: str = "R"
    direction: str = "higher"
    in_development: bool = False
    sexes: list = field(default_factory=lambda: ["T"])
    unit: str = "andel (%)"
    decimals: int = 1


def D(text):
    return None if text is None else Decimal(str(text))


@pytest.fixture
def data_dir():
    return DATA
