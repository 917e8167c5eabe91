"""Fill English msgstr entries in locale/en/LC_MESSAGES/django.po from a TSV of
Swedish<TAB>English lines (tools/translations_en.tsv), leaving others untouched.

    python tools/fill_translations.py && python manage.py compilemessages
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale/en/LC_MESSAGES/django.po"
TSV = ROOT / "tools/translations_en.tsv"


def po_unescape(text):
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def po_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main():
    table = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sv, en = line.split("\t")
            table[sv.replace("\\n", "\n")] = en.replace("\\n", "\n")
    text = PO.read_text(encoding="utf-8")
    entry = re.compile(r'(msgid ((?:"(?:[^"\\]|\\.)*"\n)+))msgstr ((?:"(?:[^"\\]|\\.)*"\n)+)')
    filled = 0

    def replace(match):
        nonlocal filled
        msgid = po_unescape("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(2))))
        if msgid in table:
            filled += 1
            return f'{match.group(1)}msgstr "{po_escape(table[msgid])}"\n'
        return match.group(0)

    text = entry.sub(replace, text)
    text = text.replace("#, fuzzy\n", "", 1)
    PO.write_text(text, encoding="utf-8")
    print(f"{filled} translations filled", file=sys.stderr)


if __name__ == "__main__":
    main()
