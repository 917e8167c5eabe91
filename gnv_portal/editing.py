"""What every edit form shares, on the form side of gnv_portal.workflow: the draft rules
(store each field that validated, keep the rest exactly as typed) and the comparison shown
when a save from an older page is refused (what the person typed next to what is stored
now, field by field, with who saved it and when)."""

import difflib
from dataclasses import dataclass, field

from django import forms
from django.core import signing
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from gnv_portal import workflow
from gnv_portal.formatting import sv_number


def valid_values(form):
    """The fields of a validated form that passed, also when others did not: {name: value}."""
    cleaned = getattr(form, "cleaned_data", {})
    return {name: value for name, value in cleaned.items() if name not in form.errors}


def raw_input(form):
    """What was posted, field by field (lists for multiple choice), to show a draft again as typed."""
    data = {}
    for name, fld in form.fields.items():
        key = form.add_prefix(name)
        if getattr(fld.widget, "allow_multiple_selected", False):
            data[key] = form.data.getlist(key) if hasattr(form.data, "getlist") else list(form.data.get(key, []))
        else:
            data[key] = form.data.get(key, "")
    return data


def pending_for(form):
    """What a draft keeps as typed: all of it when a field did not validate, else nothing."""
    return raw_input(form) if form.errors else {}


@dataclass
class Difference:
    label: str
    typed: str
    stored: str
    kept: str = ""  # what the form holds now
    theirs: bool = False  # the person had not changed the field: the newer stored value is taken over


@dataclass
class Conflict:
    """A refused save: the differences, and who saved the version stored now, when."""

    rows: list = field(default_factory=list)
    saved_by: object = None
    saved_at: object = None
    version: int = 0
    base: str = ""  # the page's new "base": the stored version it now starts from


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, (list, tuple)):
            yield from _flat_choices(label)
        else:
            yield str(key), str(label)


def shown(fld, value):
    """A value the way a person reads it: choice labels, Ja/Nej, Swedish numbers, "–" for empty."""
    if isinstance(fld, forms.BooleanField):
        return _("Ja") if fld.to_python(value) else _("Nej")
    if value in (None, "", [], ()):
        return "–"
    choices = dict(_flat_choices(getattr(fld, "choices", []) or []))
    if isinstance(value, (list, tuple)):
        return ", ".join(choices.get(str(v), str(v)) for v in value) or "–"
    if str(value) in choices:
        return choices[str(value)]
    if isinstance(value, int) and not isinstance(value, bool):
        return sv_number(value)
    return str(value)


# A longer text (the report text) is compared by its differing lines, not shown whole twice.
LONG_TEXT_LINES = 8


def _lines(value):
    return str(value or "").count("\n") + 1


def differing_lines(typed, stored):
    """(typed, stored): only the lines that differ, each stretch after a line number, "…" between."""
    mine, theirs = [], []
    matcher = difflib.SequenceMatcher(a=stored.splitlines(), b=typed.splitlines(), autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        theirs.append(_("Rad %(n)s:") % {"n": a0 + 1} + "\n" + ("\n".join(matcher.a[a0:a1]) or _("(inget)")))
        mine.append(_("Rad %(n)s:") % {"n": b0 + 1} + "\n" + ("\n".join(matcher.b[b0:b1]) or _("(inget)")))
    return "\n…\n".join(mine) or "–", "\n…\n".join(theirs) or "–"


# --- What the page showed: the base of a three-way comparison ---------------------------------

BASE_FIELD = "base"
_BASE_SALT = "gnv_portal.editing.base"


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return value if value is None or isinstance(value, (str, bool, int)) else str(value)


def base_of(form, initial=None):
    """What each field of the page shows, signed, for the page's hidden input "base": after a
    refused save it tells which fields the person changed. From `initial` (a stored row's initial
    data) when given, else from the form as it will be shown."""
    if initial is None:
        values = {name: _plain(form[name].value()) for name in form.fields}
    else:
        values = {name: _plain(fld.prepare_value(initial.get(name))) for name, fld in form.fields.items()}
    return signing.dumps(values, salt=_BASE_SALT, compress=True)


def posted_base(data):
    """The base a posted page carried, to show it again unchanged (nothing was saved)."""
    return data.get(BASE_FIELD, "")


def _base_posted(form):
    try:
        return signing.loads(form.data.get(BASE_FIELD, ""), salt=_BASE_SALT)
    except signing.BadSignature:
        return None  # an old or altered page: every difference counts as changed by both


def _norm(fld, raw):
    """A field's value for comparing typed, shown and stored values alike."""
    try:
        value = fld.to_python(raw)
    except forms.ValidationError:
        return raw
    return sorted(value) if isinstance(value, (list, tuple)) else value


def _raw(fld, value):
    """A stored (initial) value as the form would post it."""
    if isinstance(fld, forms.BooleanField):
        return "on" if value else None
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    value = fld.prepare_value(value)
    return "" if value is None else str(value)


def conflict(form, stored_initial, current, names=None):
    """Compare the bound `form` (what the person typed) with `stored_initial` (the form's initial
    data for the row as stored now, `current`; None when the row is gone, or several rows), in
    the fields `names` (default all), and merge them into the form, field by field:

    a field the person did not change (as the page showed it, "base") takes the newer stored
    value; a field they changed keeps what they typed, also where the other save changed it too.
    The form then holds the merge; the rows say, per field, what was typed, what is stored and
    what the form holds now."""
    base = _base_posted(form)
    data = form.data.copy()
    rows = []
    for name, fld in form.fields.items():
        if names is not None and name not in names:
            continue
        if fld.disabled or isinstance(fld.widget, forms.HiddenInput) or not getattr(fld, "compared", True):
            continue
        typed, stored = form[name].data, _raw(fld, stored_initial.get(name))
        mine, theirs = _norm(fld, typed), _norm(fld, stored)
        if mine == theirs:
            continue
        untouched = base is not None and name in base and _norm(fld, base[name]) == mine
        if untouched:
            key = form.add_prefix(name)
            if isinstance(stored, list) and hasattr(data, "setlist"):
                data.setlist(key, stored)
            elif stored is None:
                data.pop(key, None)
            else:
                data[key] = stored
        label = str(label_of(fld) or name)
        if isinstance(fld.widget, forms.Textarea) and max(_lines(typed), _lines(stored)) > LONG_TEXT_LINES:
            typed_text, stored_text = differing_lines(str(typed or ""), str(stored or ""))
        else:
            typed_text, stored_text = shown(fld, typed), shown(fld, stored)
        rows.append(Difference(label, typed_text, stored_text, kept=stored_text if untouched else typed_text,
                               theirs=untouched))
    if any(row.theirs for row in rows):
        form.data = data
        form.full_clean()
    return Conflict(rows=rows, saved_by=getattr(current, "updated_by", None),
                    saved_at=getattr(current, "updated_at", None), version=getattr(current, "version", 0) or 0,
                    base=base_of(form, stored_initial))


@dataclass
class Outcome:
    """What became of a posted edit form; the view redirects or shows `form` again."""

    row: object = None
    form: object = None  # the form to show again; None when the view redirects
    version: int = 0  # the version the shown page starts from
    conflict: Conflict | None = None
    ready: bool = False  # saved and complete: on to the confirm page
    base: str = ""  # what the shown page starts from (see base_of)


def post(form, *, seen, save, current, initial_for, final_form=None):
    """The POST of every answer form, in one place.

    The draft is saved first (`save(form, seen)`: each field that validated, the rest kept as
    typed); a save from an outdated page is refused and answered with both versions (the form
    shows what was typed, ready to be saved over the version stored now, `current()`).
    With `final_form` (the same data, validated as a submission) a complete answer is `ready`
    for the confirm page, an incomplete one is shown with the submit-time errors at the fields.
    """
    form.is_valid()
    try:
        row = save(form, seen)
    except workflow.Stale:
        now = current()
        found = conflict(form, initial_for(now), now)
        return Outcome(row=now, form=form, version=workflow.version_of(now), conflict=found, base=found.base)
    if final_form is not None:
        if final_form.is_valid():
            return Outcome(row=row, ready=True)
        return Outcome(row=row, form=final_form, version=workflow.version_of(row), base=base_of(final_form))
    return Outcome(row=row, form=form if form.errors else None, version=workflow.version_of(row),
                   base=base_of(form))


def as_data(initial):
    """Stored values (a form's initial data) as posted data, to validate them as a submission."""
    data = MultiValueDict()
    for name, value in initial.items():
        if isinstance(value, (list, tuple)):
            data.setlist(name, [str(v) for v in value])
        elif value is not None and value is not False:
            data[name] = str(value)
    return data


def problems(form):
    """What keeps a bound form from validating, as "label: message" lines ([] when it validates)."""
    if form.is_valid():
        return []
    lines = []
    for name, errors in form.errors.items():
        fld = form.fields.get(name)
        label = label_of(fld) if fld is not None else ""
        lines += [f"{label}: {message}" if label else message for message in errors]
    return lines


def summary(form, initial, names=None):
    """[(label, value as read)] of the fields `names` (default all): the confirm page's view of
    a stored answer, read through the same form the answer was typed in."""
    if names is None:
        names = [n for n, fld in form.fields.items() if not isinstance(fld.widget, forms.HiddenInput)]
    return [(label_of(form.fields[n]), shown(form.fields[n], initial.get(n))) for n in names]


def label_of(fld):
    """The field's name for a person reading a comparison or summary out of the form's layout."""
    return getattr(fld, "compare_label", None) or fld.label
