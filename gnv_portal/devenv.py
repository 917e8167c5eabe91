"""The local development settings in `.env` (written by `make run`) and the one rule for
when they are used. No Django here: manage.py applies the file before Django starts.

`.env` is a convenience for a developer's machine, never for a server:
- only manage.py reads it; gunicorn (gnv_portal/wsgi.py) and asgi.py never do;
- it is ignored entirely when the environment sets any of EXPLICIT: whoever sets one of
  them has chosen the settings (a server does, through its service's environment);
- otherwise its values fill in what the environment lacks, never replace what it has.

    python -m gnv_portal.devenv      # writes .env if there is none (make run does this)
"""

import os
import secrets
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PATH = BASE_DIR / ".env"
EXPLICIT = ("GNV_DEBUG", "GNV_SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")

HEADER = """\
# Lokala utvecklingsinställningar för GNV-portalen, skrivna av `make run`.
# Läses bara av manage.py, och bara när miljön inte själv sätter någon av
# GNV_DEBUG, GNV_SECRET_KEY, DATABASE_URL eller DJANGO_SETTINGS_MODULE.
# Checkas aldrig in (.gitignore) och används aldrig i drift: där sätts inställningarna i tjänstens miljö.
"""


class DevEnvError(ValueError):
    """A line of .env that is not NAME=value (the message is Swedish and names the line)."""


def write(path=PATH):
    """Write development settings with a new secret key unless the file exists. True if written."""
    if path.exists():
        return False
    text = HEADER + "GNV_DEBUG=true\n" + f"GNV_SECRET_KEY={secrets.token_urlsafe(50)}\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return True


def parse(text, name=".env"):
    """{NAME: value} from NAME=value lines; blank lines and # comments are skipped."""
    values = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, equals, value = line.partition("=")
        key = key.strip()
        if not equals or not key.replace("_", "").isalnum():
            raise DevEnvError(f"Rad {number} i {name} ska ha formen NAMN=värde: {line!r}")
        values[key] = value.strip()
    return values


def settings_for(environ, path=PATH):
    """The values from `path` to add to `environ` under the rule above ({} when none apply)."""
    if any(name in environ for name in EXPLICIT) or not path.is_file():
        return {}
    values = parse(path.read_text(encoding="utf-8"), path.name)
    return {key: value for key, value in values.items() if key not in environ}


def apply(environ=os.environ, path=PATH):
    environ.update(settings_for(environ, path))


if __name__ == "__main__":
    if write():
        print(f"Skrev utvecklingsinställningar med en ny hemlig nyckel till {PATH}")
    sys.exit(0)
