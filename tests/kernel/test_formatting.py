from decimal import Decimal

import pytest

from gnv_portal.formatting import NBSP, parse_decimal, parse_whole_kronor, sv_number, sv_percent


def test_swedish_numbers():
    assert sv_number(1894630) == f"1{NBSP}894{NBSP}630"
    assert sv_number(3.5, 1) == "3,5"
    assert sv_number(Decimal("2.25"), 1) == "2,3"
    assert sv_number(999) == "999"
    assert sv_number(-1234) == f"−1{NBSP}234"
    assert sv_number(None) == "–"
    assert sv_percent(56.2) == f"56,2{NBSP}%"


def test_parse_whole_kronor_the_swedish_way():
    assert parse_whole_kronor("1 894 630") == 1894630
    assert parse_whole_kronor(f"1{NBSP}894{NBSP}630") == 1894630
    assert parse_whole_kronor("1894630") == 1894630
    for bad in ["-5", "12,5", "tio", ""]:
        with pytest.raises(ValueError):
            parse_whole_kronor(bad)


def test_parse_decimal_missing_is_none_not_zero():
    assert parse_decimal("") is None
    assert parse_decimal("56,2") == Decimal("56.2")
    assert parse_decimal("56.2") == Decimal("56.2")
    with pytest.raises(ValueError):
        parse_decimal("abc")


def test_one_date_format_in_text_and_iso_in_tables():
    from datetime import UTC, date, datetime

    from django.utils import translation

    from gnv_portal.formatting import iso_date, iso_datetime, sv_date, sv_datetime

    at = datetime(2026, 12, 1, 22, 46, tzinfo=UTC)  # 23.46 in Stockholm
    with translation.override("sv"):
        assert sv_datetime(at) == "1 december 2026 kl. 23.46"
        assert sv_date(date(2025, 3, 31)) == "31 mars 2025"
    with translation.override("en"):
        assert sv_datetime(at) == "1 December 2026 at 23:46"
    assert iso_datetime(at) == "2026-12-01 23:46"
    assert iso_date(at) == "2026-12-01"
    assert sv_datetime(None) == iso_datetime(None) == "–"
