from django.urls import reverse
from django.utils.translation import gettext as _

from gnv_portal.access import is_reader, is_rss


def nav_links(user):
    if not is_reader(user):
        return []
    return [(_("Nyckeltal"), reverse("infographic:infographic"))]


def tasks_for(user):
    if not is_rss(user):
        return []
    from infographic.models import IndicatorValue

    has_values = IndicatorValue.objects.exists()
    return [{
        "title": _("Importera nyckeltal och granska infografiken"),
        "url": reverse("infographic:import_values"),
        "status": _("Värden finns") if has_values else _("Inga värden ännu"),
    }]
