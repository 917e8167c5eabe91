import pytest
from django.core.management import call_command

from gnv_portal.models import EmailLog, ResponseStatus
from reporting.models import Answer, EconomicReport, SurveyResponse
from reporting.municipal import figures


def test_demo_has_submitted_answers_for_all_15_and_the_bilaga_1_figures(db):
    call_command("load_demo_data")
    counts = (SurveyResponse.objects.count(), Answer.objects.count(), EconomicReport.objects.count())
    call_command("load_demo_data")
    assert (SurveyResponse.objects.count(), Answer.objects.count(), EconomicReport.objects.count()) == counts
    assert SurveyResponse.objects.filter(status=ResponseStatus.SUBMITTED).count() == 15
    assert EconomicReport.objects.filter(status=ResponseStatus.SUBMITTED).count() == 15
    year = SurveyResponse.objects.first().questionnaire.year
    table = figures.economy_table(year)
    assert (table["sum"]["allocated"], table["sum"]["consumed"]) == (23849655, 24153231)
    areas = figures.area_counts(year)
    assert areas[0]["count"] >= areas[-1]["count"] > 0
    assert all(block["answers"] for block in figures.free_text_answers(year))


def test_demo_has_some_quotes_for_the_report(db):
    call_command("load_demo_data")
    year = SurveyResponse.objects.first().questionnaire.year
    picked = figures.quotes(year)
    assert {b["question"].key for b in picked} == {"viktigaste-insatser", "samverkan-region-kommun",
                                                   "halsoframjande", "medarbetare"}
    assert all(0 < len(b["quotes"]) <= 3 for b in picked)
    call_command("load_demo_data")
    assert figures.quotes(year) == picked


@pytest.mark.django_db(transaction=True)
def test_the_demo_submits_without_sending_receipts(mailoutbox):
    # Real commits: the demo's answers are submitted through the workflow, whose receipts run on commit.
    call_command("load_demo_data")
    assert SurveyResponse.objects.filter(status=ResponseStatus.SUBMITTED).count() == 15
    assert mailoutbox == []
    assert not EmailLog.objects.exists()
