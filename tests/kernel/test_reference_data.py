from django.core.management import call_command

from gnv_portal.models import EmailTemplate, LocalLeadership, Municipality, Region, SubGoal


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
