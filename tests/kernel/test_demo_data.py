from django.core.management import call_command

from gnv_portal.demo import DEMO_PASSWORD
from gnv_portal.models import Membership, ReportingYear, Role, User


def test_demo_data_has_every_role_and_two_years_and_loads_twice(db, capsys):
    call_command("load_demo_data")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "rss@demo.invalid" in out
    counts = (User.objects.count(), Membership.objects.count())
    call_command("load_demo_data")
    assert (User.objects.count(), Membership.objects.count()) == counts
    assert {m.role for m in Membership.objects.all()} == set(Role.values)
    assert set(ReportingYear.objects.values_list("year", flat=True)) >= {2023, 2024}
    assert User.objects.get(email="rss@demo.invalid").check_password(DEMO_PASSWORD)
    assert Membership.objects.filter(leadership__name="Södra Dalarna").count() == 2
