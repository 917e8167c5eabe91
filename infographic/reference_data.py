"""The 20 key indicators of the infographic (DESIGN.md "Key indicators", seed Bilaga 2),
read from fixtures/nyckeltal.yaml.

Loaded by `manage.py load_reference_data`. Idempotent and careful: an indicator that
exists is never overwritten (RSS edits the catalogue in the admin); only a Kolada id
that is still empty is filled in when the file knows one.
"""

from django.db import transaction

from gnv_portal.models import SubGoal
from gnv_portal.reference import read_fixture
from infographic.models import Indicator


def catalogue():
    """The indicators of the file: dicts of Indicator fields (a field left out takes the model's default)."""
    return read_fixture("nyckeltal.yaml")


@transaction.atomic
def load():
    sub_goals = {g.number: g for g in SubGoal.objects.all()}
    existing = {i.number: i for i in Indicator.objects.all()}
    for item in catalogue():
        fields = dict(item)
        number = str(fields.pop("number"))
        indicator = existing.get(number)
        if indicator is None:
            Indicator.objects.create(number=number, sub_goal=sub_goals[int(number.split(".")[0])], **fields)
        elif item.get("kolada_id") and not indicator.kolada_id:
            indicator.kolada_id = item["kolada_id"]
            indicator.save(update_fields=["kolada_id"])
