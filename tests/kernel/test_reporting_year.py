from datetime import date, datetime

from gnv_portal.models import STOCKHOLM, ReportingYear


def year(**kwargs):
    defaults = {"year": 2024, "status": ReportingYear.Status.OPEN, "opens_on": date(2025, 1, 10),
                "deadline": date(2025, 3, 31)}
    return ReportingYear(**{**defaults, **kwargs})


def test_deadline_is_inclusive_to_2359_stockholm_time():
    y = year()
    assert y.accepts_answers(datetime(2025, 3, 31, 23, 59, 30, tzinfo=STOCKHOLM))
    assert not y.accepts_answers(datetime(2025, 4, 1, 0, 0, 1, tzinfo=STOCKHOLM))
    assert "Sista svarsdag var 31 mars 2025." in y.lock_reason(datetime(2025, 4, 1, 0, 0, 1, tzinfo=STOCKHOLM))


def test_deadline_in_summer_time_uses_stockholm_offset():
    y = year(deadline=date(2025, 6, 30))
    # 21:30 UTC is 23:30 in Stockholm in summer: still open. 22:30 UTC is past midnight.
    assert y.accepts_answers(datetime.fromisoformat("2025-06-30T21:30:00+00:00"))
    assert not y.accepts_answers(datetime.fromisoformat("2025-06-30T22:30:00+00:00"))


def test_not_open_before_opening_day_or_when_closed():
    assert not year().accepts_answers(datetime(2025, 1, 9, 12, tzinfo=STOCKHOLM))
    assert year().accepts_answers(datetime(2025, 1, 10, 0, 0, tzinfo=STOCKHOLM))
    closed = year(status=ReportingYear.Status.CLOSED)
    assert "stängt" in closed.lock_reason(datetime(2025, 2, 1, tzinfo=STOCKHOLM))
    draft = year(status=ReportingYear.Status.DRAFT)
    assert "inte öppnats" in draft.lock_reason(datetime(2025, 2, 1, tzinfo=STOCKHOLM))
