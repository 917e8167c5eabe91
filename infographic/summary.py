"""'Resultat i korthet': the generated summary of the infographic (seed report 3.1.1).

`summarise(results)` counts on plain `rules.IndicatorResult`s; `Summary.blocks()` gives
the Swedish text as paragraphs with bullet items (the web page, the report and the PDF
render the same blocks), and `Summary.text()` the same as plain text.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from infographic.models import number_sort_key
from infographic.rules import BETTER, WORSE

WORDS = ["Inga", "Ett", "Två", "Tre", "Fyra", "Fem", "Sex", "Sju", "Åtta", "Nio", "Tio", "Elva", "Tolv"]


def numbers(items):
    return ", ".join(sorted(items, key=number_sort_key))


def _word(count):
    return WORDS[count] if count < len(WORDS) else str(count)


@dataclass
class Summary:
    total: int
    in_development: list = field(default_factory=list)
    not_updated: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    better: list = field(default_factory=list)
    worse: list = field(default_factory=list)
    improved_both: list = field(default_factory=list)
    improved_men_only: list = field(default_factory=list)
    improved_women_only: list = field(default_factory=list)
    facts: list = field(default_factory=list)
    whose: str = ""
    previous_edition_year: int | None = None
    edition_year: int | None = None

    @property
    def improved(self):
        return self.improved_both + self.improved_men_only + self.improved_women_only

    def blocks(self):
        """[{"text": paragraph, "items": [bullet, …]}] in Swedish."""
        n = self.total
        first = [
            _("%(count)s av %(total)s är fortfarande ”under utveckling” och saknar värde (%(numbers)s).")
            % {"count": len(self.in_development), "total": n, "numbers": numbers(self.in_development)},
        ]
        if self.previous_edition_year and self.edition_year:
            first.append(
                _("%(count)s av %(total)s har inte uppdaterats från föregående år, dvs. mätningarna från "
                  "%(previous)s och %(current)s är desamma (%(numbers)s).")
                % {"count": len(self.not_updated), "total": n, "previous": self.previous_edition_year,
                   "current": self.edition_year, "numbers": numbers(self.not_updated)})
        else:
            first.append(
                _("%(count)s av %(total)s har inte uppdaterats från föregående år (%(numbers)s).")
                % {"count": len(self.not_updated), "total": n, "numbers": numbers(self.not_updated)})
        first.append(_("%(count)s av %(total)s återstår och har uppdaterats i årets version av infografiken.")
                     % {"count": len(self.updated), "total": n})
        first = [item.replace(" ()", "") for item in first]
        blocks = [{"text": _("Infografiken omfattar totalt %(total)s st nyckeltal:") % {"total": n}, "items": first}]

        compared = []
        if self.better:
            compared.append(_("Bättre i jämförelse med andra för %(count)s st nyckeltal, för män och/eller kvinnor "
                              "(%(numbers)s).") % {"count": len(self.better), "numbers": numbers(self.better)})
        if self.worse:
            compared.append(_("Sämre i jämförelse med andra för %(count)s st nyckeltal, för män och/eller kvinnor "
                              "(%(numbers)s).") % {"count": len(self.worse), "numbers": numbers(self.worse)})
        if compared:
            blocks.append({"text": _("Av de %(count)s uppdaterade nyckeltalen är %(whose)s värden:")
                           % {"count": len(self.updated), "whose": self.whose}, "items": compared})

        improved = len(self.improved)
        if improved:
            items = []
            for found, text in [
                (self.improved_both, _("%(count)s st förbättrats för både kvinnor och män (%(numbers)s)")),
                (self.improved_men_only, _("%(count)s st förbättrats för enbart männen (%(numbers)s)")),
                (self.improved_women_only, _("%(count)s st förbättrats för enbart kvinnorna (%(numbers)s)")),
            ]:
                if found:
                    items.append(text % {"count": len(found), "numbers": numbers(found)})
            blocks.append({"text": ngettext(
                "Av det %(count)s nyckeltal som förbättrats i något avseende sedan föregående år har:",
                "Av de %(count)s nyckeltal som förbättrats i något avseende sedan föregående år har:",
                improved) % {"count": improved}, "items": items})
        else:
            blocks.append({"text": _("Inget av de uppdaterade nyckeltalen har förbättrats sedan föregående år."),
                           "items": []})

        if self.facts:
            blocks.append({"text": ngettext(
                "%(word)s av nyckeltalen är ett så kallat faktanyckeltal och saknar därmed ”riktning” (%(numbers)s).",
                "%(word)s av nyckeltalen är så kallade faktanyckeltal och saknar därmed ”riktning” (%(numbers)s).",
                len(self.facts)) % {"word": _word(len(self.facts)), "numbers": numbers(self.facts)}, "items": []})
        return blocks

    def text(self):
        lines = []
        for block in self.blocks():
            lines.append(block["text"])
            lines.extend(f"• {item}" for item in block["items"])
        return "\n".join(lines)


def summarise(results, *, whose=None, edition_year=None, previous_edition_year=None):
    """Count the results as the seed's 3.1.1 does.

    An indicator counts as better (worse) than others when it is for at least one sex;
    it improved "for both" when every sex it shows improved (a total-only indicator that
    improved counts here), "for men only"/"for women only" when just that sex did.
    """
    summary = Summary(total=len(results), whose=whose or _("Dalarnas"), edition_year=edition_year,
                      previous_edition_year=previous_edition_year)
    for result in sorted(results, key=lambda r: number_sort_key(r.number)):
        if result.in_development:
            summary.in_development.append(result.number)
            continue
        if result.is_fact:
            summary.facts.append(result.number)
        if not result.updated:
            summary.not_updated.append(result.number)
            continue
        summary.updated.append(result.number)
        if not result.is_judged:
            continue
        if result.sexes_with(comparison=BETTER):
            summary.better.append(result.number)
        if result.sexes_with(comparison=WORSE):
            summary.worse.append(result.number)
        shown = {s.sex for s in result.sexes}
        improved = result.sexes_with(trend=BETTER)
        if improved and improved == shown:
            summary.improved_both.append(result.number)
        elif improved == {"M"}:
            summary.improved_men_only.append(result.number)
        elif improved == {"K"}:
            summary.improved_women_only.append(result.number)
    return summary
