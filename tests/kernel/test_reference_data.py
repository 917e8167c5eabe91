"""Reference data from the YAML files in fixtures/: loaded twice = no change, RSS edits kept."""

import shutil

import pytest
from django.core.management import call_command

from gnv_portal import reference
from gnv_portal.models import EmailTemplate, LocalLeadership, Municipality, Region, ReportingYear, SubGoal


def members(name):
    return sorted(m.name for m in LocalLeadership.objects.get(name=name).municipalities.all())


def test_reference_data_has_dalarnas_organisations(db):
    call_command("load_reference_data", verbosity=0)
    assert Municipality.objects.count() == 15
    assert LocalLeadership.objects.count() == 13
    assert SubGoal.objects.count() == 5
    assert Region.objects.get().code == "0020"
    assert Municipality.objects.get(name="Falun").code == "2080"
    assert Municipality.objects.get(name="Älvdalen").code == "2039"
    assert members("Södra Dalarna") == ["Avesta", "Hedemora"]
    assert members("Västerbergslagen") == ["Ludvika", "Smedjebacken"]
    assert members("Mora") == ["Mora"]
    # Every municipality belongs to exactly one leadership.
    for municipality in Municipality.objects.all():
        assert municipality.leaderships.count() == 1, municipality
    assert SubGoal.objects.get(number=4).name == "Nära mellan oss"
    assert SubGoal.objects.get(number=5).statement.startswith("Vi arbetar hälsofrämjande")


def test_loading_twice_changes_nothing(db):
    call_command("load_reference_data", verbosity=0)
    template = EmailTemplate.objects.get(key="account-invitation")
    template.subject = "Ändrad av RSS"
    template.save()
    before = {
        "m": list(Municipality.objects.values_list("pk", "name", "code").order_by("pk")),
        "l": list(LocalLeadership.objects.values_list("pk", "name").order_by("pk")),
        "lm": sorted(LocalLeadership.municipalities.through.objects.values_list("localleadership_id",
                                                                                 "municipality_id")),
        "s": list(SubGoal.objects.values_list("pk", "number", "name", "statement").order_by("pk")),
    }
    call_command("load_reference_data", verbosity=0)
    after = {
        "m": list(Municipality.objects.values_list("pk", "name", "code").order_by("pk")),
        "l": list(LocalLeadership.objects.values_list("pk", "name").order_by("pk")),
        "lm": sorted(LocalLeadership.municipalities.through.objects.values_list("localleadership_id",
                                                                                 "municipality_id")),
        "s": list(SubGoal.objects.values_list("pk", "number", "name", "statement").order_by("pk")),
    }
    assert before == after
    assert EmailTemplate.objects.get(key="account-invitation").subject == "Ändrad av RSS"


def test_every_e_mail_the_portal_sends_has_a_template_rss_can_edit(db):
    call_command("load_reference_data", verbosity=0)
    assert {"account-invitation", "account-roles-added", "response-receipt", "response-reopened",
            "selfassessment-invitation", "selfassessment-reminder", "mapping-reminder",
            "reporting-invitation", "reporting-reminder"} <= set(EmailTemplate.objects.values_list("key", flat=True))


def test_every_email_template_in_the_file_is_loaded_and_an_rss_edit_survives(db):
    call_command("load_reference_data", verbosity=0)
    keys = [t["key"] for t in reference.read_fixture("epostmallar.yaml")]
    assert {"account-invitation", "selfassessment-reminder", "reporting-invitation", "reporting-reminder"} <= set(keys)
    assert sorted(EmailTemplate.objects.values_list("key", flat=True)) == sorted(keys)
    EmailTemplate.objects.filter(key="reporting-reminder").update(body="RSS egen text {name}")
    call_command("load_reference_data", verbosity=0)
    assert EmailTemplate.objects.get(key="reporting-reminder").body == "RSS egen text {name}"


def test_the_reference_kommunenkat_is_created_for_2024_when_the_year_exists(db):
    from reporting.models import Question

    ReportingYear.objects.create(year=2024)
    call_command("load_reference_data", verbosity=0)
    questions = Question.objects.filter(section__questionnaire__year__year=2024)
    assert questions.get(key="omraden").options.count() == 14
    assert questions.count() == 12


def test_the_data_comes_from_the_files_in_fixtures(db, tmp_path, monkeypatch):
    """A change in a file (as RSS staff would propose it) is what the portal loads."""
    for path in reference.FIXTURES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    changed = (tmp_path / "kommuner.yaml").read_text(encoding="utf-8").replace("name: Malung-Sälen",
                                                                              "name: Malung-Sälens kommun")
    (tmp_path / "kommuner.yaml").write_text(changed, encoding="utf-8")
    (tmp_path / "systemledningar.yaml").write_text(
        (tmp_path / "systemledningar.yaml").read_text(encoding="utf-8").replace("- Malung-Sälen\n",
                                                                                "- Malung-Sälens kommun\n"),
        encoding="utf-8")
    monkeypatch.setattr(reference, "FIXTURES", tmp_path)
    call_command("load_reference_data", verbosity=0)
    assert Municipality.objects.get(code="2023").name == "Malung-Sälens kommun"
    assert members("Malung-Sälen") == ["Malung-Sälens kommun"]


def test_a_broken_file_is_named_in_a_swedish_message(db, tmp_path, monkeypatch):
    (tmp_path / "kommuner.yaml").write_text("region: [\n", encoding="utf-8")
    monkeypatch.setattr(reference, "FIXTURES", tmp_path)
    with pytest.raises(reference.ReferenceFileError, match="kommuner.yaml är inte giltig YAML"):
        reference.load_reference_data()
    with pytest.raises(reference.ReferenceFileError, match="delmal.yaml saknas"):
        reference.read_fixture("delmal.yaml")
