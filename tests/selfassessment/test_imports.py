"""CSV import of earlier years (the service)."""

import pytest

from gnv_portal.models import ReportingYear, ResponseStatus
from selfassessment import stats
from selfassessment.imports import ImportFailed, import_selfassessments
from selfassessment.models import Rating, SelfAssessment

pytestmark = pytest.mark.django_db

GOOD = """year,leadership,respondent,subgoal,rating,comment,applied
2022,Falun,anna@falun.invalid,1,4,Bra dialog,ja
2022,Falun,anna@falun.invalid,2,3,,
2022,Södra Dalarna,Avesta,1,3,,nej
2022,Södra Dalarna,Hedemora,1,4,"Komma, i text",ja
"""


def test_a_good_file_creates_a_closed_year_and_submitted_answers(reference):
    report = import_selfassessments(GOOD.encode())
    assert (report.rows, report.created, report.updated, report.unchanged) == (4, 3, 0, 0)
    assert report.years_created == [2022]
    assert ReportingYear.objects.get(year=2022).status == ReportingYear.Status.CLOSED
    assert SelfAssessment.objects.filter(status=ResponseStatus.SUBMITTED).count() == 3
    anna = SelfAssessment.objects.get(respondent_label="anna@falun.invalid")
    assert anna.applied is True
    assert Rating.objects.get(assessment__respondent_label="Hedemora").comment == "Komma, i text"
    assert stats.leadership_ratings(2022)["Södra Dalarna"] == {1: 3.5}


def test_importing_the_same_file_twice_changes_nothing(reference):
    import_selfassessments(GOOD.encode())
    before = list(Rating.objects.order_by("pk").values_list("pk", "rating", "comment"))
    report = import_selfassessments(GOOD.encode())
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert list(Rating.objects.order_by("pk").values_list("pk", "rating", "comment")) == before
    assert SelfAssessment.objects.count() == 3


def test_a_changed_rating_updates_the_answer(reference):
    import_selfassessments(GOOD.encode())
    report = import_selfassessments(GOOD.replace("anna@falun.invalid,1,4", "anna@falun.invalid,1,5"))
    assert (report.updated, report.unchanged) == (1, 2)
    assert Rating.objects.get(assessment__respondent_label="anna@falun.invalid", subgoal__number=1).rating == 5


def test_semicolons_and_a_byte_order_mark_are_accepted(reference):
    text = "\ufeff" + GOOD.replace(",", ";").replace('"Komma; i text"', "Komma")
    report = import_selfassessments(text.encode("utf-8"))
    assert report.created == 3


def test_every_bad_row_is_reported_in_swedish_and_nothing_is_stored(reference):
    bad = """year,leadership,respondent,subgoal,rating,comment,applied
2022,Falun,anna,1,0,,
2022,Falun,anna,2,6,,
2022,Falun,anna,3,tre,,
2022,Gotland,anna,4,3,,
2022,Falun,,5,3,,kanske
tjugo,Falun,anna,9,3,,
2022,Mora,bo,1,3,,
"""
    with pytest.raises(ImportFailed) as failed:
        import_selfassessments(bad.encode())
    errors = [(e.row, e.column) for e in failed.value.report.errors]
    assert errors == [(2, "rating"), (3, "rating"), (4, "rating"), (5, "leadership"), (6, "respondent"),
                      (6, "applied"), (7, "year"), (7, "subgoal")]
    assert "Skattningen ska vara ett heltal från 1 till 5, inte ”tre”." in str(failed.value)
    assert "Ingen lokal systemledning heter ”Gotland”." in str(failed.value)
    assert not SelfAssessment.objects.exists()
    assert not ReportingYear.objects.filter(year=2022).exists()


def test_missing_column_and_duplicate_rows(reference):
    with pytest.raises(ImportFailed) as failed:
        import_selfassessments(b"year,leadership,respondent,subgoal,rating\n2022,Falun,a,1,3\n")
    assert str(failed.value) == "Rad 1, kolumn comment, applied: Kolumnen saknas i rubrikraden."
    dup = GOOD + "2022,Falun,anna@falun.invalid,1,2,,\n"
    with pytest.raises(ImportFailed) as failed:
        import_selfassessments(dup.encode())
    assert [(e.row, e.column) for e in failed.value.report.errors] == [(6, "subgoal")]


def test_a_file_that_is_not_utf8_is_refused(reference):
    with pytest.raises(ImportFailed) as failed:
        import_selfassessments(GOOD.encode("latin-1"))
    assert "UTF-8" in str(failed.value)
