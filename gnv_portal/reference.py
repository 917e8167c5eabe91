"""Loading the reference data kept in the top-level `fixtures/` folder (one YAML file per
kind, see fixtures/README.md): region, municipalities, leaderships, delmål and the e-mail
templates here; the apps load their own files (indicator catalogue, kommunenkät) through
their `reference_data.load()`.

Loading twice changes nothing. Facts (names, SCB codes, who belongs to which leadership,
the delmål) follow the files; e-mail templates are only created when missing, since RSS
edits their text in the portal.
"""

from pathlib import Path

import yaml
from django.db import transaction

from gnv_portal import hooks
from gnv_portal.models import EmailTemplate, LocalLeadership, Municipality, Region, SubGoal

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


class ReferenceFileError(ValueError):
    """A file in fixtures/ is missing or not valid YAML (the message is Swedish and names the file)."""


def read_fixture(name):
    """The parsed content of fixtures/<name>."""
    path = FIXTURES / name
    try:
        with path.open(encoding="utf-8") as file:
            return yaml.safe_load(file)
    except FileNotFoundError:
        raise ReferenceFileError(f"Referensdatafilen {path} saknas.") from None
    except yaml.YAMLError as error:
        where = f" (rad {error.problem_mark.line + 1})" if getattr(error, "problem_mark", None) else ""
        raise ReferenceFileError(f"Referensdatafilen {path} är inte giltig YAML{where}.") from None


def load_email_templates():
    # RSS may have edited the text: create missing templates, never overwrite.
    for template in read_fixture("epostmallar.yaml"):
        EmailTemplate.objects.get_or_create(
            key=template["key"],
            defaults={"description": template["description"], "subject": template["subject"],
                      "body": template["body"]},
        )


@transaction.atomic
def load_reference_data():
    """Create or update the reference data. Returns a count of what exists afterwards."""
    areas = read_fixture("kommuner.yaml")
    region, _ = Region.objects.update_or_create(code=areas["region"]["code"],
                                                defaults={"name": areas["region"]["name"]})
    municipalities = {}
    for m in areas["municipalities"]:
        municipalities[m["name"]], _ = Municipality.objects.update_or_create(
            code=m["code"], defaults={"name": m["name"], "region": region}
        )
    for item in read_fixture("systemledningar.yaml"):
        leadership, _ = LocalLeadership.objects.get_or_create(name=item["name"])
        leadership.municipalities.set([municipalities[m] for m in item["municipalities"]])
    for goal in read_fixture("delmal.yaml"):
        SubGoal.objects.update_or_create(number=goal["number"],
                                         defaults={"name": goal["name"], "statement": goal["statement"]})
    load_email_templates()
    for load in hooks.app_functions("reference_data", "load"):
        load()
    return {
        "regioner": Region.objects.count(),
        "kommuner": Municipality.objects.count(),
        "lokala systemledningar": LocalLeadership.objects.count(),
        "delmål": SubGoal.objects.count(),
    }
