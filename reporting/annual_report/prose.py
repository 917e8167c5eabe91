"""Generated Swedish prose where the seed report has data-driven sentences: the draft of
3.2.1 (which delmål rose, fell or stayed the same; highest and lowest) and of 3.2.2 (where
the spread between the leaderships' ratings is largest). Plain functions on
`selfassessment.stats.YearSummary`; RSS edits the draft before publishing."""

from django.utils.translation import gettext as _

WORDS = ["inget", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton"]
# A change of the mean smaller than this is "the same": the scale is whole steps, and
# means are shown with one decimal.
SAME = 0.05


def word(count):
    return WORDS[count] if 0 <= count < len(WORDS) else str(count)


def goal_names(goals):
    """'delmål 1, ”Nära för mig”' or 'delmål 1, ”Nära för mig”, och 5, ”Nära till hälsa”'."""
    parts = [f"{g.number}, ”{g.name}”" for g in goals]
    if len(parts) == 1:
        return _("delmål %(goal)s") % {"goal": parts[0]}
    return _("delmålen %(goals)s och %(last)s") % {"goals": ", ".join(parts[:-1]), "last": parts[-1]}


def means_draft(summary):
    """Paragraphs for 3.2.1 from a YearSummary; [] when the year has no ratings."""
    rated = [s for s in summary.subgoals if s.mean is not None]
    if not rated:
        return []
    paragraphs = []
    compared = [s for s in rated if s.change is not None]
    if compared:
        up = [s for s in compared if s.change >= SAME]
        down = [s for s in compared if s.change <= -SAME]
        same = [s for s in compared if abs(s.change) < SAME]
        sentences = []
        if len(up) == len(compared):
            sentences.append(_("Skattningarna som avser %(year)s är för samtliga delmål i genomsnitt högre än "
                               "motsvarande resultat avseende %(prev)s.")
                             % {"year": summary.year, "prev": summary.previous_year})
        elif up and len(up) == len(compared) - 1:
            sentences.append(_("Skattningarna som avser %(year)s är för samtliga delmål utom ett i genomsnitt "
                               "högre än motsvarande resultat avseende %(prev)s.")
                             % {"year": summary.year, "prev": summary.previous_year})
        elif up:
            sentences.append(_("Skattningarna som avser %(year)s är för %(goals)s i genomsnitt högre än "
                               "motsvarande resultat avseende %(prev)s.")
                             % {"year": summary.year, "goals": goal_names(up), "prev": summary.previous_year})
        if down:
            sentences.append(_("För %(goals)s är det genomsnittliga resultatet lägre än %(prev)s.")
                             % {"goals": goal_names(down), "prev": summary.previous_year})
        if same:
            sentences.append(_("För %(goals)s är det genomsnittliga resultatet detsamma för både %(prev)s och "
                               "%(year)s.") % {"goals": goal_names(same), "prev": summary.previous_year,
                                               "year": summary.year})
        paragraphs.append(" ".join(sentences))
    by_number = {s.number: s for s in rated}
    highest = [by_number[n] for n in summary.highest]
    lowest = [by_number[n] for n in summary.lowest]
    if highest and lowest and highest != lowest:
        text = _("Delmål med lägst genomsnittlig skattning var %(low)s, medan %(high)s skattades högst.") % {
            "low": goal_names(lowest).removeprefix("delmålen ").removeprefix("delmål "),
            "high": goal_names(highest)}
        paragraphs.append(text[0].upper() + text[1:])
    return paragraphs


def spread_draft(summary):
    """Paragraphs for 3.2.2: where the leaderships' ratings differ the most (standard deviation)."""
    by_number = {s.number: s for s in summary.subgoals if s.stdev is not None}
    widest = [by_number[n] for n in summary.largest_spread if n in by_number]
    if not widest:
        return []
    return [_("Spridningen mellan systemledningarnas skattningar är allra störst för %(goals)s. Det tyder på att "
              "det finns en tydlig variation i framfarten för omställningsarbetet kopplat till detta delmål.")
            % {"goals": goal_names(widest)}]
