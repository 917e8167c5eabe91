import pytest

from gnv_portal import workflow
from gnv_portal.models import ResponseStatus
from reporting.models import EconomicReport
from reporting.municipal import economy


def test_available_is_allocated_plus_surplus_and_unused_what_is_left():
    assert economy.available(1894630, 39273) == 1933903
    assert economy.unused(1894630, 39273, 1894630) == 39273
    assert economy.unused(1274612, 26695, 1301307) == 0
    assert economy.available(None, 5) is None and economy.unused(1, 1, None) is None


@pytest.mark.parametrize("typed", ["1 894 630", "1\u00a0894\u00a0630", "1894630", " 1 894 630 kr",
                                   "1\u202f894\u202f630"])
def test_amounts_typed_the_swedish_way_or_plainly(typed):
    assert economy.parse_amount(typed) == 1894630


@pytest.mark.parametrize(("typed", "message"), [
    ("-5", "negativt"), ("−1 000", "negativt"), ("tusen", "hela kronor"), ("1 894,50", "hela kronor"),
    ("12a", "hela kronor"),
])
def test_negative_or_non_numeric_amounts_are_refused_in_swedish(typed, message):
    with pytest.raises(ValueError, match=message):
        economy.parse_amount(typed)


def test_an_empty_amount_is_missing_not_zero():
    assert economy.parse_amount("") is None and economy.parse_amount("  ") is None


def test_consuming_more_than_available_needs_a_confirmation_and_a_comment_on_submit():
    result = economy.check(1000, 100, 1200, submitting=True)
    assert set(result.errors) == {"overspend_confirmed", "comment"}
    assert not economy.check(1000, 100, 1200, confirmed=True, comment="Egen finansiering", submitting=True).errors
    assert set(economy.check(1000, 100, 1200, confirmed=True, submitting=True).errors) == {"comment"}


def test_a_draft_may_consume_more_than_available_without_confirming_yet():
    assert economy.check(1000, 100, 1200).ok


def test_consuming_exactly_what_is_available_needs_no_confirmation():
    assert economy.check(1000, 100, 1100, submitting=True).ok


def test_submitting_needs_all_three_amounts_but_a_draft_does_not():
    assert economy.check(1000, None, None).ok
    assert set(economy.check(1000, None, None, submitting=True).errors) == {"surplus", "consumed"}


def test_prefill_sets_allocated_and_surplus_and_leaves_consumed_alone(year2024, avesta, falun, rss_user):
    EconomicReport.objects.create(year=year2024, municipality=avesta, allocated=1, surplus=1, consumed=777)
    changed = economy.prefill(year2024, {avesta: (1894630, 39273), falun: (4970761, 104547)}, rss_user)
    assert changed == 2
    report = EconomicReport.objects.get(year=year2024, municipality=avesta)
    assert (report.allocated, report.surplus, report.consumed) == (1894630, 39273, 777)
    assert economy.prefill(year2024, {avesta: (1894630, 39273)}, rss_user) == 0
    assert [e.action for e in workflow.history(report)] == ["changed"]  # Avesta had reported
    assert not workflow.history(EconomicReport.objects.get(municipality=falun)).exists()


def test_a_prefilled_report_counts_as_not_started(year2024, avesta, rss_user):
    economy.prefill(year2024, {avesta: (100, 1)}, rss_user)
    report = EconomicReport.objects.get(year=year2024, municipality=avesta)
    assert economy.report_status(report) == ResponseStatus.NOT_STARTED
    report.consumed = 50
    assert economy.report_status(report) == ResponseStatus.DRAFT
